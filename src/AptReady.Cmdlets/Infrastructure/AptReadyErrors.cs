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

        /// <summary>
        /// A host whose connection could not even be planned: its ssh_config is malformed (SshConfigInvalid)
        /// or asks for something AptReady refuses (SshConfigUnsupported), or its jump route loops
        /// (JumpHostLoop) or is too long (TooManyJumpHosts). Null for any other exception.
        /// </summary>
        public static ErrorRecord? ConnectionSetup(Exception ex, object target) => ex switch
        {
            AptReady.Core.SshConfig.SshConfigException _ => new ErrorRecord(ex, "SshConfigInvalid", ErrorCategory.InvalidData, target),
            SshConfigRefusedException _ => new ErrorRecord(ex, "SshConfigUnsupported", ErrorCategory.SecurityError, target),
            AptReady.Core.SshConfig.JumpRouteException route => new ErrorRecord(ex, route.IsLoop ? "JumpHostLoop" : "TooManyJumpHosts", ErrorCategory.InvalidArgument, target),
            _ => null,
        };
        /// <summary>An agent or certificate parameter that cannot be used (the id says which and why).</summary>
        public static ErrorRecord InvalidLogin(LoginSettingsException ex) => new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, ex.Target);

        public static ErrorRecord InvalidArgument(string message, string errorId, object? target)
        {
            return new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);
        }

        /// <summary>An input refused before anything is sent, under the id the refusal names.</summary>
        public static ErrorRecord InvalidInput(InvalidInputException ex, object? target)
        {
            return new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidArgument, target);
        }

        /// <summary>A reboot after Invoke-AptGet that did not end with the host ready (RebootNotPermitted, RebootFailed, RebootTimedOut, RebootUnsupported).</summary>
        public static ErrorRecord Reboot(AptReady.Core.Reboot.RebootException ex, object target) => new ErrorRecord(ex, ex.ErrorId, ex.Failure switch
        {
            AptReady.Core.Reboot.RebootFailure.NotPermitted => ErrorCategory.PermissionDenied,
            AptReady.Core.Reboot.RebootFailure.TimedOut => ErrorCategory.OperationTimeout,
            AptReady.Core.Reboot.RebootFailure.Unsupported => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.InvalidResult,
        }, target);

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
            RemoteFailure.SessionDisconnected => ErrorCategory.ConnectionError,
            RemoteFailure.SessionDisposed => ErrorCategory.ResourceUnavailable,
            RemoteFailure.SessionRemoved => ErrorCategory.ResourceUnavailable,
            RemoteFailure.SessionIsSftp => ErrorCategory.InvalidArgument,
            RemoteFailure.SessionNotRecognized => ErrorCategory.InvalidArgument,
            RemoteFailure.JumpHostFailed => ErrorCategory.ConnectionError,
            RemoteFailure.AgentUnavailable => ErrorCategory.ResourceUnavailable,
            RemoteFailure.AgentRefusedToSign => ErrorCategory.PermissionDenied,
            RemoteFailure.AgentIdentityNotFound => ErrorCategory.ObjectNotFound,
            RemoteFailure.CertificateInvalid => ErrorCategory.InvalidArgument,
            RemoteFailure.CertificateExpired => ErrorCategory.InvalidArgument,
            RemoteFailure.CertificateNotYetValid => ErrorCategory.InvalidArgument,
            RemoteFailure.HostCertificateExpired => ErrorCategory.SecurityError,
            RemoteFailure.HostCertificateNotYetValid => ErrorCategory.SecurityError,
            RemoteFailure.HostCertificatePrincipalMismatch => ErrorCategory.SecurityError,
            RemoteFailure.HostCertificateInvalid => ErrorCategory.SecurityError,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
