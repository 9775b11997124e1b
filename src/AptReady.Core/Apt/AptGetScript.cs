using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>
    /// The remote half of Invoke-AptGet: one POSIX sh script, started as the login user, that waits
    /// until none of the command's locks is held (reading /proc/locks, no root needed), then runs
    /// apt-get as root and passes on its tagged output.
    /// </summary>
    /// <remarks>
    /// <para>Output lines (tag, space, fields; free text last):</para>
    /// <list type="bullet">
    /// <item><c>aptready-aptget 1</c> header.</item>
    /// <item><c>held INDEX PID CGROUP COMM</c>: lock number INDEX (of the locks given) is held; printed when
    /// the holders change and then every heartbeat interval. CGROUP is the holder's systemd cgroup path
    /// or '-'.</item>
    /// <item><c>free WAITED_CS</c>: all locks looked free after WAITED_CS hundredths of a second.</item>
    /// <item><c>timeout WAITED_CS</c> after the last <c>held</c> lines, then exit <see cref="LockTimeoutExitCode"/>.</item>
    /// <item><c>locks-unreadable</c>, exit <see cref="LocksUnreadableExitCode"/>: the login user cannot read /proc/locks.</item>
    /// <item><c>dpkg-interrupted N</c>, exit <see cref="DpkgInterruptedExitCode"/>: a verb that runs dpkg found
    /// /var/lib/dpkg/updates/N with the locks free; apt would refuse until 'dpkg --configure -a'.</item>
    /// <item>then the root fragment's lines (<see cref="AptGetCommand"/>): <c>run</c>, <c>out</c>/<c>err</c>/<c>status</c>, <c>apt-exit N</c>.</item>
    /// </list>
    /// <para>The root part runs under <c>setsid -w</c>: Ctrl+C on the client (SSH.NET sends TERM to the
    /// login session's process group and closes the channel) ends the wait but leaves a running apt and
    /// dpkg to finish; a half-run dpkg breaks systems. Their output taggers ignore SIGPIPE, so the closed
    /// channel does not end apt either.</para>
    /// <para>"Looked free" is a moment: another process (apt-daily, unattended-upgrades) may take a lock
    /// between the last check and apt-get taking it. apt then fails with exit 100, the client probes the
    /// locks and, on contention, runs this script again; DPkg::Lock::Timeout (the time left) lets apt
    /// itself wait on the dpkg locks in that gap.</para>
    /// </remarks>
    public static class AptGetScript
    {
        public const string Header = "aptready-aptget 1";

        public const int LockTimeoutExitCode = 75;

        public const int LocksUnreadableExitCode = 76;

        public const int DpkgInterruptedExitCode = 77;

        /// <summary>
        /// Builds the script. <paramref name="lockWait"/> bounds the wait for locks (the time left of the
        /// caller's deadline); what is left of it when apt starts becomes DPkg::Lock::Timeout.
        /// </summary>
        public static RemoteCommand Build(
            AptGetCommand command,
            TimeSpan lockWait,
            RootElevation elevation = RootElevation.SudoNonInteractive,
            TimeSpan? pollInterval = null,
            TimeSpan? heartbeatInterval = null)
        {
            if (command is null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            if (lockWait < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(lockWait), lockWait, "The lock wait cannot be negative.");
            }

            TimeSpan poll = pollInterval ?? TimeSpan.FromMilliseconds(300);
            TimeSpan heartbeat = heartbeatInterval ?? TimeSpan.FromSeconds(2);
            if (poll < TimeSpan.FromMilliseconds(100) || poll > TimeSpan.FromSeconds(10))
            {
                throw new ArgumentOutOfRangeException(nameof(pollInterval), poll, "Poll between 0.1 s and 10 s.");
            }

            var paths = new StringBuilder();
            foreach (AptLockFile lockFile in command.LocksToWaitFor)
            {
                paths.Append(' ').Append(ShellQuote.Quote(lockFile.Path));
            }

            string root = RootCommandLine(elevation) + ShellQuote.Quote(command.RootScript) + " sh \"$t\"";

            // Everything substituted is a quoted word or a number printed here.
            string script = ScriptBody
                .Replace("@PATHS@", paths.ToString())
                .Replace("@WAIT_CS@", Centiseconds(lockWait))
                .Replace("@HEARTBEAT_CS@", Centiseconds(heartbeat))
                .Replace("@POLL@", (poll.TotalMilliseconds / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture))
                .Replace("@CHECK_DPKG@", command.Verb.RunsDpkg() && !command.Simulate ? "1" : "0")
                .Replace("@EXIT_TIMEOUT@", LockTimeoutExitCode.ToString(CultureInfo.InvariantCulture))
                .Replace("@EXIT_UNREADABLE@", LocksUnreadableExitCode.ToString(CultureInfo.InvariantCulture))
                .Replace("@EXIT_DPKG@", DpkgInterruptedExitCode.ToString(CultureInfo.InvariantCulture))
                .Replace("@DETACH@", DetachPrelude)
                .Replace("@ROOT@", root);
            return new RemoteCommand(script, $"wait for {command.Verb.ToAptGetWord()}'s apt locks, then run {command}");
        }

        /// <summary>The command word(s) that make the root part root: sudo -n, sudo -S -p '', or nothing.</summary>
        internal static string RootWrapper(RootElevation elevation) => elevation switch
        {
            RootElevation.SudoNonInteractive => "sudo -n",
            RootElevation.SudoPasswordOnStdin => "sudo -S -p ''",
            RootElevation.AlreadyRoot => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(elevation), elevation, "Unknown elevation."),
        };

        /// <summary>"exec $detach WRAPPER /bin/sh -c ": the start of the line that runs a root fragment.</summary>
        internal static string RootCommandLine(RootElevation elevation)
        {
            string wrapper = RootWrapper(elevation);
            return "exec $detach " + (wrapper.Length > 0 ? wrapper + " " : string.Empty) + "/bin/sh -c ";
        }

        /// <summary>
        /// Sets $detach to 'setsid -w' where setsid exists (util-linux, Essential on Debian and Ubuntu).
        /// The root part then runs in a session of its own: when the client cancels, the SSH server
        /// signals only the login session's process group, so apt and dpkg are not killed half-way.
        /// </summary>
        internal const string DetachPrelude = @"detach=
