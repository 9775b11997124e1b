#!/usr/bin/env bash
# Container targets for AptReady's tests: a real sshd inside a chroot of a cached Debian root file
# system, with its own pid and mount namespaces, on a loopback port. See ../shared/TESTING.md.
#
#   target.sh start SUITE [PORT...]       starts a target; prints KEY=VALUE lines (STATE, PORT, ...)
#   target.sh stop STATE                  stops it and removes its overlay and state folder
#   target.sh exec STATE CMD [ARG...]     runs CMD as root inside the target (its namespaces and root)
#   target.sh hold-lock STATE PATH SECS   holds an fcntl write lock on PATH (as apt does) inside the
#                                         target for SECS seconds; prints the holder's pid there
#   target.sh sshd-stop STATE             stops the sshd listener; returns once every port refuses
#   target.sh sshd-start STATE            starts a fresh listener (new config and host key read);
#                                         returns once every port sends an SSH banner, else fails
#   target.sh sshd-restart STATE          ends every sshd process (open connections too), starts anew
#   target.sh sshd-kill STATE             ends every sshd process and leaves sshd down
#   target.sh check STATE                 exit 0 when every port sends a banner, 1 when not, 4 when
#                                         the target is gone (its init ended)
#   target.sh revive STATE                starts the init of a target whose init ended, on the same
#                                         root file system, ports and keys
#
# APTREADY_NETNS=NS APTREADY_LISTEN=ADDR start ...: the target lives in network namespace NS (see
# netns.sh) and its sshd listens on ADDR there instead of on this machine's 127.0.0.1.
#
# The sshd commands are requests to the target's init over a FIFO, serialised by a lock, and each
# waits for what it asked for (bounded). Every process is started by this script and stopped by pid;
# nothing is killed by name.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state_root=${APTREADY_TARGETS:-/tmp/aptready-targets}
netns=${APTREADY_NETNS:-}
listen=${APTREADY_LISTEN:-127.0.0.1}
# The prefix that runs a command in the target's network namespace (none: this machine's own).
ns_prefix=()
[ -z "$netns" ] || ns_prefix=(ip netns exec "$netns")

die() { echo "target.sh: $*" >&2; exit 3; }

require_host() {
    [ "$(id -u)" -eq 0 ] || die "container targets need root (mount, unshare, chroot)"
    local tool
    for tool in unshare nsenter chroot mount ssh-keygen setsid; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: apt-get install -y util-linux openssh-client"
    done
    grep -qw overlay /proc/filesystems || die "the kernel has no overlay file system"
}

# A free port below Linux's ephemeral range (32768+), where no client socket can be holding it.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$(( 20000 + RANDOM % 12000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"; return 0
        fi
    done
    die "no free loopback port found"
}

# Whether an SSH server answers on the port (its banner, not just any listener).
ssh_banner() {
    local banner
    banner=$("${ns_prefix[@]}" timeout 2 bash -c 'exec 3<>"/dev/tcp/$2/$1" && head -c 4 <&3' sh "$1" "$listen" 2>/dev/null) || return 1
    [ "$banner" = "SSH-" ]
}

# Whether nothing listens on the port (the connection is refused).
port_refuses() {
    ! "${ns_prefix[@]}" timeout 2 bash -c 'exec 3<>"/dev/tcp/$2/$1"' sh "$1" "$listen" 2>/dev/null
}

# Waits until every port of PORTS (words) answers with an SSH banner (answer) or refuses (refuse),
# at most SECONDS; with a PID, gives up as soon as that process is gone. Polls: nothing to block on.
wait_ports() {
    local mode=$1 ports=$2 seconds=$3 pid=${4:-}
    local deadline=$(( SECONDS + seconds )) p ok
    while :; do
        ok=1
        for p in $ports; do
            case $mode in
                answer) ssh_banner "$p" || { ok=0; break; } ;;
                refuse) port_refuses "$p" || { ok=0; break; } ;;
            esac
        done
        [ $ok -eq 1 ] && return 0
        [ $SECONDS -lt $deadline ] || return 1
        [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
}

