# The root part of the dpkg repair (see DpkgRepairScript.cs): dpkg's lines tagged 'out', then
# 'dpkg-exit N'. dpkg's exit code leaves through fd 7, as in AptGetCommand.sh.
# aptready-include: tag
printf '%s\n' run
exec 4>&1
rc=$(
  {
    {
      DEBIAN_FRONTEND=noninteractive LC_ALL=C dpkg --force-confdef --force-confold --configure -a </dev/null 2>&1 4>&- 7>&-
      printf '%s\n' "$?" >&7
    } | tag out >&4
  } 7>&1
)
exec 4>&-
case $rc in ''|*[!0-9]*) rc=255 ;; esac
printf 'dpkg-exit %s\n' "$rc"
exit "$rc"
