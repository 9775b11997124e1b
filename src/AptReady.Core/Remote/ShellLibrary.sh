# The helpers AptReady's remote scripts share. A script takes the ones it uses with a line
# '# aptready-include: NAME...', which RemoteScript replaces with those blocks when it loads the script.
# Each block starts with '# NAME: why', is separated from the next by a blank line, and is POSIX sh.
# Comment lines are not sent to hosts (shellcheck directives are).

# tag: prints each line of standard input as "$1 LINE". Ignores SIGPIPE and keeps reading after the
# client has gone (Ctrl+C closes the channel), so the program whose output it tags (apt, dpkg) never
# meets a broken pipe and runs to its end.
tag() { trap '' PIPE; while IFS= read -r l || [ -n "$l" ]; do printf '%s %s\n' "$1" "$l" 2>/dev/null; done; }

# fold_lines: standard input on one line: NUL, newline, carriage return and tab become spaces, so a
# value (a JSON file, a command line, a version banner) can never start a probe line of its own.
fold_lines() { tr '\000\n\r\t' '    '; }

# fold_file: the file $1 on one line (see fold_lines); nothing when it cannot be read.
fold_file() { fold_lines <"$1" 2>/dev/null; }

# uptime_cs: sets $u to /proc/uptime's first field ("1234.56": monotonic, two decimals) and $now to it
# in hundredths of a second; $((1$f - 100)) reads a fraction like "08" without octal trouble.
uptime_cs() { read -r u _ </proc/uptime; now=$(( ${u%.*} * 100 + 1${u#*.} - 100 )); }

# boot_id: this boot's id; a reboot changes it.
boot_id() { cat /proc/sys/kernel/random/boot_id 2>/dev/null; }

# dpkg_updates: prints the number of each pending update in /var/lib/dpkg/updates (readable without
# root): any at all means dpkg was interrupted and apt refuses to run until 'dpkg --configure -a'.
# Globbing is turned on here; call it in $(...) so a caller's 'set -f' stays as it was.
dpkg_updates() {
  set +f
  for f in /var/lib/dpkg/updates/*; do
    n=${f##*/}
    case "$n" in ''|*[!0-9]*) ;; *) printf '%s\n' "$n" ;; esac
  done
}

# detach: sets $detach to 'setsid -w' where setsid exists (util-linux, Essential on Debian and Ubuntu).
# A root part started with 'exec $detach ...' runs in a session of its own: when the client cancels,
# the SSH server signals only the login session's process group, so apt and dpkg are not killed half-way.
detach=
command -v setsid >/dev/null 2>&1 && detach='setsid -w'
