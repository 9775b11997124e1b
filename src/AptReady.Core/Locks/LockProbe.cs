using System.Collections.Generic;
using System.Text;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>
    /// The remote half of Test-AptLock: one POSIX sh script, run as the login user (no root), that
    /// prints the raw facts <see cref="LockProbeParser"/> turns into a <see cref="AptLockReport"/>.
    /// </summary>
    /// <remarks>
    /// Each output line is a tag, a space and fields; the free-text field is always last so that
    /// spaces in paths and command lines survive. Control characters are folded to spaces remotely, and every line is printed with printf, so no
    /// value can start a line of its own.
    /// fuser and lsof are not used: run as a normal user they report a root-held lock as free.
    /// </remarks>
    public static class LockProbe
    {
        public const string Header = "aptready-lockprobe 1";

        // Process names (as /proc/PID/comm shows them, 15 characters at most) that explain held locks.
        private const string ActivityNames = "cloud-init|apt.systemd.dai|unattended-upgr|apt-get|apt|aptitude|dpkg|packagekitd";

        public static RemoteCommand Build(IEnumerable<AptLockFile> locks)
        {
            var paths = new StringBuilder();
            foreach (var lockFile in locks)
            {
                paths.Append(' ').Append(ShellQuote.Quote(lockFile.Path));
            }

            string script = ScriptBody.Replace("@PATHS@", paths.ToString())
                                      .Replace("@ACTIVITY@", ActivityNames);
            return new RemoteCommand(script, "read apt/dpkg lock holders from /proc/locks");
        }

        // The body has no values of its own: @PATHS@ becomes single-quoted words. Every line is printed
        // with printf '%s': dash's echo acts on backslashes (\c, \n) in a path or a command line.
        // A file is named by its index in the list, never by its path.
        private const string ScriptBody = @"LC_ALL=C; export LC_ALL
oneline() { tr '\000\n\r\t' '    ' <""$1"" 2>/dev/null; }
printf '%s\n' '" + Header + @"'
inodes=' '
i=0
for p in@PATHS@; do
  if s=$(stat -L -c '%D %i' -- ""$p"" 2>/dev/null); then
    printf 'file %s %s\n' ""$s"" ""$i""; inodes=""$inodes${s#* } ""
  else
    printf 'missing - - %s\n' ""$i""
  fi
  i=$((i + 1))
done
if locks=$(cat /proc/locks 2>/dev/null); then
  printf '%s\n' 'locks-readable'
  printf '%s\n' ""$locks"" | while IFS= read -r line; do [ -n ""$line"" ] && printf 'lock %s\n' ""$line""; done
  pids=$(printf '%s\n' ""$locks"" | while read -r line; do
    set -f; set -- $line
    [ ""$2"" = '->' ] && shift
    case ""$inodes"" in *"" ${6##*:} ""*) printf '%s\n' ""$5"" ;; esac
  done | sort -un)
else
  printf '%s\n' 'locks-unreadable'
  pids=
fi
for d in /proc/[0-9]*; do
  IFS= read -r c 2>/dev/null <""$d/comm"" || continue
  case ""$c"" in @ACTIVITY@) pids=""$pids ${d#/proc/}"" ;; esac
done
for pid in $(printf '%s\n' $pids | sort -un); do
  [ ""$pid"" -gt 0 ] 2>/dev/null || continue
  d=/proc/$pid
  [ -r ""$d/stat"" ] || continue
  for n in comm cmdline cgroup stat; do printf '%s %s %s\n' ""$n"" ""$pid"" ""$(oneline ""$d/$n"")""; done
done
read -r up _ </proc/uptime && printf 'uptime %s\n' ""$up""
printf 'clktck %s\n' ""$(getconf CLK_TCK 2>/dev/null || printf 100)""
if [ -d /var/lib/dpkg/updates ]; then
  for f in /var/lib/dpkg/updates/*; do
    n=${f##*/}
    case ""$n"" in ''|*[!0-9]*) ;; *) printf 'dpkg-update %s\n' ""$n"" ;; esac
  done
else
  printf '%s\n' 'dpkg-missing'
fi
printf '%s\n' 'end'
";
    }
}
