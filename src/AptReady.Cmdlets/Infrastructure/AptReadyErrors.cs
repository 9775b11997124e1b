using System;
using System.Management.Automation;
using AptReady.Core;
using AptReady.Core.Remote;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>Every ErrorRecord AptReady writes: stable ids, real categories, the host as target.</summary>
    internal static class AptReadyErrors
    {
        public static ErrorRecord FromRemoteFailure(RemoteSessionException ex, object target)
        {
            return new ErrorRecord(ex, ex.Failure.ToString(), Category(ex.Failure), target);
        }

        public static ErrorRecord HostFailed(Exception ex, string errorId, ErrorCategory category, object target)
        {
            return new ErrorRecord(ex, errorId, category, target);
        }

        public static ErrorRecord InvalidArgument(string message, string errorId, object? target)
        {
            return new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
        }

        /// <summary>An input refused before anything is sent, under the id the refusal names.</summary>
        public static ErrorRecord InvalidInput(InvalidInputException ex, object? target)
        {
            return new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, target);
        }

        private static ErrorCategory Category(RemoteFailure failure) => failure switch
        {
            RemoteFailure.HostNotFound => ErrorCategory.ObjectNotFound,
            RemoteFailure.ConnectionFailed => ErrorCategory.ConnectionError,
            RemoteFailure.ConnectTimedOut => ErrorCategory.OperationTimeout,
            RemoteFailure.AuthenticationFailed => ErrorCategory.AuthenticationError,
            RemoteFailure.KeyFileInvalid => ErrorCategory.InvalidArgument,
            RemoteFailure.KeyPassphraseRequired => ErrorCategory.InvalidArgument,
            RemoteFailure.HostKeyUnknown => ErrorCategory.SecurityError,
            RemoteFailure.HostKeyMismatch => ErrorCategory.SecurityError,
            RemoteFailure.HostKeyRevoked => ErrorCategory.SecurityError,
            RemoteFailure.SudoPasswordRequired => ErrorCategory.PermissionDenied,
            RemoteFailure.ConnectionLost => ErrorCategory.ConnectionError,
            RemoteFailure.SessionUnusable => ErrorCategory.InvalidArgument,
            RemoteFailure.KnownHostsUnreadable => ErrorCategory.ReadError,
            RemoteFailure.KnownHostsUnwritable => ErrorCategory.WriteError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
