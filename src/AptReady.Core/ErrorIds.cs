using AptReady.Core.Remote;

namespace AptReady.Core
{
    /// <summary>
    /// Every error id AptReady writes, in one place: the cmdlets' error factory gives each its category,
    /// and a test holds this list, README.md's "Error ids" and the hostile corpus's list together.
    /// A <see cref="RemoteFailure"/>'s id is its name.
    /// </summary>
    public static class ErrorIds
    {
        public const string HostNotFound = nameof(RemoteFailure.HostNotFound);
        public const string ConnectionFailed = nameof(RemoteFailure.ConnectionFailed);
        public const string ConnectTimedOut = nameof(RemoteFailure.ConnectTimedOut);
        public const string AuthenticationFailed = nameof(RemoteFailure.AuthenticationFailed);
        public const string KeyFileInvalid = nameof(RemoteFailure.KeyFileInvalid);
        public const string KeyPassphraseRequired = nameof(RemoteFailure.KeyPassphraseRequired);
        public const string HostKeyUnknown = nameof(RemoteFailure.HostKeyUnknown);
        public const string HostKeyMismatch = nameof(RemoteFailure.HostKeyMismatch);
        public const string HostKeyRevoked = nameof(RemoteFailure.HostKeyRevoked);
        public const string SudoPasswordRequired = nameof(RemoteFailure.SudoPasswordRequired);
        public const string ConnectionLost = nameof(RemoteFailure.ConnectionLost);
        public const string SessionUnusable = nameof(RemoteFailure.SessionUnusable);
        public const string KnownHostsUnreadable = nameof(RemoteFailure.KnownHostsUnreadable);
        public const string KnownHostsUnwritable = nameof(RemoteFailure.KnownHostsUnwritable);
        public const string SessionDisconnected = nameof(RemoteFailure.SessionDisconnected);
        public const string SessionDisposed = nameof(RemoteFailure.SessionDisposed);
        public const string SessionRemoved = nameof(RemoteFailure.SessionRemoved);
        public const string SessionIsSftp = nameof(RemoteFailure.SessionIsSftp);
        public const string SessionNotRecognized = nameof(RemoteFailure.SessionNotRecognized);
        public const string JumpHostFailed = nameof(RemoteFailure.JumpHostFailed);
        public const string AgentUnavailable = nameof(RemoteFailure.AgentUnavailable);
        public const string AgentRefusedToSign = nameof(RemoteFailure.AgentRefusedToSign);
        public const string AgentIdentityNotFound = nameof(RemoteFailure.AgentIdentityNotFound);
        public const string CertificateInvalid = nameof(RemoteFailure.CertificateInvalid);
        public const string CertificateExpired = nameof(RemoteFailure.CertificateExpired);
        public const string CertificateNotYetValid = nameof(RemoteFailure.CertificateNotYetValid);
        public const string HostCertificateExpired = nameof(RemoteFailure.HostCertificateExpired);
        public const string HostCertificateNotYetValid = nameof(RemoteFailure.HostCertificateNotYetValid);
        public const string HostCertificatePrincipalMismatch = nameof(RemoteFailure.HostCertificatePrincipalMismatch);
        public const string HostCertificateInvalid = nameof(RemoteFailure.HostCertificateInvalid);
        public const string KeyExchangeFailed = nameof(RemoteFailure.KeyExchangeFailed);
        public const string HostFailed = nameof(HostFailed);
        public const string PoshSshNotLoaded = nameof(PoshSshNotLoaded);
        public const string SessionIdNotFound = nameof(SessionIdNotFound);
        public const string SudoFailed = nameof(SudoFailed);
        public const string InvalidComputerName = nameof(InvalidComputerName);
        public const string InvalidUserName = nameof(InvalidUserName);
        public const string InvalidHostKeyFingerprint = nameof(InvalidHostKeyFingerprint);
        public const string InvalidPath = nameof(InvalidPath);
        public const string PathTooLong = nameof(PathTooLong);
        public const string ArgumentTooLong = nameof(ArgumentTooLong);
        public const string TooManyPackages = nameof(TooManyPackages);
        public const string CommandTooLong = nameof(CommandTooLong);
        public const string InvalidLockPath = nameof(InvalidLockPath);
        public const string InvalidConnectTimeout = nameof(InvalidConnectTimeout);
        public const string InvalidLockTimeout = nameof(InvalidLockTimeout);
        public const string PackageRequired = nameof(PackageRequired);
        public const string PackageNotAccepted = nameof(PackageNotAccepted);
        public const string InvalidCloudConfig = nameof(InvalidCloudConfig);
        public const string InvalidCloudConfigArgument = nameof(InvalidCloudConfigArgument);
        public const string CloudConfigCycle = nameof(CloudConfigCycle);
        public const string CloudConfigTooDeep = nameof(CloudConfigTooDeep);
        public const string CloudConfigTooLarge = nameof(CloudConfigTooLarge);
        public const string InvalidValidateOnSession = nameof(InvalidValidateOnSession);
        public const string OutFileExists = nameof(OutFileExists);
        public const string SeedPathExists = nameof(SeedPathExists);
        public const string SshConfigInvalid = nameof(SshConfigInvalid);
        public const string SshConfigUnsupported = nameof(SshConfigUnsupported);
        public const string InvalidJumpHost = nameof(InvalidJumpHost);
        public const string JumpHostLoop = nameof(JumpHostLoop);
        public const string TooManyJumpHosts = nameof(TooManyJumpHosts);
        public const string CloudConfigSchemaInvalid = nameof(CloudConfigSchemaInvalid);
        public const string CloudConfigStructureInvalid = nameof(CloudConfigStructureInvalid);
        public const string CertificateFileInvalid = nameof(CertificateFileInvalid);
        public const string InvalidAgentIdentity = nameof(InvalidAgentIdentity);
        public const string AgentIdentityWithoutAgent = nameof(AgentIdentityWithoutAgent);
        public const string CloudInitError = nameof(CloudInitError);
        public const string CloudInitDegraded = nameof(CloudInitDegraded);
        public const string CloudInitTimedOut = nameof(CloudInitTimedOut);
        public const string CloudInitNotReady = nameof(CloudInitNotReady);
        public const string CloudInitNotInstalled = nameof(CloudInitNotInstalled);
        public const string AptLockTimeout = nameof(AptLockTimeout);
        public const string AptGetFailed = nameof(AptGetFailed);
        public const string AptGetIncomplete = nameof(AptGetIncomplete);
        public const string AptGetOutputUnreadable = nameof(AptGetOutputUnreadable);
        public const string DpkgInterrupted = nameof(DpkgInterrupted);
        public const string DpkgRepairFailed = nameof(DpkgRepairFailed);
        public const string ProcLocksUnreadable = nameof(ProcLocksUnreadable);
        public const string LockProbeOutputUnreadable = nameof(LockProbeOutputUnreadable);
        public const string CloudConfigSchemaCheckFailed = nameof(CloudConfigSchemaCheckFailed);
        public const string CloudConfigWriteFailed = nameof(CloudConfigWriteFailed);
        public const string RebootWithSimulate = nameof(RebootWithSimulate);
        public const string RebootNotPermitted = nameof(RebootNotPermitted);
        public const string RebootFailed = nameof(RebootFailed);
        public const string RebootTimedOut = nameof(RebootTimedOut);
        public const string RebootUnsupported = nameof(RebootUnsupported);
    }
}
