# The root part of Invoke-AptGet (see AptGetCommand.cs): runs apt-get@ARGV@ (quoted words) as root,
# tagging each line by its source. $1 is DPkg::Lock::Timeout in whole seconds.
# fd 3 -> status tagger, fd 1 (via 5) -> out tagger, fd 2 (via 6) -> err tagger; apt's exit code leaves
# through fd 7 into $(...), since a pipeline's status is its last command's. apt gets none of the
# plumbing descriptors, so a daemon a maintainer script starts cannot hold them open. The taggers
# ignore SIGPIPE and keep reading when the client has gone (Ctrl+C), so apt and dpkg never meet a
# broken pipe and run to their end. sudo resets the environment, so everything apt needs is set here:
# NEEDRESTART_MODE=l keeps Ubuntu's needrestart from prompting; UCF_FORCE_CONFFOLD matches
# --force-confold for ucf files.
t=$1
case $t in ''|*[!0-9]*) t=0 ;; esac
# aptready-include: tag
printf '%s\n' run
exec 4>&1
rc=$(
  {
    {
      {
        {
          DEBIAN_FRONTEND=noninteractive LC_ALL=C NEEDRESTART_MODE=l UCF_FORCE_CONFFOLD=1 \
            apt-get@ARGV@ 3>&1 1>&5 2>&6 4>&- 5>&- 6>&- 7>&- </dev/null
          printf '%s\n' "$?" >&7
        } | tag status >&4
      } 5>&1 | tag out >&4
    } 6>&1 | tag err >&4
  } 7>&1
)
exec 4>&-
case $rc in ''|*[!0-9]*) rc=255 ;; esac
printf 'apt-exit %s\n' "$rc"
exit "$rc"
