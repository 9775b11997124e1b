#!/usr/bin/env bash
# Makes a tiny flat apt repository in DIR for the VM tests: aptready-hello (a marker), and
# aptready-reboot and aptready-reboot-early, whose postinst asks for a reboot as Ubuntu's kernel
# hooks do (/run/reboot-required and the package's name in /run/reboot-required.pkgs; -early is
# for a seed's packages: list, so Invoke-AptGet's own install of aptready-reboot still runs it),
# built with dpkg-deb, their Packages index (dpkg-scanpackages) and an unsigned Release (the VM's
# sources line says [trusted=yes]). Serve it with slow-repo.py; the VM reaches it as http://10.0.2.2:PORT/.
#
#   tests/vm/local-repo.sh DIR
set -euo pipefail

dir=${1:?usage: local-repo.sh DIR}
for tool in dpkg-deb dpkg-scanpackages gzip sha256sum; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "local-repo.sh: '$tool' is missing: apt-get install -y dpkg-dev" >&2; exit 3; }
done

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT

pkg=$build/aptready-hello
mkdir -p "$pkg/DEBIAN" "$pkg/usr/share/doc/aptready-hello"
cat >"$pkg/DEBIAN/control" <<'CONTROL'
Package: aptready-hello
Version: 1.0
Architecture: all
Maintainer: AptReady tests <tests@aptready.invalid>
Section: misc
Priority: optional
Description: marker package of AptReady's local test repository
 Installed by AptReady's VM test to show that apt works once the lock is free.
CONTROL
echo 'Installed from the AptReady test repository.' >"$pkg/usr/share/doc/aptready-hello/README"
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$dir/aptready-hello_1.0_all.deb" >/dev/null

for name in aptready-reboot aptready-reboot-early; do
    pkg=$build/$name
    mkdir -p "$pkg/DEBIAN"
    cat >"$pkg/DEBIAN/control" <<CONTROL
Package: $name
Version: 1.0
Architecture: all
Maintainer: AptReady tests <tests@aptready.invalid>
Section: misc
Priority: optional
Description: asks for a reboot, as a kernel or libc upgrade does
 AptReady's VM tests install it to make a host ask for a reboot.
CONTROL
    cat >"$pkg/DEBIAN/postinst" <<POSTINST
#!/bin/sh
set -e
if [ "\$1" = configure ]; then
    printf '%s\n' '*** System restart required ***' >/run/reboot-required
    printf '%s\n' '$name' >>/run/reboot-required.pkgs
fi
POSTINST
    chmod 0755 "$pkg/DEBIAN/postinst"
    dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$dir/${name}_1.0_all.deb" >/dev/null
done

cd "$dir"
dpkg-scanpackages --multiversion . /dev/null 2>/dev/null >Packages
gzip -9nkf Packages
{
    echo 'Origin: AptReady'
    echo 'Label: AptReady test repository'
    echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"
    echo 'SHA256:'
    for f in Packages Packages.gz; do
        printf ' %s %s %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"
    done
} >Release
echo "$dir"
