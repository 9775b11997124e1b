#!/usr/bin/env bash
# Everything AptReady's tests and demo need on a Debian machine, made present before it is needed:
# the Debian packages (one list, here), the targets' root file systems (tests/targets/rootfs.sh) and
# the VM images (tests/vm/image.sh), both cached under $APTREADY_CACHE (default /var/cache/aptready)
# and keyed by their recipe. Quiet when everything is there; one line while something slow is made.
#
#   prerequisites.sh unit          the packages the xunit tests compare against (isoinfo, PyYAML, ...)
#   prerequisites.sh test          the packages, the root file systems of bookworm, trixie and the
#                                  suites of $APTREADY_TEST_SUITES (default bookworm,trixie,forky),
#                                  and the VM images of those also in $APTREADY_VM_SUITES (if set)
#   prerequisites.sh demo [SUITE]  the packages and the VM image of SUITE (default bookworm)
#   prerequisites.sh missing [PKG...]  prints which of PKG (default: the list) are not installed
#   prerequisites.sh packages      prints the list
#
# As root, missing packages are installed (apt-get update once, then only the missing ones). As any
# other user it stops at once, exit 3, naming the command to run as root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)

# The one list. Why each is here:
#   debootstrap               the targets' root file systems (rootfs.sh)
#   util-linux                unshare, nsenter, setsid, flock, mount (target.sh)
#   procps                    ps, kill, sysctl
#   iproute2                  network namespaces (ip netns) for unreachable and jump hosts
#   openssh-client            ssh, ssh-keygen, ssh-agent: the oracle the tests compare against
#   openssh-server            sshd for tests that run one outside a target
#   qemu-system-x86 qemu-utils  the real cloud-init VM (tests/vm, the demo)
#   e2fsprogs                 mkfs.ext4 -d for the VM image
#   genisoimage, xorriso      isoinfo and osirrox, to read the NoCloud seed ISOs AptReady writes
#   dpkg-dev                  dpkg-scanpackages for the local apt repositories
#   python3 python3-yaml      the slow repository, lock holders, PyYAML as the YAML oracle
#   dash, busybox, shellcheck  lint the shell scripts AptReady sends to hosts (shellcheck), and run
#                             them under Debian's /bin/sh (dash) and a minimal POSIX shell (ash)
packages=(
    debootstrap util-linux procps iproute2
    openssh-client openssh-server
    qemu-system-x86 qemu-utils e2fsprogs
    genisoimage xorriso dpkg-dev python3 python3-yaml
    shellcheck dash busybox
)

die() { echo "prerequisites.sh: $*" >&2; exit 3; }

# Prints the names of the given packages that dpkg does not have installed.
missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

run_as_root_hint() {
    if command -v sudo >/dev/null 2>&1; then echo "sudo $*"; else echo "su -c '$*'"; fi
}

# apt's own lock timeout does not cover the lists lock of `apt-get update`: retry that one.
apt_update() {
    local log=$1 attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if apt-get -q update >>"$log" 2>&1; then return 0; fi
        grep -q 'Could not get lock' "$log" || return 1
        echo "prerequisites.sh: apt's lists are locked by another apt (attempt $attempt); waiting" >&2
        sleep 15
    done
    return 1
}

ensure_packages() {
    command -v dpkg-query >/dev/null 2>&1 || die "this is not a Debian machine (no dpkg-query); install by hand: ${packages[*]}"
    local missing
    mapfile -t missing < <(missing_packages "${packages[@]}")
    [ ${#missing[@]} -eq 0 ] && return 0
    local install="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        die "missing Debian packages: ${missing[*]}. Run as root: $(run_as_root_hint "$install")"
    fi
    echo "prerequisites.sh: installing Debian packages (once): ${missing[*]}" >&2
    local log
    log=$(mktemp /tmp/aptready-apt.XXXXXX.log)
    export DEBIAN_FRONTEND=noninteractive
    if ! apt_update "$log" ||
        ! apt-get -q install -y --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}" >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "installing ${missing[*]} failed; the whole log: $log"
    fi
    rm -f "$log"
    mapfile -t missing < <(missing_packages "${packages[@]}")
    [ ${#missing[@]} -eq 0 ] || die "still not installed after apt-get install: ${missing[*]}"
}

need_root_for() {
    [ "$(id -u)" -eq 0 ] || die "$1 need root (mount, unshare, chroot). Run as root: $2"
}

ensure_rootfs() {
    local suite
    for suite in "$@"; do "$here/targets/rootfs.sh" "$suite" >/dev/null; done
}

ensure_images() {
    local suite
    for suite in "$@"; do "$here/vm/image.sh" "$suite" >/dev/null; done
}

# The suites the per-suite tests run on (tests/Pester/Scripts/Suites.ps1 reads the same variable).
test_suites() {
    tr ',' ' ' <<<"${APTREADY_TEST_SUITES:-bookworm,trixie,forky}"
}

# The suites VM.Tests.ps1 boots: the test suites, narrowed by APTREADY_VM_SUITES when it is set.
vm_suites() {
    local suite
    for suite in $(test_suites); do
        [ -z "${APTREADY_VM_SUITES:-}" ] || [[ ",$APTREADY_VM_SUITES," == *",$suite,"* ]] || continue
        echo "$suite"
    done
}

case "${1:-}" in
    unit)
        ensure_packages ;;
    test)
        need_root_for "the test targets" "dotnet pwsh ./build.ps1 -Task Test"
        ensure_packages
        # Some tests name bookworm or trixie whatever the test suites are.
        # shellcheck disable=SC2046  # the suites are words
        ensure_rootfs $(printf '%s\n' bookworm trixie $(test_suites) | sort -u)
        # shellcheck disable=SC2046
        ensure_images $(vm_suites) ;;
    demo)
        need_root_for "the demo VM's image" "dotnet pwsh ./build.ps1 -Task Demo"
        ensure_packages
        ensure_images "${2:-bookworm}" ;;
    missing)
        shift
        if [ $# -gt 0 ]; then missing_packages "$@"; else missing_packages "${packages[@]}"; fi ;;
    packages)
        printf '%s\n' "${packages[@]}" ;;
    *)
        sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
