using System.Collections.Generic;
using System.Text;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>
    /// The remote half of Test-AptLock: one POSIX sh script (LockProbe.sh), run as the login user (no root), that
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

            // LockProbe.sh has no values of its own: @PATHS@ becomes single-quoted words, put in last so a
            // path that happens to contain a placeholder's name stays as it is.
            string script = RemoteScript.Load("LockProbe.sh")
                .Replace("@HEADER@", Header)
                .Replace("@ACTIVITY@", ActivityNames)
                .Replace("@PATHS@", paths.ToString());
            return new RemoteCommand(script, "read apt/dpkg lock holders from /proc/locks");
        }
    }
}
