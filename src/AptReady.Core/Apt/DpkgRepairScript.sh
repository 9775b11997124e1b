# Runs the root part @ROOT@ (DpkgRepairRoot.sh, quoted) in a session of its own: Ctrl+C on the
# client must not interrupt dpkg a second time.
LC_ALL=C; export LC_ALL
set -f
printf '%s\n' '@HEADER@'
# aptready-include: detach
@ROOT@
