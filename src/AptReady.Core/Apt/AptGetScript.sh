# Invoke-AptGet's remote half (see AptGetScript.cs): as the login user, waits until none of the locks
# @PATHS@ is held (reading /proc/locks, no root needed), then runs the root part @ROOT@ (AptGetCommand.sh,
# quoted) with DPkg::Lock::Timeout set to the time left. Every value put in is a quoted word or a number.
LC_ALL=C; export LC_ALL
set -f
printf '%s\n' '@HEADER@'
# aptready-include: uptime_cs dpkg_updates
# stat's %D is glibc's encoded dev_t in hex; /proc/locks prints MAJOR:MINOR in hex: both are reduced to
# decimal "major:minor:inode" keys. A file is named by its index in the list, never by its path.
keys() {
  keys=' '
  i=0
  # shellcheck disable=SC2041,SC2043 # the C# writes one quoted word per lock, which may be a single one
  for p in@PATHS@; do
    if s=$(stat -L -c '%D %i' -- "$p" 2>/dev/null); then
      d=$((0x${s% *}))
      keys="$keys$(( ((d >> 8) & 0xfff) | ((d >> 32) & ~0xfff) )):$(( (d & 0xff) | ((d >> 12) & ~0xff) )):${s#* }=$i "
    fi
    i=$((i + 1))
  done
}
# Waiting ('->') entries are not holders.
holders() {
  held=
  while read -r line; do
    # shellcheck disable=SC2086 # a /proc/locks line split into its fields (globbing is off)
    set -- $line
    [ "$2" = '->' ] && continue
    f=$6; r=${f#*:}
    k=$((0x${f%%:*})):$((0x${r%%:*})):${f##*:}
    case "$keys" in
      *" $k="*) x=${keys#*" $k="}; held="$held ${x%% *}:$5" ;;
    esac
  done </proc/locks
}
describe() {
  for h in $held; do
    pid=${h#*:}; cg=-; c='?'
    IFS= read -r c <"/proc/$pid/comm" 2>/dev/null
    while IFS= read -r g; do
      case "$g" in 0::*|*:name=systemd:*) cg=${g#*:*:} ;; esac
    done <"/proc/$pid/cgroup" 2>/dev/null
    case "$cg" in ''|*[[:space:]]*) cg=- ;; esac
    printf 'held %s %s %s %s\n' "${h%%:*}" "$pid" "$cg" "$c"
  done
}
[ -r /proc/locks ] || { printf '%s\n' locks-unreadable; exit @EXIT_UNREADABLE@; }
uptime_cs; start=$now; last=; beat=0
while :; do
  keys; holders
  uptime_cs; waited=$((now - start))
  [ -z "$held" ] && break
  if [ $waited -ge @WAIT_CS@ ]; then
    describe; printf 'timeout %s\n' "$waited"; exit @EXIT_TIMEOUT@
  fi
  if [ "$held" != "$last" ] || [ $((now - beat)) -ge @HEARTBEAT_CS@ ]; then
    describe; last=$held; beat=$now
  fi
  sleep @POLL@
done
printf 'free %s\n' "$waited"
# shellcheck disable=SC2050 # the C# writes 1 here for a verb that runs dpkg, else 0
if [ @CHECK_DPKG@ = 1 ] && [ -d /var/lib/dpkg/updates ]; then
  for n in $(dpkg_updates); do printf 'dpkg-interrupted %s\n' "$n"; exit @EXIT_DPKG@; done
fi
t=$(( (@WAIT_CS@ - waited) / 100 )); [ $t -ge 0 ] || t=0
# aptready-include: detach
@ROOT@
