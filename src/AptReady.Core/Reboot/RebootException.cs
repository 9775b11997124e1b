using System;

namespace AptReady.Core.Reboot
{
    /// <summary>Why a reboot did not end with the host back and settled.</summary>
    public enum RebootFailure
    {
        /// <summary>The login user cannot become root to reboot (sudo refused).</summary>
        NotPermitted,

        /// <summary>Root ran 'systemctl reboot' and it failed (no systemd, a refused job).</summary>
        Failed,

        /// <summary>The host did not come back, or did not settle, within the reboot's deadline.</summary>
        TimedOut,

        /// <summary>The host's session cannot be connected again after a reboot (a caller's Posh-SSH session).</summary>
        Unsupported,
    }

    /// <summary>A reboot that did not end with the host back and settled. The message never holds a secret.</summary>
    public sealed class RebootException : Exception
    {
        public RebootException(RebootFailure failure, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Failure = failure;
        }

        public RebootFailure Failure { get; }

        /// <summary>The stable error id: RebootNotPermitted, RebootFailed, RebootTimedOut or RebootUnsupported.</summary>
        public string ErrorId => "Reboot" + Failure;
    }
}
