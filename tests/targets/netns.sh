#!/usr/bin/env bash
# Network namespaces for jump-host tests: targets the test process cannot reach, only a bastion can.
# Every address is one the caller picks from a test range (10.231.0.0/16 in the tests) and is assigned
# only inside namespaces this script creates; the machine's own namespace gets no address and no route.
#
#   netns.sh create                          creates a namespace (loopback up, no forwarding); prints its name
#   netns.sh link NS_A ADDR_A NS_B ADDR_B    joins two namespaces with a veth pair (ADDR as 10.231.1.1/24)
#   netns.sh delete NS...                    deletes namespaces (their veth ends go with them)
#   netns.sh expose STATE                    serves a target's sshd to this machine's 127.0.0.1 on a free
#                                            port: each connection runs `sshd -i` inside the target's own
#                                            namespaces (its network namespace too); prints PORT= and PID=
#   netns.sh unexpose PID                    stops such a listener (by the pid `expose` printed)
#
# A target joins a namespace with target.sh start and APTREADY_NETNS=NS APTREADY_LISTEN=ADDR.
set -euo pipefail

die() { echo "netns.sh: $*" >&2; exit 3; }

require() {
    [ "$(id -u)" -eq 0 ] || die "network namespaces need root"
    command -v ip >/dev/null 2>&1 || die "'ip' is missing: apt-get install -y iproute2"
}

cmd_create() {
    require
    local name
    name="aptready-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    ip netns add "$name"
    ip -n "$name" link set lo up
    # A namespace forwards nothing: a bastion namespace must not become a router to anything else.
    ip netns exec "$name" sysctl -q -w net.ipv4.ip_forward=0 net.ipv6.conf.all.forwarding=0
    echo "$name"
}

cmd_link() {
    require
    local a=${1:?namespace} addr_a=${2:?address} b=${3:?namespace} addr_b=${4:?address}
    case "$addr_a $addr_b" in
        10.*/*" "10.*/*) ;;
        *) die "addresses must be 10.x.y.z/len test addresses, got '$addr_a' and '$addr_b'" ;;
    esac
    local id
    id=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
    # Both ends are created inside the namespaces at once: no interface ever appears in this machine's own.
    ip -n "$a" link add "va$id" type veth peer name "vb$id" netns "$b"
    ip -n "$a" addr add "$addr_a" dev "va$id"
    ip -n "$b" addr add "$addr_b" dev "vb$id"
    ip -n "$a" link set "va$id" up
    ip -n "$b" link set "vb$id" up
}

cmd_delete() {
    require
    local ns
    for ns in "$@"; do
        case "$ns" in aptready-*) ip netns delete "$ns" 2>/dev/null || true ;; *) die "not a test namespace: $ns" ;; esac
    done
}

cmd_expose() {
    require
    command -v systemd-socket-activate >/dev/null 2>&1 || die "'systemd-socket-activate' is missing (it serves the bastion): apt-get install -y systemd"
    local state=${1:?state folder}
    [ -f "$state/info" ] || die "'$state' is not a target state folder"
    # shellcheck disable=SC1091
    . "$state/info"
    local port log=$state/expose.log
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 12000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        setsid systemd-socket-activate --listen="127.0.0.1:$port" --accept --inetd \
            nsenter -t "$INIT_PID" -m -p -n -r -w /usr/sbin/sshd -i -E /var/log/aptready-sshd.log \
            -o LogLevel=DEBUG1 -o UsePAM=no </dev/null >"$log" 2>&1 &
        local pid=$!
        for _ in $(seq 1 100); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                echo "PORT=$port"; echo "PID=$pid"; return 0
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.05
        done
        kill "$pid" 2>/dev/null || true
    done
    cat "$log" >&2 2>/dev/null || true
    die "could not serve $state on a loopback port"
}

cmd_unexpose() {
    local pid=${1:?pid}
    kill "$pid" 2>/dev/null || true
}

case "${1:-}" in
    create) shift; cmd_create "$@" ;;
    link) shift; cmd_link "$@" ;;
    delete) shift; cmd_delete "$@" ;;
    expose) shift; cmd_expose "$@" ;;
    unexpose) shift; cmd_unexpose "$@" ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