# Whether the target's init (after read_state) still runs. A killed init stays a zombie until unshare
# reaps it, and kill -0 succeeds on a zombie: read its state instead.
init_alive() {
    local stat
    stat=$(cat "/proc/$INIT_PID/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [ -n "$stat" ] && [ "${stat%% *}" != Z ]
}

read_state() {
    local state=${1:?state folder}
    [ -f "$state/info" ] || die "'$state' is not a target state folder"
    # shellcheck disable=SC1091
    . "$state/info"
    # A target in a network namespace of its own is reached there, on its own address.
    netns=${NETNS:-}
    listen=${ADDRESS:-127.0.0.1}
    ns_prefix=()
    [ -z "$netns" ] || ns_prefix=(ip netns exec "$netns")
}

# The namespace's pid 1: a bash that keeps sshd as its child (sshd would overwrite the environment
# cloud-init reads from pid 1) and takes requests, one line at a time and in order, from a FIFO in the
# target's /run: "up" (re)starts the listener, "down" stops it, "exit" ends the target; a request
# "up ID" is acknowledged by a line ID in /run/aptready-control.done once done. A FIFO and not
# signals: a shell cannot trap a signal that was ignored when it started (under nohup, SIGHUP is), so
# a signal-driven restart can silently do nothing. bash, not dash: it reaps every child as it ends,
# orphans of the namespace too, while it waits for the next request.
init_script='
hostname -F /etc/hostname
sshd=
start_sshd() {
    /usr/sbin/sshd -D -E /var/log/aptready-sshd.log -o LogLevel=VERBOSE -o UsePAM=no -o ListenAddress=$LISTEN_ADDRESS -o PidFile=/run/aptready-sshd.pid -o MaxStartups=200:30:400 -o MaxSessions=64 $PORT_ARGS &
    sshd=$!
    echo "$sshd" >/run/aptready-sshd.child
}
stop_sshd() {
    [ -n "$sshd" ] || return 0
    kill "$sshd" 2>/dev/null
    wait "$sshd" 2>/dev/null
    sshd=
    rm -f /run/aptready-sshd.child
}
trap "stop_sshd; exit 0" TERM INT
exec 3<>/run/aptready-control
start_sshd
while :; do
    read -r request id <&3 || { sleep 1; continue; }
    case $request in
        up) stop_sshd; start_sshd ;;
        down) stop_sshd ;;
        exit) stop_sshd; exit 0 ;;
    esac
    [ -z "$id" ] || echo "$id" >>/run/aptready-control.done
done
'

# Starts the namespace's init on the target's root and waits until sshd answers on every port.
# Sets unshare_pid and init_pid; on failure prints the logs, ends the init and dies.
launch_init() {
    local state=$1 root=$2 port_args=$3 ports=$4
    rm -f "$root/run/aptready-control"
    mkfifo -m 600 "$root/run/aptready-control"
    # --default-signal: the target's processes start with no signal ignored, whatever this
    # script's caller ignored (nohup ignores HUP; a background job of a script ignores INT).
    setsid "${ns_prefix[@]}" env --default-signal -i PATH=/usr/sbin:/usr/bin:/sbin:/bin PORT_ARGS="$port_args" LISTEN_ADDRESS="$listen" \
        unshare -m -u -p -f --mount-proc="$root/proc" chroot "$root" /bin/bash -c "$init_script" \
        </dev/null >>"$state/init.log" 2>&1 &
    unshare_pid=$!

    # The namespace's init is unshare's child.
    init_pid=""
    for _ in $(seq 1 100); do
        init_pid=$(awk '{print $1}' "/proc/$unshare_pid/task/$unshare_pid/children" 2>/dev/null)
        [ -n "$init_pid" ] && break
        sleep 0.05
    done
    [ -n "$init_pid" ] || { cat "$state/init.log" >&2; die "the target's init did not start"; }

    if ! wait_ports answer "$ports" 30 "$unshare_pid"; then
        cat "$state/init.log" "$root/var/log/aptready-sshd.log" >&2 2>/dev/null || true
        kill -KILL "$init_pid" 2>/dev/null || true
        die "sshd did not come up on $ports"
    fi
}

