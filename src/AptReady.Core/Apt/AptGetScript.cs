using System;
using System.Globalization;
using System.Text;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>
    /// The remote half of Invoke-AptGet: one POSIX sh script (AptGetScript.sh), started as the login user, that waits
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
            string script = RemoteScript.Load("AptGetScript.sh")
                .Replace("@HEADER@", Header)
                .Replace("@PATHS@", paths.ToString())
                .Replace("@WAIT_CS@", Centiseconds(lockWait))
                .Replace("@HEARTBEAT_CS@", Centiseconds(heartbeat))
                .Replace("@POLL@", (poll.TotalMilliseconds / 1000.0).ToString("0.0##", CultureInfo.InvariantCulture))
                .Replace("@CHECK_DPKG@", command.Verb.RunsDpkg() && !command.Simulate ? "1" : "0")
                .Replace("@EXIT_TIMEOUT@", LockTimeoutExitCode.ToString(CultureInfo.InvariantCulture))
                .Replace("@EXIT_UNREADABLE@", LocksUnreadableExitCode.ToString(CultureInfo.InvariantCulture))
                .Replace("@EXIT_DPKG@", DpkgInterruptedExitCode.ToString(CultureInfo.InvariantCulture))
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

        private static string Centiseconds(TimeSpan span)
        {
            double cs = Math.Floor(span.TotalMilliseconds / 10.0);
            return (cs > int.MaxValue ? int.MaxValue : (long)cs).ToString(CultureInfo.InvariantCulture);
        }
    }
}
