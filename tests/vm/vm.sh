#!/usr/bin/env bash
# A real cloud-init VM for AptReady's tests: the image of tests/vm/image.sh booted under qemu (TCG),
# a NoCloud seed as a second drive, SSH forwarded to a free loopback port. See tests/vm/README.md.
#
#   vm.sh start SUITE SEED_ISO [REPO_PORT]  boots a VM on a new qcow2 overlay; prints KEY=VALUE lines
#                                           (STATE, PORT, PID, SERIAL_LOG, STARTED_AT, ...). The VM
#                                           reaches the host's loopback as 10.0.2.2; REPO_PORT, when
#                                           given, is the apt repository it will use there: checked
#                                           to answer on 127.0.0.1 before booting. qemu exits when
#                                           the guest reboots (-no-reboot) unless APTREADY_VM_REBOOT=1
#                                           (the reboot tests), when the guest boots again.
#   vm.sh wait-ssh STATE TIMEOUT_SECONDS    waits until sshd in the VM sends its banner; prints
#                                           SSH_SECONDS (since start). On timeout, or when qemu died,
#                                           prints the serial console's tail to stderr and exits 1.
#   vm.sh serial-tail STATE [LINES]         the last lines of the serial console (default 40)
#   vm.sh stop STATE                        stops that qemu (by its pid) and deletes the overlay and
#                                           the state folder
#
# KVM on this kind of machine is a nested paravirtual one that stock Debian kernels cannot run on,
# so the VM always uses TCG (-accel tcg,thread=multi). Nothing is killed by name.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
state_root=${APTREADY_VMS:-/tmp/aptready-vms}
vm_mac=52:54:00:12:34:56

die() { echo "vm.sh: $*" >&2; exit 3; }

require_host() {
    local tool
    for tool in qemu-system-x86_64 qemu-img; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: apt-get install -y qemu-system-x86 qemu-utils"
    done
}

# Below the kernel's ephemeral range (ip_local_port_range, 32768 and up by default): a port there may
# be taken between this check and qemu's bind by the local end of any outgoing connection (the tests
# make hundreds), and qemu then fails with "Could not set up host forwarding rule".
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

read_state() {
    local state=${1:?state folder}
    [ -f "$state/info" ] || die "'$state' is not a VM state folder"
    # shellcheck disable=SC1091
    . "$state/info"
}

# True while PID is the qemu of this state folder (a pid can be reused after qemu exits).
is_our_qemu() {
    local pid=$1 state=$2
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$state/overlay.qcow2"
}

