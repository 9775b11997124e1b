using AptReady.Core;
using System;
using System.Collections.Generic;
using System.IO;
using AptReady.Core.Certificates;
using AptReady.Core.HostKeys;
using AptReady.Transport;
using AptReady.Transport.Agent;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>A login parameter that cannot be used; <see cref="ErrorId"/> is the error record's id.</summary>
    internal sealed class LoginSettingsException : ArgumentException
    {
        public LoginSettingsException(string errorId, string message, object target, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Target = target;
        }

        public string ErrorId { get; }

        public object Target { get; }
    }

    /// <summary>
    /// The agent and certificate parameters, checked once per command before any connection: which agent
    /// (if any), which of its keys, and which user certificates, each known to be readable and valid now.
    /// </summary>
    internal sealed class LoginSettings
    {
        private LoginSettings(string? agentPath, bool agentRequired, string? agentIdentity, string[] certificatePaths, IReadOnlyList<string> warnings)
        {
            AgentPath = agentPath;
            AgentRequired = agentRequired;
            AgentIdentity = agentIdentity;
            CertificatePaths = certificatePaths;
            Warnings = warnings;
        }

        public string? AgentPath { get; }

        public bool AgentRequired { get; }

        public string? AgentIdentity { get; }

        public string[] CertificatePaths { get; }

        /// <summary>Certificates found beside key files that are not used, and why.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>The command line chose the agent (-IdentityAgent, -AgentIdentity or -NoAgent): ssh_config's IdentityAgent does not apply.</summary>
        public bool AgentChosen { get; private set; }

        /// <summary>
        /// Resolves the settings from file-system paths already resolved by the caller. An explicit
        /// certificate that is malformed, not a user certificate or outside its validity window throws;
        /// one found beside a key file (KEY-cert.pub, as ssh looks for it) is then left out with a warning.
        /// </summary>
        public static LoginSettings Resolve(string[] keyPaths, string[]? certificatePaths, string? identityAgent, string? agentIdentity, bool noAgent)
        {
            var now = DateTimeOffset.UtcNow;
            var certificates = new List<string>();
            foreach (string path in certificatePaths ?? Array.Empty<string>())
            {
                try
                {
                    UserCertificateFile.EnsureUsable(UserCertificateFile.Read(path), path, now);
                }
                catch (UserCertificateException ex)
                {
                    throw new LoginSettingsException(ErrorIdOf(ex.Problem), ex.Message, path, ex);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw new LoginSettingsException(ErrorIds.CertificateFileInvalid, $"The certificate file '{path}' cannot be read: {ex.Message}", path, ex);
                }

                certificates.Add(path);
            }

            var warnings = new List<string>();
            foreach (string key in keyPaths)
            {
                string beside = UserCertificateFile.BesideKey(key);
                if (certificates.Contains(beside) || !File.Exists(beside))
                {
                    continue;
                }

                try
                {
                    UserCertificateFile.EnsureUsable(UserCertificateFile.Read(beside), beside, now);
                    certificates.Add(beside);
                }
                catch (Exception ex) when (ex is UserCertificateException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    warnings.Add(ex.Message + " It is not offered; the key itself still is.");
                }
            }

            string? fingerprint = agentIdentity == null ? null : FingerprintOf(agentIdentity);
            bool named = identityAgent != null || agentIdentity != null;
            string? agentPath = noAgent || string.Equals(identityAgent, "none", StringComparison.OrdinalIgnoreCase)
                ? null
                : identityAgent ?? SshAgent.DefaultPath();
            if (agentPath == null && agentIdentity != null)
            {
                throw new LoginSettingsException(ErrorIds.AgentIdentityWithoutAgent,
                    "-AgentIdentity chooses a key of the SSH agent, but no agent is in use (-NoAgent, or SSH_AUTH_SOCK is not set): name it with -IdentityAgent.", agentIdentity);
            }

            return new LoginSettings(agentPath, named, fingerprint, certificates.ToArray(), warnings) { AgentChosen = named || noAgent };
        }

        /// <summary>Resolves the parameters as given, with <paramref name="resolvePath"/> turning PowerShell paths into file-system paths.</summary>
        public static LoginSettings FromParameters(
            Func<string, string> resolvePath, string[] keyPaths, string[]? certificateFilePath, string? identityAgent, string? agentIdentity, bool noAgent) =>
            Resolve(
                keyPaths,
                certificateFilePath == null ? null : Array.ConvertAll(certificateFilePath, p => resolvePath(p)),
                identityAgent == null || identityAgent.Equals("none", StringComparison.OrdinalIgnoreCase) || identityAgent.StartsWith(@"\\.\pipe\", StringComparison.OrdinalIgnoreCase)
                    ? identityAgent
                    : resolvePath(identityAgent),
                agentIdentity == null || agentIdentity.StartsWith("SHA256:", StringComparison.Ordinal) ? agentIdentity : resolvePath(agentIdentity),
                noAgent);

        /// <summary>Puts the settings on a target.</summary>
        public void Apply(SshTarget target)
        {
            target.AgentPath = AgentPath;
            target.AgentRequired = AgentRequired;
            target.AgentIdentity = AgentIdentity;
            target.CertificateFilePaths = CertificatePaths;
        }

        /// <summary>-AgentIdentity: a SHA256 fingerprint as ssh-add -l prints it, or a public key (or certificate) file.</summary>
        private static string FingerprintOf(string value)
        {
            if (value.StartsWith("SHA256:", StringComparison.Ordinal))
            {
                try
                {
                    return HostKeyFingerprint.Parse(value).ToString();
                }
                catch (ArgumentException ex)
                {
                    throw new LoginSettingsException(ErrorIds.InvalidAgentIdentity, $"-AgentIdentity '{value}' is not a SHA256 fingerprint: {ex.Message}", value, ex);
                }
            }

            string text;
            try
            {
                text = File.ReadAllText(value);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new LoginSettingsException(ErrorIds.InvalidAgentIdentity,
                    $"-AgentIdentity '{value}' is neither a SHA256 fingerprint (ssh-add -l) nor a readable public key file: {ex.Message}", value, ex);
            }

            string[] fields = text.Trim().Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
            try
            {
                byte[] blob = Convert.FromBase64String(fields.Length >= 2 ? fields[1] : string.Empty);
                if (fields.Length < 2 || !SshKeyType.TryFromBlob(blob, out string? type) || type != fields[0])
                {
                    throw new FormatException();
                }

                return HostKeyFingerprint.Sha256(blob).ToString();
            }
            catch (FormatException)
            {
                throw new LoginSettingsException(ErrorIds.InvalidAgentIdentity, $"The -AgentIdentity file '{value}' is not an OpenSSH public key file (type base64 [comment]).", value);
            }
        }

        private static string ErrorIdOf(UserCertificateProblem problem) => problem switch
        {
            UserCertificateProblem.Expired => ErrorIds.CertificateExpired,
            UserCertificateProblem.NotYetValid => ErrorIds.CertificateNotYetValid,
            _ => ErrorIds.CertificateFileInvalid,
        };
    }
}
