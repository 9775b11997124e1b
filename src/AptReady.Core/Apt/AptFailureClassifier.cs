using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Locks;

namespace AptReady.Core.Apt
{
    /// <summary>Decides why a run failed, preferring structural facts to apt's (translatable) messages.</summary>
    public static class AptFailureClassifier
    {
        /// <summary>apt-get's exit code for every error.</summary>
        public const int AptErrorExitCode = 100;

        // LC_ALL=C texts of apt 2.6, 3.0 and 3.3 (checked on each by holding each lock). A secondary signal:
        // used only when no probe after the failure is at hand, or the holder was gone by then. Waiting out
        // DPkg::Lock::Timeout, apt 3.3 prints only the last line here, no "It is held by process N" (3.0 and
        // 2.6 print "Waiting for cache lock: … held by process N (…)" on stdout): the probe names the holder.
        private static readonly string[] LockMessages =
        {
            "Could not get lock ",
            "Unable to lock directory ",
            "Unable to acquire the dpkg frontend lock",
            "Unable to lock the administration directory",
        };

        // apt rebuilds its package caches (/var/cache/apt/pkgcache.bin, srcpkgcache.bin) after `apt-get update`
        // has released the lists lock, and under no lock at all: a temporary file, then a rename. Another apt
        // starting then removes leftover temporary caches, so the first one's rename fails with ENOENT
        // ("Problem renaming the file …/srcpkgcache.bin.RNVPZ3 to …/srcpkgcache.bin - rename (2: No such file
        // or directory)", then "The package cache file is corrupted"). Seen here with two updates on one root
        // file system; on a host, cloud-init's or apt-daily's update is the other one. Contention: retryable.
        private const string CacheRenameMessage = "Problem renaming the file ";
        private const string CacheTemporaryFile = "pkgcache.bin.";
        private const string NoSuchFile = " - rename (2: ";

        // apt 3.0 run through sudo says "run 'sudo dpkg --configure -a'": match only the stable start.
        private const string DpkgInterruptedMessage = "dpkg was interrupted, you must manually run ";

        /// <summary>
        /// Classifies a finished run. <paramref name="probeAfterFailure"/> is a lock probe
        /// (<see cref="LockProbe"/>) taken right after apt-get exited with 100, or null if none was taken.
        /// </summary>
        public static AptFailureKind Classify(AptGetCommand command, AptGetTranscript transcript, AptLockReport? probeAfterFailure)
        {
            if (command is null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            if (transcript is null)
            {
                throw new ArgumentNullException(nameof(transcript));
            }

            switch (transcript.Outcome)
            {
                case AptGetScriptOutcome.LockTimeout: return AptFailureKind.LockTimeout;
                case AptGetScriptOutcome.LocksUnreadable: return AptFailureKind.LocksUnreadable;
                case AptGetScriptOutcome.DpkgInterrupted: return AptFailureKind.DpkgInterrupted;
                case AptGetScriptOutcome.ElevationFailed: return AptFailureKind.ElevationFailed;
                case AptGetScriptOutcome.Incomplete: return AptFailureKind.Incomplete;
            }

            return Classify(command.Verb, transcript.AptExitCode ?? -1, transcript.Errors, probeAfterFailure);
        }

        /// <summary>Classifies from apt-get's exit code, its E: lines and a probe taken right after it failed.</summary>
        public static AptFailureKind Classify(AptGetVerb verb, int exitCode, IEnumerable<string> errors, AptLockReport? probeAfterFailure)
        {
            if (exitCode == 0)
            {
                return AptFailureKind.None;
            }

            var errorList = (errors ?? Enumerable.Empty<string>()).ToList();
            if (exitCode != AptErrorExitCode)
            {
                return AptFailureKind.AptError;
            }

            // Structural first: one of this verb's locks held by another process right after the failure.
            if (probeAfterFailure != null && HeldByOther(verb, probeAfterFailure))
            {
                return AptFailureKind.LockContention;
            }

            if (probeAfterFailure?.DpkgInterrupted == true && verb.RunsDpkg()
                || errorList.Any(e => e.IndexOf(DpkgInterruptedMessage, StringComparison.Ordinal) >= 0))
            {
                return AptFailureKind.DpkgInterrupted;
            }

            // The holder may have finished between apt's failure and the probe: apt's own words then decide.
            return errorList.Any(e => IsLockMessage(e) || IsCacheRebuildRace(e)) ? AptFailureKind.LockContention : AptFailureKind.AptError;
        }

        /// <summary>Whether an E: line says another apt removed this one's temporary package cache before it was renamed into place.</summary>
        public static bool IsCacheRebuildRace(string error) =>
            error != null
            && error.IndexOf(CacheRenameMessage, StringComparison.Ordinal) >= 0
            && error.IndexOf(CacheTemporaryFile, StringComparison.Ordinal) >= 0
            && error.IndexOf(NoSuchFile, StringComparison.Ordinal) >= 0;

        /// <summary>Whether an E: line is one of apt's lock-contention messages.</summary>
        public static bool IsLockMessage(string error) =>
            error != null && LockMessages.Any(m => error.IndexOf(m, StringComparison.Ordinal) >= 0);

        private static bool HeldByOther(AptGetVerb verb, AptLockReport probe)
        {
            var paths = new HashSet<string>(AptVerbLocks.ToWaitFor(verb).Select(l => l.Path), StringComparer.Ordinal);
            return probe.HeldLocks.Any(l => paths.Contains(l.Path));
        }
    }
}