cmd_start() {
    local suite=${1:?suite} seed=${2:?seed iso} repo_port=${3:-}
    require_host
    [ -f "$seed" ] || die "no seed at '$seed'"
    if [ -n "$repo_port" ]; then
        [[ "$repo_port" =~ ^[0-9]+$ ]] && [ "$repo_port" -ge 1 ] && [ "$repo_port" -le 65535 ] || die "bad repository port '$repo_port'"
        (exec 3<>"/dev/tcp/127.0.0.1/$repo_port") 2>/dev/null || die "nothing answers on 127.0.0.1:$repo_port (the VM's apt repository)"
    fi

    local image="" kernel="" initrd=""
    local line
    while IFS= read -r line; do
        case "$line" in
            IMAGE=*) image=${line#IMAGE=} ;;
            KERNEL=*) kernel=${line#KERNEL=} ;;
            INITRD=*) initrd=${line#INITRD=} ;;
        esac
    done < <("$here/image.sh" "$suite")
    [ -f "$image" ] && [ -f "$kernel" ] && [ -f "$initrd" ] || die "image.sh gave no image for $suite"

    mkdir -p "$state_root"
    local state
    state=$(mktemp -d "$state_root/$suite-XXXXXX")
    qemu-img create -q -f qcow2 -b "$image" -F raw "$state/overlay.qcow2"
    cp "$seed" "$state/seed.iso"

    # (restrict=on would cut the VM off the internet, but then 10.0.2.2 is unreachable and qemu
    # refuses a guestfwd on it; the seed's only apt source is the local repository anyway.)
    # The MAC address is fixed: the seed's network-config matches the NIC by it (new-seed.ps1).
    # A guest that crashes into a reboot loop stops instead, unless the test reboots it on purpose.
    local reboot_flag=-no-reboot
    [ "${APTREADY_VM_REBOOT:-0}" = 1 ] && reboot_flag=

    # A port free at the check can still be taken before qemu binds it: then another port, 5 at most.
    local port started_at attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        started_at=$(date +%s.%N)
        if qemu-system-x86_64 \
            -name "aptready-$suite,process=aptready-vm" \
            -accel tcg,thread=multi -cpu max -m 1024 -smp 2 \
            -kernel "$kernel" -initrd "$initrd" \
            -append "root=/dev/vda rw console=ttyS0 systemd.show_status=1" \
            -drive "file=$state/overlay.qcow2,if=virtio,format=qcow2" \
            -drive "file=$state/seed.iso,if=virtio,format=raw,readonly=on" \
            -nic "user,model=virtio-net-pci,mac=$vm_mac,hostfwd=tcp:127.0.0.1:$port-:22" \
            -display none -monitor none -serial "file:$state/serial.log" \
            ${reboot_flag:+"$reboot_flag"} -daemonize -pidfile "$state/qemu.pid" \
            >"$state/qemu.log" 2>&1; then
            break
        fi
        cat "$state/qemu.log" >&2
        if [ "$attempt" -lt 5 ] && grep -q 'Could not set up host forwarding rule' "$state/qemu.log"; then
            echo "vm.sh: port $port was taken before qemu bound it; another port" >&2
            continue
        fi
        rm -rf --one-file-system "$state"
        die "qemu did not start"
    done
    local pid
    pid=$(cat "$state/qemu.pid")

    cat >"$state/info" <<EOF
STATE=$state
SUITE=$suite
PORT=$port
PID=$pid
SERIAL_LOG=$state/serial.log
STARTED_AT=$started_at
REPO_PORT=$repo_port
MAC=$vm_mac
IMAGE=$image
EOF
    cat "$state/info"
}

cmd_serial_tail() {
    read_state "${1:?state}"
    tail -n "${2:-40}" "$SERIAL_LOG" 2>/dev/null | tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' || true
}

cmd_wait_ssh() {
    local state=${1:?state} timeout=${2:?timeout seconds}
    read_state "$state"
    local deadline=$(( $(date +%s) + timeout ))
    local banner=""
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if ! is_our_qemu "$PID" "$STATE"; then
            echo "vm.sh: qemu (pid $PID) exited before SSH answered; serial console tail:" >&2
            cmd_serial_tail "$state" 40 >&2
            exit 1
        fi
        # qemu's forward accepts at once even when nothing listens in the VM: only a banner counts.
        banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && IFS= read -r -t 4 line <&3 && printf '%s' \"\$line\"" 2>/dev/null || true)
        case "$banner" in
            SSH-*)
                echo "SSH_BANNER=${banner%$'\r'}"
                awk -v a="$STARTED_AT" -v b="$(date +%s.%N)" 'BEGIN { printf "SSH_SECONDS=%.1f\n", b - a }'
                return 0 ;;
        esac
        sleep 1
    done
    echo "vm.sh: SSH on 127.0.0.1:$PORT did not answer within $timeout s; serial console tail:" >&2
    cmd_serial_tail "$state" 40 >&2
    exit 1
}

cmd_stop() {
    local state=${1:?state}
    read_state "$state"
    if is_our_qemu "$PID" "$STATE"; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            is_our_qemu "$PID" "$STATE" || break
            sleep 0.1
        done
        is_our_qemu "$PID" "$STATE" && kill -KILL "$PID" 2>/dev/null || true
    fi
    rm -rf --one-file-system "$STATE"
}

cmd=${1:-}
shift || true
case "$cmd" in
    start) cmd_start "$@" ;;
    wait-ssh) cmd_wait_ssh "$@" ;;
    serial-tail) cmd_serial_tail "$@" ;;
    stop) cmd_stop "$@" ;;
    *) echo "usage: vm.sh start SUITE SEED_ISO [REPO_PORT] | wait-ssh STATE TIMEOUT | serial-tail STATE [LINES] | stop STATE" >&2; exit 2 ;;
esac
