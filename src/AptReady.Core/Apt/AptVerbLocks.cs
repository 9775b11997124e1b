using System;
using System.Collections.Generic;
using AptReady.Core.Locks;

namespace AptReady.Core.Apt
{
    /// <summary>Which lock files each apt-get verb takes, so AptReady can wait for exactly those.</summary>
    /// <remarks>
    /// Checked on bookworm (apt 2.6.1) and trixie (apt 3.0.4) by holding each lock with fcntl and
    /// running every verb with DPkg::Lock::Timeout=0: a verb "takes" a lock when it fails with
    /// "Could not get lock" on it. Install, upgrade and removal take the archives lock as well:
    /// apt sets up its fetcher (which locks /var/cache/apt/archives) before it runs dpkg, even when
    /// nothing is downloaded. DPkg::Lock::Timeout covers only the two dpkg locks.
    /// </remarks>
    public static class AptVerbLocks
    {
        private static readonly AptLockFile[] ListsOnly = { AptLockFile.Lists };
        private static readonly AptLockFile[] DpkgAndArchives = { AptLockFile.DpkgFrontend, AptLockFile.Dpkg, AptLockFile.Archives };
        private static readonly AptLockFile[] ListsAndArchives = { AptLockFile.Lists, AptLockFile.Archives };

        /// <summary>The locks <paramref name="verb"/> takes, in the order apt takes them.</summary>
        public static IReadOnlyList<AptLockFile> For(AptGetVerb verb) => verb switch
        {
            AptGetVerb.Update => ListsOnly,
            AptGetVerb.Upgrade or AptGetVerb.DistUpgrade or AptGetVerb.Install => DpkgAndArchives,
            AptGetVerb.Remove or AptGetVerb.Purge or AptGetVerb.Autoremove => DpkgAndArchives,
            AptGetVerb.Clean => ListsAndArchives,
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "Unknown apt-get verb."),
        };

        /// <summary>
        /// The locks to see free before starting <paramref name="verb"/>: its own, plus
        /// unattended-upgrades' lock for verbs that run dpkg. unattended-upgrades holds that lock for
        /// its whole run but drops the dpkg locks between steps; starting in such a gap would only
        /// collide with its next step.
        /// </summary>
        public static IReadOnlyList<AptLockFile> ToWaitFor(AptGetVerb verb)
        {
            var locks = new List<AptLockFile>(For(verb));
            if (verb.RunsDpkg())
            {
                locks.Add(AptLockFile.UnattendedUpgrades);
            }

            return locks;
        }
    }
}