command -v setsid >/dev/null 2>&1 && detach='setsid -w'
";

        private static string Centiseconds(TimeSpan span)
        {
            double cs = Math.Floor(span.TotalMilliseconds / 10.0);
            return (cs > int.MaxValue ? int.MaxValue : (long)cs).ToString(CultureInfo.InvariantCulture);
        }

        // /proc/uptime is monotonic ("1234.56"); $((1$f - 100)) reads "08" without octal trouble.
        // stat's %D is glibc's encoded dev_t in hex; /proc/locks prints MAJOR:MINOR in hex: both are
        // reduced to decimal "major:minor:inode" keys. Waiting ('->') entries are not holders.
        private const string ScriptBody = @"LC_ALL=C; export LC_ALL
set -f
printf '%s\n' '" + Header + @"'
now() { read -r u _ </proc/uptime; now=$(( ${u%.*} * 100 + 1${u#*.} - 100 )); }
keys() {
  keys=' '
  i=0
  for p in@PATHS@; do
    if s=$(stat -L -c '%D %i' -- ""$p"" 2>/dev/null); then
      d=$((0x${s% *}))
      keys=""$keys$(( ((d >> 8) & 0xfff) | ((d >> 32) & ~0xfff) )):$(( (d & 0xff) | ((d >> 12) & ~0xff) )):${s#* }=$i ""
    fi
    i=$((i + 1))
  done
}
holders() {
  held=
  while read -r line; do
    set -- $line
    [ ""$2"" = '->' ] && continue
    f=$6; r=${f#*:}
    k=$((0x${f%%:*})):$((0x${r%%:*})):${f##*:}
    case ""$keys"" in
      *"" $k=""*) x=${keys#*"" $k=""}; held=""$held ${x%% *}:$5"" ;;
    esac
  done </proc/locks
}
describe() {
  for h in $held; do
    pid=${h#*:}; cg=-; c=?
    IFS= read -r c <""/proc/$pid/comm"" 2>/dev/null
    while IFS= read -r g; do
      case ""$g"" in 0::*|*:name=systemd:*) cg=${g#*:*:} ;; esac
    done <""/proc/$pid/cgroup"" 2>/dev/null
    case ""$cg"" in ''|*[[:space:]]*) cg=- ;; esac
    printf 'held %s %s %s %s\n' ""${h%%:*}"" ""$pid"" ""$cg"" ""$c""
  done
}
[ -r /proc/locks ] || { printf '%s\n' locks-unreadable; exit @EXIT_UNREADABLE@; }
now; start=$now; last=; beat=0
while :; do
  keys; holders
  now; waited=$((now - start))
  [ -z ""$held"" ] && break
  if [ $waited -ge @WAIT_CS@ ]; then
    describe; printf 'timeout %s\n' ""$waited""; exit @EXIT_TIMEOUT@
  fi
  if [ ""$held"" != ""$last"" ] || [ $((now - beat)) -ge @HEARTBEAT_CS@ ]; then
    describe; last=$held; beat=$now
  fi
  sleep @POLL@
done
printf 'free %s\n' ""$waited""
if [ @CHECK_DPKG@ = 1 ] && [ -d /var/lib/dpkg/updates ]; then
  set +f
  for f in /var/lib/dpkg/updates/*; do
    n=${f##*/}
    case ""$n"" in ''|*[!0-9]*) ;; *) printf 'dpkg-interrupted %s\n' ""$n""; exit @EXIT_DPKG@ ;; esac
  done
fi
t=$(( (@WAIT_CS@ - waited) / 100 )); [ $t -ge 0 ] || t=0
@DETACH@@ROOT@
";
    }
}
