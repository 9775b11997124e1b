using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Runs
{
    /// <summary>One host's Test-AptLock: one probe of /proc/locks as the login user, read into a report.</summary>
    public static class AptLockCheck
    {
        /// <summary>
        /// The host's locks now. A <see cref="ProbeOutputException"/> when the probe failed or printed
        /// nothing readable, a <see cref="LockProbeException"/> when /proc/locks cannot be read.
        /// </summary>
        public static async Task<AptLockReport> RunAsync(IRemoteSession session, IReadOnlyList<AptLockFile> locks, IRunProgress progress, CancellationToken cancellationToken)
        {
            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            RemoteCommandResult result = await session.RunAsync(LockProbe.Build(locks), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new ProbeOutputException(
                    $"The lock probe exited with status {result.ExitStatus?.ToString() ?? "none"}: {result.Error.Trim()}", result.Output);
            }

            AptLockReport report = LockProbeParser.Parse(RemoteHost.Of(session), locks, result.Output, DateTimeOffset.Now);
            foreach (var held in report.HeldLocks)
            {
                progress.Verbose($"{held.Path} is held by {held.Holder}.");
            }

            return report;
        }
    }
}
