#!/usr/bin/env bash
# Builds (once) a bootable VM image of Debian SUITE from the cached root file system of the test
# targets, and prints KEY=VALUE lines: IMAGE (raw ext4, the root on /dev/vda), KERNEL, INITRD, DIR.
#
#   tests/vm/image.sh bookworm|trixie|forky
#
# Cached under $APTREADY_CACHE/vm (default /var/cache/aptready/vm) in a folder named after the suite
# and a hash of this recipe and of the root file system's folder name, so a new recipe or a rebuilt
# root file system makes a new image. The cached root file system itself is never modified: the image
# is made with mkfs.ext4 -d from a prepared copy. See tests/vm/README.md.
set -euo pipefail

suite=${1:?usage: image.sh bookworm|trixie|forky}
case "$suite" in bookworm|trixie|forky) ;; *) echo "image.sh: unknown suite '$suite' (bookworm, trixie or forky)" >&2; exit 2 ;; esac

here=$(cd "$(dirname "$0")" && pwd)
die() { echo "image.sh: $*" >&2; exit 3; }
[ "$(id -u)" -eq 0 ] || die "building an image needs root (the root file system's files are owned by root)"
for tool in mkfs.ext4 flock sha256sum cp; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing: apt-get install -y e2fsprogs coreutils util-linux"
done

rootfs=$("$here/../targets/rootfs.sh" "$suite")
cache=${APTREADY_CACHE:-/var/cache/aptready}/vm
size=${APTREADY_VM_DISK_SIZE:-2G}
recipe_hash=$( { cat "$0"; echo "$suite ${rootfs##*/} $size"; } | sha256sum | cut -c1-12)
target="$cache/$suite-$recipe_hash"

print_info() {
    echo "DIR=$target"
    echo "IMAGE=$target/disk.raw"
    echo "KERNEL=$target/vmlinuz"
    echo "INITRD=$target/initrd.img"
    echo "ROOTFS=$rootfs"
}

if [ -f "$target/.aptready-complete" ]; then print_info; exit 0; fi

mkdir -p "$cache"
exec 9>"$cache/.$suite.lock"
flock 9
if [ -f "$target/.aptready-complete" ]; then print_info; exit 0; fi

started=$(date +%s.%N)
work="$target.partial"
rm -rf --one-file-system "$work"
mkdir -p "$work"
stage="$work/root"
trap 'rm -rf --one-file-system "$stage"' EXIT
echo "image.sh: building the $suite image into $target (once)" >&2

# A copy to prepare: the cached root file system is shared with the container targets.
cp -a --reflink=auto "$rootfs" "$stage"
rm -f "$stage/.aptready-complete"

# A new machine on every boot: no machine id, no host keys (the seed brings the host key).
: >"$stage/etc/machine-id"
rm -f "$stage/var/lib/dbus/machine-id" "$stage"/etc/ssh/ssh_host_*
printf '/dev/vda / ext4 rw,errors=remount-ro 0 1\n' >"$stage/etc/fstab"
printf 'localhost\n' >"$stage/etc/hostname"
printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$stage/etc/hosts"
# No copy of the build machine's resolver: dhclient writes the VM's own.
rm -f "$stage/etc/resolv.conf"; : >"$stage/etc/resolv.conf"

# Only the NoCloud seed (or nothing) drives cloud-init; already in the root file system, kept here
# so the image does not depend on it.
printf 'datasource_list: [ NoCloud, None ]\n' >"$stage/etc/cloud/cloud.cfg.d/90-aptready-datasource.cfg"

# The disk has a fixed size and minbase has no resize2fs (trixie's minbase has no e2fsprogs at all):
# without this cloud-init's resizefs module fails and `cloud-init status` says error.
printf 'resize_rootfs: false\ngrowpart:\n  mode: "off"\n' >"$stage/etc/cloud/cloud.cfg.d/91-aptready-image.cfg"

# Network: the seed's network-config (DHCPv4 on the NIC, by MAC address), rendered by cloud-init for
# ifupdown. cloud-init's fallback config is not enough: on trixie (cloud-init 25.1) it adds
# "iface ... inet6 dhcp", and qemu's user network never answers DHCPv6, so networking.service
# waits for its 5 minute timeout before sshd starts.

# apt's daily timers would race for the same locks at random times; the race under test is
# cloud-init's own apt-get update, so they are masked.
for unit in apt-daily.timer apt-daily-upgrade.timer; do
    rm -f "$stage/etc/systemd/system/timers.target.wants/$unit"
    ln -sf /dev/null "$stage/etc/systemd/system/$unit"
done

# A login prompt on the serial console (systemd starts serial-getty on the console= device).
# The kernel and initrd boot directly (no boot loader in the image).
cp "$stage"/boot/vmlinuz-* "$work/vmlinuz"
cp "$stage"/boot/initrd.img-* "$work/initrd.img"

mkfs.ext4 -q -F -L rootfs -d "$stage" "$work/disk.raw" "$size" >/dev/null
rm -rf --one-file-system "$stage"
trap - EXIT

elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "$elapsed" >"$work/build-seconds"
touch "$work/.aptready-complete"
rm -rf --one-file-system "$target"
mv "$work" "$target"
echo "image.sh: $suite image built in $elapsed s" >&2
print_info
