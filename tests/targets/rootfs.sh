#!/usr/bin/env bash
# Builds (once) a Debian root file system for AptReady's test targets and prints its path.
#
#   tests/targets/rootfs.sh bookworm|trixie|forky
#
# The result is cached under $APTREADY_CACHE (default /var/cache/aptready) in a folder named after
# the suite and a hash of this recipe, so a later run, or CI on the same machine, reuses it. A
# change to this file makes a new folder; old ones can be deleted by hand.
set -euo pipefail

suite=${1:?usage: rootfs.sh bookworm|trixie|forky}
case "$suite" in bookworm|trixie|forky) ;; *) echo "rootfs.sh: unknown suite '$suite' (bookworm, trixie or forky)" >&2; exit 2 ;; esac

need() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "rootfs.sh: '$tool' is missing. Install it with: apt-get install -y debootstrap" >&2
            exit 3
        }
    done
}
[ "$(id -u)" -eq 0 ] || { echo "rootfs.sh: building a root file system needs root (debootstrap, chroot)" >&2; exit 3; }
need debootstrap chroot flock sha256sum

cache=${APTREADY_CACHE:-/var/cache/aptready}
packages=systemd-sysv,linux-image-cloud-amd64,cloud-init,openssh-server,sudo,ifupdown,isc-dhcp-client,netbase,iproute2,ca-certificates,python3,locales,procps
# isc-dhcp-client left Debian after trixie; ifupdown takes dhcpcd instead.
[ "$suite" != forky ] || packages=${packages/isc-dhcp-client/dhcpcd-base}

# The Debian archive this machine's own apt sources name (one-line and deb822 forms), not the
# security archive; APTREADY_DEBIAN_MIRROR overrides it. No mirror is written into this project.
debian_mirror() {
    {
        grep -hE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
            sed -E 's/^[[:space:]]*deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//' | awk '{print $1}'
        grep -hiE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null |
            sed -E 's/^[[:space:]]*[Uu][Rr][Ii][Ss]:[[:space:]]*//' | tr ' ' '\n'
    } | grep -E '^https?://.*/debian/?$' | head -n 1
}
mirror=${APTREADY_DEBIAN_MIRROR:-$(debian_mirror)}
[ -n "$mirror" ] || { echo "rootfs.sh: no Debian archive found in /etc/apt/sources.list{,.d}; set APTREADY_DEBIAN_MIRROR" >&2; exit 3; }

# The cache key: the suite, the packages and the build steps below the marker, so that comments and
# the mirror lookup above can change without rebuilding.
recipe_hash=$( { sed -n '/^# ---- recipe ----$/,$p' "$0"; echo "$suite $packages"; } | sha256sum | cut -c1-12)
target="$cache/rootfs/$suite-$recipe_hash"

if [ -f "$target/.aptready-complete" ]; then
    echo "$target"
    exit 0
fi

mkdir -p "$cache/rootfs"
exec 9>"$cache/rootfs/.$suite.lock"
flock 9
if [ -f "$target/.aptready-complete" ]; then echo "$target"; exit 0; fi

work="$target.partial"
cleanup() {
    mountpoint -q "$work/proc" 2>/dev/null && umount "$work/proc" || true
}
trap cleanup EXIT
if [ -d "$work" ]; then
    mountpoint -q "$work/proc" && umount "$work/proc"
    rm -rf --one-file-system "$work"
fi

# ---- recipe ----
started=$(date +%s)
echo "rootfs.sh: building $suite into $target (a few minutes, once)" >&2
# bookworm's debootstrap has no script of its own for forky (testing): sid's builds it.
script=()
[ -e "/usr/share/debootstrap/scripts/$suite" ] || script=(/usr/share/debootstrap/scripts/sid)
debootstrap --variant=minbase --include="$packages" "$suite" "$work" "$mirror" "${script[@]}" >"$cache/rootfs/$suite-debootstrap.log" 2>&1 || true
if [ "$suite" = forky ]; then
    # testing's Release files can be past their Valid-Until on a machine whose clock runs ahead of the
    # mirror's copy; the targets only ever update from local repositories, but apt must not refuse.
    mkdir -p "$work/etc/apt/apt.conf.d"
    printf 'Acquire::Check-Valid-Until "false";\n' >"$work/etc/apt/apt.conf.d/90aptready-valid-until"
fi

# debootstrap cannot resolve a virtual dependency of python3-cryptography and stops before
# configuring everything; finishing with apt inside the chroot completes the install.
mount -t proc proc "$work/proc"
chroot "$work" env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-cffi-backend >>"$cache/rootfs/$suite-debootstrap.log" 2>&1 || true
chroot "$work" env DEBIAN_FRONTEND=noninteractive apt-get -f install -y >>"$cache/rootfs/$suite-debootstrap.log" 2>&1
chroot "$work" dpkg --configure -a >>"$cache/rootfs/$suite-debootstrap.log" 2>&1
for p in cloud-init openssh-server sudo python3; do
    chroot "$work" dpkg-query -W -f='${Status}\n' "$p" | grep -q 'install ok installed' || {
        echo "rootfs.sh: $p did not install; see $cache/rootfs/$suite-debootstrap.log" >&2
        exit 4
    }
done

# The login user of every target: a normal account (its lock probes must work without root) with
# passwordless sudo. Its password is '*' (no password, not locked) because OpenSSH with UsePAM no
# refuses accounts whose password is locked ('!').
chroot "$work" useradd --create-home --shell /bin/bash --user-group aptready
chroot "$work" usermod -p '*' aptready
echo 'aptready ALL=(ALL) NOPASSWD:ALL' >"$work/etc/sudoers.d/aptready"
chmod 0440 "$work/etc/sudoers.d/aptready"

# Only the NoCloud seed (or nothing) drives cloud-init here: no network datasources to probe.
printf 'datasource_list: [ NoCloud, None ]\n' >"$work/etc/cloud/cloud.cfg.d/90-aptready-datasource.cfg"
# Host keys are made per target (container) or per boot (VM), never shared through the cache.
rm -f "$work"/etc/ssh/ssh_host_*
: >"$work/etc/machine-id"
chroot "$work" apt-get clean
umount "$work/proc"
trap - EXIT

touch "$work/.aptready-complete"
mv "$work" "$target"
echo "rootfs.sh: $suite built in $(( $(date +%s) - started )) s" >&2
echo "$target"
