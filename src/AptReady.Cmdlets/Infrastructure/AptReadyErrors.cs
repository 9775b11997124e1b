using System;
using System.Collections.Generic;
using System.Management.Automation;
using AptReady.Cmdlets.Apt;
using AptReady.Cmdlets.CloudInit;
using AptReady.Core;
using AptReady.Core.CloudInit;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using AptReady.Core.Runs;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>Every ErrorRecord AptReady writes: stable ids (<see cref="ErrorIds"/>), one category each, the host as target.</summary>
    internal static class AptReadyErrors
    {
        /// <summary>Every id with its category; a test checks README.md's "Error ids" and the hostile corpus against it.</summary>
        internal static readonly IReadOnlyDictionary<string, ErrorCategory> Catalog = new Dictionary<string, ErrorCategory>(StringComparer.Ordinal)
        {
            [ErrorIds.HostNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ConnectionFailed] = ErrorCategory.ConnectionError,
            [ErrorIds.ConnectTimedOut] = ErrorCategory.OperationTimeout,
            [ErrorIds.AuthenticationFailed] = ErrorCategory.AuthenticationError,
            [ErrorIds.KeyFileInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.KeyPassphraseRequired] = ErrorCategory.InvalidArgument,
            [ErrorIds.HostKeyUnknown] = ErrorCategory.SecurityError,
            [ErrorIds.HostKeyMismatch] = ErrorCategory.SecurityError,
            [ErrorIds.HostKeyRevoked] = ErrorCategory.SecurityError,
            [ErrorIds.SudoPasswordRequired] = ErrorCategory.PermissionDenied,
            [ErrorIds.ConnectionLost] = ErrorCategory.ConnectionError,
            [ErrorIds.SessionUnusable] = ErrorCategory.InvalidArgument,
            [ErrorIds.KnownHostsUnreadable] = ErrorCategory.ReadError,
            [ErrorIds.KnownHostsUnwritable] = ErrorCategory.WriteError,
            [ErrorIds.SessionDisconnected] = ErrorCategory.ConnectionError,
            [ErrorIds.SessionDisposed] = ErrorCategory.ResourceUnavailable,
            [ErrorIds.SessionRemoved] = ErrorCategory.ResourceUnavailable,
            [ErrorIds.SessionIsSftp] = ErrorCategory.InvalidArgument,
            [ErrorIds.SessionNotRecognized] = ErrorCategory.InvalidArgument,
            [ErrorIds.JumpHostFailed] = ErrorCategory.ConnectionError,
            [ErrorIds.AgentUnavailable] = ErrorCategory.ResourceUnavailable,
            [ErrorIds.AgentRefusedToSign] = ErrorCategory.PermissionDenied,
            [ErrorIds.AgentIdentityNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.CertificateInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.CertificateExpired] = ErrorCategory.InvalidArgument,
            [ErrorIds.CertificateNotYetValid] = ErrorCategory.InvalidArgument,
            [ErrorIds.HostCertificateExpired] = ErrorCategory.SecurityError,
            [ErrorIds.HostCertificateNotYetValid] = ErrorCategory.SecurityError,
            [ErrorIds.HostCertificatePrincipalMismatch] = ErrorCategory.SecurityError,
            [ErrorIds.HostCertificateInvalid] = ErrorCategory.SecurityError,
            [ErrorIds.KeyExchangeFailed] = ErrorCategory.ProtocolError,
            [ErrorIds.HostFailed] = ErrorCategory.NotSpecified,
            [ErrorIds.PoshSshNotLoaded] = ErrorCategory.ObjectNotFound,
            [ErrorIds.SessionIdNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.SudoFailed] = ErrorCategory.PermissionDenied,
            [ErrorIds.InvalidComputerName] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidUserName] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidHostKeyFingerprint] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidPath] = ErrorCategory.InvalidArgument,
            [ErrorIds.PathTooLong] = ErrorCategory.InvalidArgument,
            [ErrorIds.ArgumentTooLong] = ErrorCategory.InvalidArgument,
            [ErrorIds.TooManyPackages] = ErrorCategory.InvalidArgument,
            [ErrorIds.CommandTooLong] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidLockPath] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidConnectTimeout] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidLockTimeout] = ErrorCategory.InvalidArgument,
            [ErrorIds.PackageRequired] = ErrorCategory.InvalidArgument,
            [ErrorIds.PackageNotAccepted] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidCloudConfig] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidCloudConfigArgument] = ErrorCategory.InvalidArgument,
            [ErrorIds.CloudConfigCycle] = ErrorCategory.InvalidArgument,
            [ErrorIds.CloudConfigTooDeep] = ErrorCategory.InvalidArgument,
            [ErrorIds.CloudConfigTooLarge] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidValidateOnSession] = ErrorCategory.InvalidArgument,
            [ErrorIds.OutFileExists] = ErrorCategory.ResourceExists,
            [ErrorIds.SeedPathExists] = ErrorCategory.ResourceExists,
            [ErrorIds.SshConfigInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.SshConfigUnsupported] = ErrorCategory.SecurityError,
            [ErrorIds.InvalidJumpHost] = ErrorCategory.InvalidArgument,
            [ErrorIds.JumpHostLoop] = ErrorCategory.InvalidArgument,
            [ErrorIds.TooManyJumpHosts] = ErrorCategory.InvalidArgument,
            [ErrorIds.CloudConfigSchemaInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.CloudConfigStructureInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.CertificateFileInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.InvalidAgentIdentity] = ErrorCategory.InvalidArgument,
            [ErrorIds.AgentIdentityWithoutAgent] = ErrorCategory.InvalidArgument,
            [ErrorIds.CloudInitError] = ErrorCategory.InvalidResult,
            [ErrorIds.CloudInitDegraded] = ErrorCategory.InvalidResult,
            [ErrorIds.CloudInitTimedOut] = ErrorCategory.OperationTimeout,
            [ErrorIds.CloudInitNotReady] = ErrorCategory.NotSpecified,
            [ErrorIds.CloudInitNotInstalled] = ErrorCategory.NotInstalled,
            [ErrorIds.AptLockTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.AptGetFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.AptGetIncomplete] = ErrorCategory.ConnectionError,
            [ErrorIds.AptGetOutputUnreadable] = ErrorCategory.InvalidResult,
            [ErrorIds.DpkgInterrupted] = ErrorCategory.InvalidOperation,
            [ErrorIds.DpkgRepairFailed] = ErrorCategory.InvalidOperation,
            [ErrorIds.ProcLocksUnreadable] = ErrorCategory.PermissionDenied,
            [ErrorIds.LockProbeOutputUnreadable] = ErrorCategory.InvalidResult,
            [ErrorIds.CloudConfigSchemaCheckFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.CloudConfigWriteFailed] = ErrorCategory.WriteError,
            [ErrorIds.RebootWithSimulate] = ErrorCategory.InvalidArgument,
            [ErrorIds.RebootNotPermitted] = ErrorCategory.PermissionDenied,
            [ErrorIds.RebootFailed] = ErrorCategory.InvalidResult,
            [ErrorIds.RebootTimedOut] = ErrorCategory.OperationTimeout,
            [ErrorIds.RebootUnsupported] = ErrorCategory.InvalidArgument,
        };

        /// <summary>A record under <paramref name="errorId"/>, which must be in <see cref="Catalog"/>.</summary>
        public static ErrorRecord Create(Exception ex, string errorId, object? target)
        {
            if (!Catalog.TryGetValue(errorId, out ErrorCategory category))
            {
                throw new ArgumentOutOfRangeException(nameof(errorId), errorId, "An error id missing from AptReadyErrors.Catalog.");
            }

            return new ErrorRecord(ex, errorId, category, target);
        }

        public static ErrorRecord FromRemoteFailure(RemoteSessionException ex, object target) => Create(ex, ex.Failure.ToString(), target);

        /// <summary>
        /// A host's failure: the id its exception names (an apt-get run's reason, a cloud-init state, a
        /// connection that could not be planned), <paramref name="probeOutputId"/> for a probe's unreadable
        /// output, else HostFailed.
        /// </summary>
        public static ErrorRecord ForHost(Exception ex, object target, string? probeOutputId)
        {
            switch (ex)
            {
                case RemoteSessionException remote:
                    return FromRemoteFailure(remote, target);
                case AptGetRunException apt:
                    // The public exception type scripts catch; the message and result are the core's.
                    string id = apt.Reason.ToString();
                    return Create(new AptGetException(apt.Message, apt.Result, id, Catalog[id]), id, target);
                case CloudInitNotReadyException notReady:
                    return CloudInitNotReady(notReady.Result);
                case AptReady.Core.Reboot.RebootException reboot:
                    return Create(ex, reboot.ErrorId, target);
                case LockProbeException _:
                    return Create(ex, ErrorIds.ProcLocksUnreadable, target);
                case ProbeOutputException _ when probeOutputId != null:
                    return Create(ex, probeOutputId, target);
                default:
                    return ConnectionSetup(ex, target) ?? Create(ex, ErrorIds.HostFailed, target);
            }
        }

        /// <summary>Wait-CloudInit -ErrorOnFailure: a host whose cloud-init did not end Done.</summary>
        public static ErrorRecord CloudInitNotReady(CloudInitResult result)
        {
            string id = result.State switch
            {
                CloudInitState.Error => ErrorIds.CloudInitError,
                CloudInitState.Degraded => ErrorIds.CloudInitDegraded,
                CloudInitState.TimedOut => ErrorIds.CloudInitTimedOut,
                CloudInitState.NotInstalled => ErrorIds.CloudInitNotInstalled,
                _ => ErrorIds.CloudInitNotReady,
            };
            return Create(new CloudInitNotReadyException(result), id, result.ComputerName);
        }

        /// <summary>
        /// A host whose connection could not even be planned: its ssh_config is malformed (SshConfigInvalid)
        /// or asks for something AptReady refuses (SshConfigUnsupported), or its jump route loops
        /// (JumpHostLoop) or is too long (TooManyJumpHosts). Null for any other exception.
        /// </summary>
        public static ErrorRecord? ConnectionSetup(Exception ex, object target) => ex switch
        {
            AptReady.Core.SshConfig.SshConfigException _ => Create(ex, ErrorIds.SshConfigInvalid, target),
            SshConfigRefusedException _ => Create(ex, ErrorIds.SshConfigUnsupported, target),
            AptReady.Core.SshConfig.JumpRouteException route => Create(ex, route.IsLoop ? ErrorIds.JumpHostLoop : ErrorIds.TooManyJumpHosts, target),
            _ => null,
        };

        /// <summary>An agent or certificate parameter that cannot be used (the id says which and why).</summary>
        public static ErrorRecord InvalidLogin(LoginSettingsException ex) => Create(ex, ex.ErrorId, ex.Target);

        /// <summary>An input refused before anything is sent, under the id the refusal names.</summary>
        public static ErrorRecord InvalidInput(InvalidInputException ex, object? target) => Create(ex, ex.ErrorId, target);
    }
}