# A target whose test process was killed (a CI timeout, a second Ctrl+C) leaves its overlay mounted
# and its folder behind. Each start removes those: stale is a target whose init is gone AND whose owner
# (the process that started it) is gone too; while its owner lives, a dead target may still be revived.
# A pid is matched with its start time, so a reused pid is not taken for the old process.
process_start() { local stat; stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1; stat=${stat##*) }; echo "$stat" | cut -d' ' -f20; }

reap_stale_targets() {
    local info state
    for info in "$state_root"/*/info; do
        [ -f "$info" ] || continue
        state=${info%/info}
        if ( read_state "$state"
             init_alive || { [ -n "${OWNER_PID:-}" ] && [ "$(process_start "$OWNER_PID" || true)" = "${OWNER_START:-}" ]; } ); then
            continue
        fi
        echo "target.sh: removing a target whose init and owner are both gone: $state" >&2
        cmd_stop "$state" || true
    done
}

cmd_start() {
    local suite=${1:?suite}; shift
    require_host
    reap_stale_targets
    local rootfs
    rootfs=$("$here/rootfs.sh" "$suite")
    mkdir -p "$state_root"
    local state
    state=$(mktemp -d "$state_root/$suite-XXXXXX")
    mkdir -p "$state/up" "$state/work" "$state/root"
    mount -t overlay overlay -o "lowerdir=$rootfs,upperdir=$state/up,workdir=$state/work" "$state/root"
    local root=$state/root
    # A start that fails half-way leaves nothing behind: no mount, no folder, no process.
    trap 'cleanup_failed_start "$state"' EXIT

    local ports=("$@")
    [ ${#ports[@]} -gt 0 ] || ports=("$(free_port)")
    local port_args=""
    for p in "${ports[@]}"; do
        [[ $p =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "bad port '$p'"
        port_args="$port_args -p $p"
    done

    # Host key: one per target, so a test can tell targets apart and pin the key it expects.
    rm -f "$root"/etc/ssh/ssh_host_*
    ssh-keygen -q -t ed25519 -N '' -C "aptready-target" -f "$root/etc/ssh/ssh_host_ed25519_key"
    printf 'HostKey /etc/ssh/ssh_host_ed25519_key\n' >"$root/etc/ssh/sshd_config.d/aptready.conf"
    mkdir -p "$root/run/sshd"
    # OpenSSH 9.8 and later penalise a source address whose connections end before authentication:
    # every client here (the tests, and the harness's own banner checks) comes from one loopback
    # address, so a few banner checks would lock them all out ("Not allowed at this time").
    if chroot "$root" /usr/sbin/sshd -t -o PerSourcePenalties=no >/dev/null 2>&1; then
        printf 'PerSourcePenalties no\n' >>"$root/etc/ssh/sshd_config.d/aptready.conf"
    fi

    # The client key of the test user; APTREADY_CLIENT_KEY shares one key across a fleet of targets.
    if [ -n "${APTREADY_CLIENT_KEY:-}" ]; then
        cp "$APTREADY_CLIENT_KEY" "$state/client_key"; cp "$APTREADY_CLIENT_KEY.pub" "$state/client_key.pub"
        chmod 600 "$state/client_key"
    else
        ssh-keygen -q -t ed25519 -N '' -C "aptready-test" -f "$state/client_key"
    fi
    local home=$root/home/aptready
    mkdir -p "$home/.ssh"
    cp "$state/client_key.pub" "$home/.ssh/authorized_keys"
    local uid gid
    uid=$(awk -F: '$1=="aptready"{print $3}' "$root/etc/passwd")
    gid=$(awk -F: '$1=="aptready"{print $4}' "$root/etc/passwd")
    chown -R "$uid:$gid" "$home/.ssh"
    chmod 700 "$home/.ssh"; chmod 600 "$home/.ssh/authorized_keys"

    local hostname=aptready-${state##*/}
    hostname=${hostname,,}
    printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$hostname" >"$root/etc/hosts"
    echo "$hostname" >"$root/etc/hostname"

    # A known_hosts file naming this target's key for each of its ports.
    local pub
    pub=$(cut -d' ' -f1,2 "$root/etc/ssh/ssh_host_ed25519_key.pub")
    : >"$state/known_hosts"
    for p in "${ports[@]}"; do
        if [ "$p" = 22 ]; then echo "$listen $pub"; else echo "[$listen]:$p $pub"; fi >>"$state/known_hosts"
    done

    local unshare_pid init_pid
    launch_init "$state" "$root" "$port_args" "${ports[*]}"

    cat >"$state/info" <<EOF
STATE=$state
SUITE=$suite
ROOT=$root
PORT=${ports[0]}
PORTS="${ports[*]}"
USER_NAME=aptready
KEY=$state/client_key
KNOWN_HOSTS=$state/known_hosts
HOST_KEY_PUB="$pub"
HOST_KEY_FINGERPRINT=$(ssh-keygen -lf "$root/etc/ssh/ssh_host_ed25519_key.pub" | cut -d' ' -f2)
HOSTNAME=$hostname
NETNS=$netns
ADDRESS=$listen
UNSHARE_PID=$unshare_pid
INIT_PID=$init_pid
OWNER_PID=$PPID
OWNER_START=$(process_start "$PPID" || true)
EOF
    trap - EXIT
    cat "$state/info"
}

cleanup_failed_start() {
    local state=$1
    [ -f "$state/info" ] && return 0
    [ -n "${init_pid:-}" ] && kill -KILL "$init_pid" 2>/dev/null
    [ -n "${unshare_pid:-}" ] && for _ in $(seq 1 40); do kill -0 "$unshare_pid" 2>/dev/null || break; sleep 0.05; done
    mountpoint -q "$state/root" && umount -l "$state/root"
    rm -rf --one-file-system "$state"
}

cmd_stop() {
    local state=${1:?state folder}
    [ -f "$state/info" ] || return 0
    read_state "$state"
    if init_alive; then
        ( send_request exit ) 2>/dev/null || kill -TERM "$INIT_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$UNSHARE_PID" 2>/dev/null || break; sleep 0.05; done
        kill -KILL "$INIT_PID" 2>/dev/null || true
    fi
    for _ in $(seq 1 100); do kill -0 "$UNSHARE_PID" 2>/dev/null || break; sleep 0.05; done
    mountpoint -q "$ROOT/proc" && umount -l "$ROOT/proc" || true
    mountpoint -q "$ROOT" && umount "$ROOT" || umount -l "$ROOT" 2>/dev/null || true
    rm -rf --one-file-system "$state"
}

# -u too: cloud-init's set_hostname run here must rename the target, never this machine.
cmd_exec() {
    local state=${1:?state folder}; shift
    read_state "$state"
    # -u too: cloud-init's `hostname NAME` must rename the target, not the machine running the tests.
    nsenter -t "$INIT_PID" -m -u -p -r -w env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C "$@"
}

cmd_hold_lock() {
    local state=${1:?state folder} path=${2:?lock path} seconds=${3:?seconds}
    read_state "$state"
    # lockf takes the same whole-file POSIX write lock (F_SETLK) that apt and dpkg take.
    cmd_exec "$state" /bin/sh -c '
        rm -f /tmp/aptready-held
        setsid python3 -c "
import fcntl, os, sys, time
f = open(sys.argv[1], \"a\")
fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
open(\"/tmp/aptready-held\", \"w\").write(str(os.getpid()))
time.sleep(float(sys.argv[2]))
" "$1" "$2" </dev/null >/tmp/aptready-hold.log 2>&1 &
        for i in $(seq 1 100); do [ -s /tmp/aptready-held ] && break; sleep 0.05; done
        [ -s /tmp/aptready-held ] || { cat /tmp/aptready-hold.log >&2; exit 1; }
        cat /tmp/aptready-held; echo' sh "$path" "$seconds"
}

# Hands one request (up, down, exit) to the target's init, after read_state, and waits until the
# init says it is done (the old listener has ended; a new one is starting). The init reads requests
# in order; a dead init (nothing reads the FIFO) is an error, not a hang.
send_request() {
    local request=$1 id="$$-$RANDOM-$SECONDS"
    init_alive || die "the init of $STATE (pid $INIT_PID) is gone; start a new target"
    timeout 10 bash -c 'printf "%s %s\n" "$1" "$2" >"$3"' sh "$request" "$id" "$ROOT/run/aptready-control" ||
        die "the init of $STATE (pid $INIT_PID) took no '$request' request within 10 s"
    [ "$request" = exit ] && return 0
    local deadline=$(( SECONDS + 30 ))
    until grep -qx -- "$id" "$ROOT/run/aptready-control.done" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || die "the init of $STATE did not finish '$request' within 30 s"
        init_alive || die "the init of $STATE (pid $INIT_PID) ended during '$request'"
        sleep 0.02
    done
}

# One control command of a target at a time (sshd-start, -stop, -restart, -kill): each ends only
# once its port state is seen, so no interleaving of callers leaves sshd down after a start returned.
lock_control() {
    read_state "${1:?state folder}"
    exec 8>"$STATE/control.lock"
    flock -w 120 8 || die "another control command of $STATE held its lock for 120 s"
}

fail_with_logs() {
    echo "target.sh: $*; the target's logs:" >&2
    tail -n 5 "$STATE/init.log" >&2 2>/dev/null || true
    tail -n 15 "$ROOT/var/log/aptready-sshd.log" >&2 2>/dev/null || true
    exit 1
}

# Asks for a fresh listener and waits for its banner on every port; asks again once, then fails.
start_listener() {
    local attempt
    for attempt in 1 2; do
        send_request up
        wait_ports answer "$PORTS" 20 "$INIT_PID" && return 0
        echo "target.sh: sshd of $STATE sent no banner on $PORTS within 20 s (attempt $attempt)" >&2
    done
    fail_with_logs "sshd of $STATE did not come up on $PORTS"
}

stop_listener() {
    send_request down
    wait_ports refuse "$PORTS" 20 || fail_with_logs "ports $PORTS of $STATE still accept connections 20 s after sshd-stop"
}

# Every sshd process of the target: the listener's and each connection's. Only processes inside the
# target's own pid namespace are seen.
kill_all_sshd() {
    # OpenSSH 9.8+ runs each connection in sshd-session (and 10.0 authenticates in sshd-auth).
    cmd_exec "$STATE" /bin/sh -c 'for p in /proc/[0-9]*; do case "$(cat "$p/comm" 2>/dev/null)" in sshd|sshd-session|sshd-auth) kill -9 "${p#/proc/}" 2>/dev/null ;; esac; done; true'
}

cmd_sshd_stop() {
    lock_control "$1"
    stop_listener
}

cmd_sshd_start() {
    lock_control "$1"
    start_listener
}

# Ends every sshd process of the target (open connections too), as a reboot would, then starts the
# listener again.
cmd_sshd_restart() {
    lock_control "$1"
    stop_listener
    kill_all_sshd
    start_listener
}

# Ends every sshd process of the target and leaves it down: a host that went away for good.
cmd_sshd_kill() {
    lock_control "$1"
    stop_listener
    kill_all_sshd
}

# A target whose init ended (killed, or its namespace gone) comes back on the same root, ports and
# keys; its files are as they were.
cmd_revive() {
    read_state "${1:?state folder}"
    init_alive && die "the init of $STATE (pid $INIT_PID) still runs: nothing to revive"
    for _ in $(seq 1 100); do kill -0 "$UNSHARE_PID" 2>/dev/null || break; sleep 0.05; done
    if mountpoint -q "$ROOT/proc"; then umount -l "$ROOT/proc"; fi
    mountpoint -q "$ROOT" || die "the root of $STATE is no longer mounted: start a new target"
    local port_args="" p unshare_pid init_pid
    for p in $PORTS; do port_args="$port_args -p $p"; done
    launch_init "$STATE" "$ROOT" "$port_args" "$PORTS"
    sed -i -e "s/^UNSHARE_PID=.*/UNSHARE_PID=$unshare_pid/" -e "s/^INIT_PID=.*/INIT_PID=$init_pid/" "$STATE/info"
}

cmd_check() {
    [ -f "${1:?state folder}/info" ] || exit 4
    read_state "$1"
    init_alive || exit 4
    # A refused port is down at once; one that accepts may be slow to greet on a loaded machine.
    local p
    for p in $PORTS; do
        port_refuses "$p" && exit 1
        wait_ports answer "$p" 10 "$INIT_PID" || exit 1
    done
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    stop) shift; cmd_stop "$@" ;;
    exec) shift; cmd_exec "$@" ;;
    hold-lock) shift; cmd_hold_lock "$@" ;;
    sshd-stop) shift; cmd_sshd_stop "$@" ;;
    sshd-start) shift; cmd_sshd_start "$@" ;;
    sshd-restart) shift; cmd_sshd_restart "$@" ;;
    sshd-kill) shift; cmd_sshd_kill "$@" ;;
    check) shift; cmd_check "$@" ;;
    revive) shift; cmd_revive "$@" ;;
    *) sed -n '2,22p' "$0" >&2; exit 2 ;;
esac
