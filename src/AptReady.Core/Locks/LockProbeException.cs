using System;

namespace AptReady.Core.Locks
{
    /// <summary>The lock state of a host cannot be known; never to be read as "free".</summary>
    public sealed class LockProbeException : Exception
    {
        public LockProbeException(string computerName, string message)
            : base($"{computerName}: {message}")
        {
            ComputerName = computerName;
        }

        public string ComputerName { get; }
    }
}
