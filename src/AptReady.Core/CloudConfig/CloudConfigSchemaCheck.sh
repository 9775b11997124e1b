# New-CloudConfig's remote check (see CloudConfigSchemaCheck.cs): the target's own 'cloud-init schema -c'
# on the cloud-config that arrives on standard input, copied to a mktemp file (0600: it may hold a
# private host key) that is deleted when the script ends. Only constants: the document never reaches
# the command line.
f=$(mktemp "${TMPDIR:-/tmp}/aptready-cloud-config.XXXXXXXX") || exit @EXIT_NO_TEMPORARY_FILE@
trap 'rm -f "$f"' EXIT
trap 'exit 130' HUP INT TERM
cat >"$f" || exit @EXIT_STDIN_UNREADABLE@
command -v cloud-init >/dev/null 2>&1 || { printf '%s\n' 'cloud-init is not installed on this host' >&2; exit @EXIT_NOT_INSTALLED@; }
printf '@FILE_MARKER@%s\n' "$f"
# dpkg's record costs nothing; 'cloud-init --version' starts Python (about as long as the check itself).
v=$(dpkg-query -W -f='${db:Status-Status} ${Version}' cloud-init 2>/dev/null)
case "$v" in 'installed '*) v=${v#installed } ;; *) v=$(cloud-init --version 2>&1 | head -n 1) ;; esac
printf '@VERSION_MARKER@%s\n' "$v"
LC_ALL=C.UTF-8 cloud-init schema -c "$f" 2>&1
rc=$?
printf '@EXIT_MARKER@%s\n' "$rc"
exit 0
