using System;
using System.Globalization;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// The remote half of Wait-CloudInit: one POSIX sh script (CloudInitProbe.sh), run as the login user (no root), that
    /// waits in ONE exec until cloud-init has finished this boot (or a deadline passes), printing a
    /// heartbeat about every second, then prints the facts <see cref="CloudInitProbeParser"/> reads.
    /// </summary>
    /// <remarks>
    /// The loop looks only at cheap files every 0.2 s (existence tests are sh builtins); the python
    /// CLI (about 0.3 s of CPU per start) runs once, at the end, for the rich facts.
    /// Finished this boot means /run/cloud-init/result.json exists: /run is a tmpfs and cloud-init's
    /// first stage deletes the old links, so it cannot be left from an earlier boot. A
    /// boot-finished file counts only when its mtime is not older than the boot time (btime in
    /// /proc/stat): a copy in a template image is stale. Disabled (marker file, kernel command line,
    /// generator) ends the wait at once unless cloud-init ran this boot anyway; no cloud-init on PATH
    /// and none in /usr/bin ends it as not installed. Under systemd, a cloud-final.service that failed
    /// without writing result.json ends it as failed (checked every 5 s), rather than at the deadline.
    /// The boot id is printed first, so a connection dropped by a reboot still shows which boot it saw.
    /// JSON files are folded onto one line: a JSON string cannot hold a raw newline, so folding loses nothing.
    /// Every line is printed with printf '%s': dash's echo would act on the backslashes of JSON escapes.
    /// </remarks>
    public static class CloudInitProbe
    {
        public const string Header = "aptready-cloudinit 1";

        /// <summary>The longest remote wait accepted: one day.</summary>
        public const int MaxDeadlineSeconds = 86400;

        /// <summary>
        /// A script that waits up to <paramref name="deadlineSeconds"/> (1 to <see cref="MaxDeadlineSeconds"/>)
        /// for cloud-init to finish this boot, with a heartbeat line about every second.
        /// </summary>
        public static RemoteCommand BuildWait(int deadlineSeconds)
        {
            if (deadlineSeconds < 1 || deadlineSeconds > MaxDeadlineSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(deadlineSeconds), deadlineSeconds,
                    $"The remote deadline must be between 1 and {MaxDeadlineSeconds} seconds.");
            }

            return new RemoteCommand(Render(deadlineSeconds), $"wait up to {deadlineSeconds} s for cloud-init to finish this boot");
        }

        /// <summary>A script that looks once, without waiting, and prints the same facts.</summary>
        public static RemoteCommand BuildCheck() =>
            new RemoteCommand(Render(0), "check whether cloud-init has finished this boot");

        /// <summary>
        /// The remote deadline for a caller's timeout: whole seconds, rounded up, at least 1, capped at
        /// <see cref="MaxDeadlineSeconds"/>.
        /// </summary>
        public static int DeadlineSeconds(TimeSpan timeout)
        {
            double seconds = Math.Ceiling(timeout.TotalSeconds);
            return seconds < 1 ? 1 : seconds > MaxDeadlineSeconds ? MaxDeadlineSeconds : (int)seconds;
        }

        // The script is CloudInitProbe.sh; its only value is an integer formatted here, so no quoting is needed.
        private static string Render(int deadlineSeconds) =>
            RemoteScript.Load("CloudInitProbe.sh")
                .Replace("@HEADER@", Header)
                .Replace("@LIMIT@", deadlineSeconds.ToString(CultureInfo.InvariantCulture));
    }
}
