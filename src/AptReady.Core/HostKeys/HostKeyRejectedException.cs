using System;

namespace AptReady.Core.HostKeys
{
    /// <summary>A host key was refused; the verdict says why and what to do.</summary>
    public sealed class HostKeyRejectedException : Exception
    {
        public HostKeyRejectedException(HostKeyVerdict verdict)
            : base((verdict ?? throw new ArgumentNullException(nameof(verdict))).Message)
        {
            Verdict = verdict;
        }

        public HostKeyVerdict Verdict { get; }
    }
}
