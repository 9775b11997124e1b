using System;

namespace AptReady.Core.Remote
{
    /// <summary>A host could not be reached or used. The message says what to do and never holds a secret.</summary>
    public sealed class RemoteSessionException : Exception
    {
        public RemoteSessionException(string computerName, RemoteFailure failure, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ComputerName = computerName;
            Failure = failure;
        }

        public string ComputerName { get; }

        public RemoteFailure Failure { get; }

        /// <summary>Whether connecting again, later, may succeed (the host may still be booting).</summary>
        public bool IsRetryable => Failure == RemoteFailure.ConnectionFailed || Failure == RemoteFailure.ConnectionLost;
    }
}
