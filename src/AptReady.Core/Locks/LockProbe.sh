# Test-AptLock's remote half (see LockProbe.cs): prints the raw facts LockProbeParser reads. Each line
# is a tag, a space and fields, the free-text field last; every line is printed with printf '%s': dash's
# echo acts on backslashes (\c, \n) in a path or a command line. A file is named by its index in the
# list @PATHS@ (quoted words), never by its path.
LC_ALL=C; export LC_ALL
# aptready-include: fold_lines fold_file dpkg_updates
printf '%s\n' '@HEADER@'
inodes=' '
i=0
# shellcheck disable=SC2041,SC2043 # the C# writes one quoted word per lock, which may be a single one
for p in@PATHS@; do
  if s=$(stat -L -c '%D %i' -- "$p" 2>/dev/null); then
    printf 'file %s %s\n' "$s" "$i"; inodes="$inodes${s#* } "
  else
    printf 'missing - - %s\n' "$i"
  fi
  i=$((i + 1))
done
if locks=$(cat /proc/locks 2>/dev/null); then
  printf '%s\n' 'locks-readable'
  printf '%s\n' "$locks" | while IFS= read -r line; do [ -n "$line" ] && printf 'lock %s\n' "$line"; done
  pids=$(printf '%s\n' "$locks" | while read -r line; do
    set -f
    # shellcheck disable=SC2086 # a /proc/locks line split into its fields (globbing is off)
    set -- $line
    [ "$2" = '->' ] && shift
    case "$inodes" in *" ${6##*:} "*) printf '%s\n' "$5" ;; esac
  done | sort -un)
else
  printf '%s\n' 'locks-unreadable'
  pids=
fi
# Process names (as /proc/PID/comm shows them, 15 characters at most) that explain held locks.
for d in /proc/[0-9]*; do
  IFS= read -r c 2>/dev/null <"$d/comm" || continue
  case "$c" in @ACTIVITY@) pids="$pids ${d#/proc/}" ;; esac
done
# shellcheck disable=SC2086 # $pids is a list of numbers, split on purpose
for pid in $(printf '%s\n' $pids | sort -un); do
  [ "$pid" -gt 0 ] 2>/dev/null || continue
  d=/proc/$pid
  [ -r "$d/stat" ] || continue
  for n in comm cmdline cgroup stat; do printf '%s %s %s\n' "$n" "$pid" "$(fold_file "$d/$n")"; done
done
read -r up _ </proc/uptime && printf 'uptime %s\n' "$up"
printf 'clktck %s\n' "$(getconf CLK_TCK 2>/dev/null || printf 100)"
if [ -d /var/lib/dpkg/updates ]; then
  for n in $(dpkg_updates); do printf 'dpkg-update %s\n' "$n"; done
else
  printf '%s\n' 'dpkg-missing'
fi
printf '%s\n' 'end'
