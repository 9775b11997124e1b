using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>Everything one lock probe learned about one host.</summary>
    public sealed class AptLockReport
    {
        public AptLockReport(
            RemoteHost host,
            IReadOnlyList<AptLockStatus> locks,
            IReadOnlyList<LockHolder> packageActivity,
            IReadOnlyList<string> pendingDpkgUpdates,
            DateTimeOffset checkedAt)
        {
            Host = host;
            Locks = locks;
            PackageActivity = packageActivity;
            PendingDpkgUpdates = pendingDpkgUpdates;
            CheckedAt = checkedAt;
        }

        public RemoteHost Host { get; }

        public string ComputerName => Host.ComputerName;

        /// <summary>The Posh-SSH session id the report came through; null on AptReady's own connection.</summary>
        public int? SessionId => Host.SessionId;

        public IReadOnlyList<AptLockStatus> Locks { get; }

        /// <summary>Running processes that explain held locks: cloud-init, apt.systemd.daily, unattended-upgrades, apt, dpkg.</summary>
        public IReadOnlyList<LockHolder> PackageActivity { get; }

        /// <summary>The digit-named files in /var/lib/dpkg/updates/ that an interrupted dpkg left behind.</summary>
        public IReadOnlyList<string> PendingDpkgUpdates { get; }

        /// <summary>dpkg was interrupted: 'dpkg --configure -a' must run before apt can work.</summary>
        public bool DpkgInterrupted => PendingDpkgUpdates.Count > 0;

        public bool AllFree => Locks.All(l => !l.IsHeld);

        public DateTimeOffset CheckedAt { get; }

        public IEnumerable<AptLockStatus> HeldLocks => Locks.Where(l => l.IsHeld);
    }
}
