using System;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>Whether one lock on one host is held, and by whom. Test-AptLock writes one per lock.</summary>
    public sealed class AptLockStatus
    {
        public AptLockStatus(RemoteHost host, AptLockFile lockFile, bool exists, LockHolder? holder, DateTimeOffset checkedAt)
        {
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

        public override string ToString() =>
            IsHeld ? $"{ComputerName}: {Path} held by {Holder}" : $"{ComputerName}: {Path} free";
    }
}
