# Prints whether this host asks for a reboot, as the login user (no root needed).
# Lines: 'flag PATH' when /run/reboot-required exists; 'pkg NAME' per line of
# /run/reboot-required.pkgs; 'kernel RUNNING NEWEST' when a newer kernel is installed in
# /boot than the running one (only where the running kernel's own image is in /boot, so a
# container showing its host's kernel never counts); 'boot-id ID' last.
LC_ALL=C; export LC_ALL
printf '%s\n' 'aptready-reboot-required 1'
[ -e /run/reboot-required ] && printf '%s\n' 'flag /run/reboot-required'
if [ -r /run/reboot-required.pkgs ]; then
  while IFS= read -r p || [ -n "$p" ]; do
    case "$p" in ''|*[!A-Za-z0-9.+:-]*) ;; *) printf 'pkg %s\n' "$p" ;; esac
  done </run/reboot-required.pkgs
fi
running=$(uname -r)
if [ -n "$running" ] && [ -e "/boot/vmlinuz-$running" ]; then
  newest=$(for k in /boot/vmlinuz-*; do [ -e "$k" ] && printf '%s\n' "${k#/boot/vmlinuz-}"; done | sort -V | tail -n 1)
  if [ -n "$newest" ] && [ "$newest" != "$running" ]; then
    printf 'kernel %s %s\n' "$running" "$newest"
  fi
fi
b=
read -r b </proc/sys/kernel/random/boot_id 2>/dev/null
printf 'boot-id %s\n' "${b:--}"
