using System;
using System.Management.Automation;
using AptReady.Core.Apt;

namespace AptReady.Cmdlets.Apt
{
    /// <summary>
    /// Invoke-AptGet failed on one host. <see cref="Result"/> holds everything the attempts learned
    /// (apt's output, attempts, lock holders), so a script can inspect the error like a result.
    /// </summary>
    public sealed class AptGetException : Exception
    {
        internal AptGetException(string message, AptGetResult result, string errorId, ErrorCategory category)
            : base(message)
        {
            Result = result;
            ErrorId = errorId;
            Category = category;
        }

        /// <summary>The host's result: failed, with the last attempt's transcript.</summary>
        public AptGetResult Result { get; }

        /// <summary>The stable error id this failure is written with (AptGetFailed, AptLockTimeout, DpkgInterrupted, …).</summary>
        public string ErrorId { get; }

        internal ErrorCategory Category { get; }
    }
}
