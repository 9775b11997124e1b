using AptReady.Core.Locks;

namespace AptReady.Core.Apt
{
    /// <summary>A lock seen held by a process while AptReady waited for it.</summary>
    public sealed class LockHolderSighting
    {
        public LockHolderSighting(AptLockFile lockFile, LockHolder holder)
        {
            LockFile = lockFile;
            Holder = holder;
        }

        public AptLockFile LockFile { get; }

        public LockHolder Holder { get; }

        public override string ToString() => $"{LockFile.Path} held by {Holder}";
    }
}
