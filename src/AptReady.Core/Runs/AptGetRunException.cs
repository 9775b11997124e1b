using System;
using System.Globalization;
using System.Linq;
using AptReady.Core.Apt;
using AptReady.Core.Locks;
using AptReady.Core.Policies;

namespace AptReady.Core.Runs
{
    /// <summary>Why Invoke-AptGet failed on a host; each name is the error id the cmdlet writes.</summary>
    public enum AptGetFailureReason
    {
        AptGetFailed,
        AptLockTimeout,
        DpkgInterrupted,
        ProcLocksUnreadable,
        SudoFailed,
        AptGetIncomplete,
        DpkgRepairFailed,
    }

    /// <summary>An apt-get run failed on one host; <see cref="Result"/> holds what its attempts learned.</summary>
    public sealed class AptGetRunException : Exception
    {
        public AptGetRunException(string message, AptGetResult result, AptGetFailureReason reason)
            : base(message)
        {
            Result = result ?? throw new ArgumentNullException(nameof(result));
            Reason = reason;
        }

        public AptGetResult Result { get; }

        public AptGetFailureReason Reason { get; }

        /// <summary>The failure of the last attempt, in words that name the host, the holder and what to do.</summary>
        internal static AptGetRunException For(AptFailureKind failure, AptGetResult result, AptLockReport? probe, TimeSpan lockTimeout, RetryDecision decision)
        {
            string host = result.Host.ToString();
            AptGetCommand command = result.CommandLine;
            AptGetTranscript transcript = result.Transcript;
            string aptLines = string.Join("\n", result.Errors.Select(e => "E: " + e));
            string others = transcript.OtherLines.Count > 0 ? " " + string.Join(" ", transcript.OtherLines) : string.Empty;
            switch (failure)
            {
                case AptFailureKind.LockTimeout:
                    {
                        var holders = transcript.HoldersAtTimeout.Count > 0 ? transcript.HoldersAtTimeout : transcript.LockHolders;
                        string named = holders.Count == 0 ? "another process" : string.Join(", ", holders.Select(h => h.ToString()));
                        return new AptGetRunException(
                            $"{host}: gave up on {command} after waiting {Seconds(transcript.LockWait)} (-LockTimeout {lockTimeout}): {named}. AptReady never removes a lock file; wait longer or find out why the holder runs.",
                            result, AptGetFailureReason.AptLockTimeout);
                    }

                case AptFailureKind.LockContention:
                    {
                        string named = probe == null || !probe.HeldLocks.Any()
                            ? (aptLines.Length > 0 ? aptLines : "another process")
                            : HeldLocks(probe);
                        return new AptGetRunException(
                            $"{host}: {command} kept meeting lock contention until -LockTimeout {lockTimeout} ran out ({decision.Reason}): {named}. AptReady never removes a lock file.",
                            result, AptGetFailureReason.AptLockTimeout);
                    }

                case AptFailureKind.DpkgInterrupted:
                    {
                        string pending = transcript.InterruptedDpkgUpdate == null ? string.Empty : $" (/var/lib/dpkg/updates/{transcript.InterruptedDpkgUpdate})";
                        return new AptGetRunException(
                            $"{host}: dpkg was interrupted{pending}; apt refuses to work until 'dpkg --configure -a' runs. Use -RepairInterruptedDpkg to have AptReady run it first, or run 'sudo dpkg --configure -a' yourself."
                            + (aptLines.Length > 0 ? "\n" + aptLines : string.Empty),
                            result, AptGetFailureReason.DpkgInterrupted);
                    }

                case AptFailureKind.LocksUnreadable:
                    return new AptGetRunException(
                        $"{host}: /proc/locks is not readable by {result.UserName}, so AptReady cannot tell when apt's locks are free (a hardened /proc?).",
                        result, AptGetFailureReason.ProcLocksUnreadable);

                case AptFailureKind.ElevationFailed:
                    return new AptGetRunException($"{host}: sudo did not run apt-get as root." + others, result, AptGetFailureReason.SudoFailed);

                case AptFailureKind.Incomplete:
                    return new AptGetRunException(
                        $"{host}: {command} ended without a result (the connection or the remote script died)." + others,
                        result, AptGetFailureReason.AptGetIncomplete);

                default:
                    return new AptGetRunException(
                        $"{host}: {command} failed (exit {transcript.AptExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})" + (aptLines.Length > 0 ? ":\n" + aptLines : "."),
                        result, AptGetFailureReason.AptGetFailed);
            }
        }

        internal static string HeldLocks(AptLockReport probe) => string.Join(", ", probe.HeldLocks.Select(l => $"{l.Path} held by {l.Holder}"));

        internal static string Seconds(TimeSpan span) =>
            span == TimeSpan.MaxValue ? "no limit" : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
    }
}
