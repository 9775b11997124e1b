#!/usr/bin/env bash
# Container targets for AptReady's tests: a real sshd inside a chroot of a cached Debian root file
# system, with its own pid and mount namespaces, on a loopback port. See ../shared/TESTING.md.
#
#   target.sh start SUITE [PORT...]       starts a target; prints KEY=VALUE lines (STATE, PORT, ...)
#   target.sh stop STATE                  stops it and removes its overlay and state folder
#   target.sh exec STATE CMD [ARG...]     runs CMD as root inside the target (its namespaces and root)
#   target.sh hold-lock STATE PATH SECS   holds an fcntl write lock on PATH (as apt does) inside the
#                                         target for SECS seconds; prints the holder's pid there
#   target.sh sshd-stop STATE | sshd-start STATE   stops or starts only the target's sshd listener
#   target.sh sshd-restart STATE          ends every sshd process (open connections too), starts anew
#   target.sh sshd-kill STATE             ends every sshd process and leaves sshd down
#
# Every process is started by this script and stopped by pid; nothing is killed by name.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state_root=${APTREADY_TARGETS:-/tmp/aptready-targets}

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
    banner=$(timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && head -c 4 <&3' sh "$1" 2>/dev/null) || return 1
    [ "$banner" = "SSH-" ]
}

read_state() {
    local state=${1:?state folder}
    [ -f "$state/info" ] || die "'$state' is not a target state folder"
    # shellcheck disable=SC1091
    . "$state/info"
}

# The namespace's pid 1: a shell that starts sshd as its child (sshd would overwrite the environment
# cloud-init reads from pid 1) and exits on TERM (an init ignores signals it has no handler for).
# When it exits, the kernel ends every process in the namespace.
init_script='
hostname -F /etc/hostname
trap "kill \$sshd 2>/dev/null; exit 0" TERM INT
start_sshd() { /usr/sbin/sshd -D -E /var/log/aptready-sshd.log -o LogLevel=VERBOSE -o UsePAM=no -o ListenAddress=127.0.0.1 -o PidFile=/run/aptready-sshd.pid -o MaxStartups=200:30:400 -o MaxSessions=64 $PORT_ARGS & sshd=$!; echo $sshd >/run/aptready-sshd.child; }
trap "kill \$sshd 2>/dev/null; wait \$sshd 2>/dev/null; start_sshd" HUP
trap "kill \$sshd 2>/dev/null" USR1
start_sshd
while :; do wait; sleep 0.2; done
'

cmd_start() {
    local suite=${1:?suite}; shift
    require_host
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
    for p in "${ports[@]}"; do port_args="$port_args -p $p"; done

    # Host key: one per target, so a test can tell targets apart and pin the key it expects.
    rm -f "$root"/etc/ssh/ssh_host_*
    ssh-keygen -q -t ed25519 -N '' -C "aptready-target" -f "$root/etc/ssh/ssh_host_ed25519_key"
    printf 'HostKey /etc/ssh/ssh_host_ed25519_key\n' >"$root/etc/ssh/sshd_config.d/aptready.conf"
    mkdir -p "$root/run/sshd"

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
    for p in "${ports[@]}"; do echo "[127.0.0.1]:$p $pub" >>"$state/known_hosts"; done

    PORT_ARGS="$port_args" setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin PORT_ARGS="$port_args" \
        unshare -m -u -p -f --mount-proc="$root/proc" chroot "$root" /bin/sh -c "$init_script" \
        </dev/null >"$state/init.log" 2>&1 &
    local unshare_pid=$!

    # The namespace's init is unshare's child; wait until sshd answers on every port.
    local init_pid=""
    for _ in $(seq 1 100); do
        init_pid=$(cat "/proc/$unshare_pid/task/$unshare_pid/children" 2>/dev/null | awk '{print $1}')
        [ -n "$init_pid" ] && break
        sleep 0.05
    done
    [ -n "$init_pid" ] || { cat "$state/init.log" >&2; die "the target's init did not start"; }

    local up=0
    for _ in $(seq 1 200); do
        up=1
        for p in "${ports[@]}"; do
            ssh_banner "$p" || { up=0; break; }
        done
        [ $up -eq 1 ] && break
        kill -0 "$unshare_pid" 2>/dev/null || break
        sleep 0.05
    done
    if [ $up -ne 1 ]; then
        cat "$state/init.log" "$root/var/log/aptready-sshd.log" >&2 2>/dev/null || true
        kill "$init_pid" 2>/dev/null || true
        die "sshd did not come up on ${ports[*]}"
    fi

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
UNSHARE_PID=$unshare_pid
INIT_PID=$init_pid
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
    if kill -0 "$INIT_PID" 2>/dev/null; then
        kill -TERM "$INIT_PID" 2>/dev/null || true
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

cmd_sshd_stop() {
    read_state "${1:?state folder}"
    kill -USR1 "$INIT_PID"
}

# Ends every sshd process of the target (the listener and each connection's), as a reboot would,
# then starts the listener again. Only processes inside the target's own pid namespace are seen.
cmd_sshd_restart() {
    local state=${1:?state folder}
    cmd_exec "$state" /bin/sh -c 'for p in /proc/[0-9]*; do [ "$(cat "$p/comm" 2>/dev/null)" = sshd ] && kill -9 "${p#/proc/}" 2>/dev/null; done; true'
    read_state "$state"
    kill -HUP "$INIT_PID"
}

# Ends every sshd process of the target and leaves it down: a host that went away for good.
cmd_sshd_kill() {
    local state=${1:?state folder}
    read_state "$state"
    kill -USR1 "$INIT_PID"
    cmd_exec "$state" /bin/sh -c 'for p in /proc/[0-9]*; do [ "$(cat "$p/comm" 2>/dev/null)" = sshd ] && kill -9 "${p#/proc/}" 2>/dev/null; done; true'
}

cmd_sshd_start() {
    read_state "${1:?state folder}"
    kill -HUP "$INIT_PID"
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
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
