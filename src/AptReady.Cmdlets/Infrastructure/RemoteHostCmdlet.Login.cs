using System;
using System.Management.Automation;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>The login parameters of the remote cmdlets beyond key files and passwords: the SSH agent and user certificates.</summary>
    public abstract partial class RemoteHostCmdlet
    {
        private LoginSettings? _login;

        /// <summary>
        /// User certificate files (ssh-keygen -s) to log in with, each offered before the key it certifies
        /// (a -KeyFilePath key or an agent key), as ssh's CertificateFile. KEY-cert.pub beside a key file is
        /// used without naming it. A certificate that is malformed, expired or not yet valid is an error
        /// before any connection.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [Alias("CertificateFile")]
        [ValidateNotNullOrEmpty]
        public string[]? CertificateFilePath { get; set; }

        /// <summary>
        /// The SSH agent's socket (or Windows named pipe) to use instead of SSH_AUTH_SOCK; 'none' uses no
        /// agent. The agent's keys are offered after any -KeyFilePath keys, in the agent's order; the agent
        /// signs, and no private key enters AptReady. On Windows OpenSSH's \.\pipe\openssh-ssh-agent is the default.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        public string? IdentityAgent { get; set; }

        /// <summary>
        /// Offer only this one of the agent's keys: a public key file (KEY.pub, or a KEY-cert.pub) or its
        /// SHA256 fingerprint as ssh-add -l prints it. Keeps an agent with many keys from using up the
        /// server's MaxAuthTries.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        public string? AgentIdentity { get; set; }

        /// <summary>Do not use the SSH agent even when SSH_AUTH_SOCK is set.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        public SwitchParameter NoAgent { get; set; }

        /// <summary>Checks the agent and certificate parameters once, before any host: a bad one ends the command.</summary>
        private void ResolveLogin()
        {
            try
            {
                // Local paths are checked here like -KeyFilePath's (InvalidPath, not a provider's error).
                string[]? certificates = CertificateFilePath == null ? null : Array.ConvertAll(CertificateFilePath, p => LocalPath(p, nameof(CertificateFilePath)));
                string? agent = IdentityAgent == null || IdentityAgent.Equals("none", StringComparison.OrdinalIgnoreCase) || IdentityAgent.StartsWith(@"\\.\pipe\", StringComparison.OrdinalIgnoreCase)
                    ? IdentityAgent
                    : LocalPath(IdentityAgent, nameof(IdentityAgent));
                string? identity = AgentIdentity == null || AgentIdentity.StartsWith("SHA256:", StringComparison.Ordinal)
                    ? AgentIdentity
                    : LocalPath(AgentIdentity, nameof(AgentIdentity));
                _login = LoginSettings.FromParameters(p => p, _keyPaths, certificates, agent, identity, NoAgent);
            }
            catch (LoginSettingsException ex)
            {
                ThrowTerminatingError(AptReadyErrors.InvalidLogin(ex));
            }

            foreach (string warning in _login!.Warnings)
            {
                WriteWarning(warning);
            }
        }
    }
}
