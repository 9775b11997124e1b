using System;
using System.Collections.Generic;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>Whether one lock on one host is held, and by whom. Test-AptLock writes one per lock.</summary>
    public sealed class AptLockStatus
    {
        public AptLockStatus(RemoteHost host, AptLockFile lockFile, bool exists, LockHolder? holder, DateTimeOffset checkedAt)
            : this(host, lockFile, exists, holder, checkedAt, Array.Empty<string>(), Array.Empty<LockHolder>())
        {
        }

        public AptLockStatus(
            RemoteHost host,
            AptLockFile lockFile,
            bool exists,
            LockHolder? holder,
            DateTimeOffset checkedAt,
            IReadOnlyList<string> pendingDpkgUpdates,
            IReadOnlyList<LockHolder> packageActivity)
        {
            PendingDpkgUpdates = pendingDpkgUpdates;
            PackageActivity = packageActivity;
            Host = host;
            LockFile = lockFile;
            Exists = exists;
            Holder = holder;
            CheckedAt = checkedAt;
        }

        /// <summary>The host, port and user this record is about.</summary>
        public RemoteHost Host { get; }

        public string ComputerName => Host.ComputerName;

        public int Port => Host.Port;

        public string UserName => Host.UserName;

        /// <summary>The Posh-SSH session id the result came through; null on AptReady's own connection.</summary>
        public int? SessionId => Host.SessionId;

        public AptLockFile LockFile { get; }

        /// <summary>The lock's short name (Lists, Dpkg, …).</summary>
        public string Lock => LockFile.Name;

        public string Path => LockFile.Path;

        /// <summary>Whether the file exists. Its existence says nothing about the lock: apt never deletes it.</summary>
        public bool Exists { get; }

        public bool IsHeld => Holder != null;

        public LockHolder? Holder { get; }

        public int? HolderPid => Holder?.Pid;

        public string? ProcessName => Holder?.ProcessName;

        public string? CommandLine => Holder?.CommandLine;

        public string? Unit => Holder?.Unit;

        public TimeSpan? HolderRunningFor => Holder?.RunningFor;

        public DateTimeOffset CheckedAt { get; }

        /// <summary>Of the host, not the lock: dpkg was interrupted ('dpkg --configure -a' must run first).</summary>
        public bool DpkgInterrupted => PendingDpkgUpdates.Count > 0;

        /// <summary>Of the host: the digit-named files an interrupted dpkg left in /var/lib/dpkg/updates/.</summary>
        public IReadOnlyList<string> PendingDpkgUpdates { get; }

        /// <summary>
        /// Of the host: cloud-init, apt.systemd.daily, unattended-upgrades, apt or dpkg processes
        /// running at the check, which explain why locks are held (or are about to be).
        /// </summary>
        public IReadOnlyList<LockHolder> PackageActivity { get; }

        public override string ToString() =>
            IsHeld ? $"{ComputerName}: {Path} held by {Holder}" : $"{ComputerName}: {Path} free";
    }
}
