using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>
    /// New-CloudConfig -ValidateOn: a Posh-SSH session, or an object with a host's connection properties
    /// resolved like the other cmdlets' parameters (<see cref="TargetSession"/>).
    /// </summary>
    internal static class ValidateOnTarget
    {
        public static IRemoteSession Resolve(NewCloudConfigCommand cmdlet, PSObject value)
        {
            SshSessionPool pool = ModuleState.PoolFor(Runspace.DefaultRunspace);
            object baseObject = value.BaseObject;
            bool isSession = value.TypeNames.Any(t => t.EndsWith("SSH.SshSession", StringComparison.Ordinal) || t.EndsWith("SSH.SftpSession", StringComparison.Ordinal));
            if (isSession)
            {
                return SessionResolution.Caller(pool, baseObject, PoshSshSessions.Of(cmdlet).StillLists(baseObject));
            }

            string computerName = Property(value, "ComputerName") as string
                ?? throw new ArgumentException("-ValidateOn needs a Posh-SSH session or an object with ComputerName (and Port, UserName, KeyFilePath, CertificateFilePath, IdentityAgent, AgentIdentity, NoAgent, HostKeyFingerprint, SshConfigPath, JumpHost).", nameof(NewCloudConfigCommand.ValidateOn));
            object? portValue = Property(value, "Port");
            int? port = portValue == null ? (int?)null : Convert.ToInt32(portValue, System.Globalization.CultureInfo.InvariantCulture);
            var credential = Property(value, "Credential") as PSCredential;
            string[] keyFiles = Strings(Property(value, "KeyFilePath")).Select(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath).ToArray();
            string? fingerprint = Property(value, "HostKeyFingerprint") as string;
            string[]? knownHosts = Strings(Property(value, "KnownHostsPath")) is var paths && paths.Length > 0 ? paths : null;
            object? timeout = Property(value, "ConnectTimeout");
            string[] jumpHosts = Strings(Property(value, "JumpHost"));

            var arguments = new ConnectionArguments
            {
                KeyFilePaths = keyFiles,
                Password = credential?.Password,
                Pinned = fingerprint == null ? null : AptReady.Core.HostKeys.HostKeyFingerprint.Parse(fingerprint),
                KnownHostsPaths = knownHosts?.Select(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath).ToArray(),
                // Unset: the ssh configuration's ConnectTimeout, else the default.
                ConnectTimeout = timeout == null ? (TimeSpan?)null : TimeSpanArgument.ReadWait(timeout, "ConnectTimeout"),
            };
            string[]? certificates = Strings(Property(value, "CertificateFilePath")) is var certs && certs.Length > 0 ? certs : null;
            string? agent = Property(value, "IdentityAgent") as string;
            string? agentIdentity = Property(value, "AgentIdentity") as string;
            bool noAgent = Property(value, "NoAgent") is object flag && LanguagePrimitives.IsTrue(flag);
            var login = LoginSettings.FromParameters(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath, keyFiles, certificates, agent, agentIdentity, noAgent);
            foreach (string warning in login.Warnings)
            {
                cmdlet.WriteWarning(warning);
            }

            arguments.Login = login;
            SshTargetFactory targets = SshConfiguration.CreateFactory(cmdlet, Property(value, "SshConfigPath") as string, jumpHosts.Length > 0 ? jumpHosts : null,
                arguments, message => cmdlet.Post(() => cmdlet.WriteVerbose(message)));
            ResolvedTarget resolved;
            try
            {
                resolved = TargetSession.Plan(targets, computerName, Property(value, "UserName") as string, credential, port);
            }
            catch (Exception ex) when (AptReadyErrors.ConnectionSetup(ex, computerName) != null)
            {
                throw new ArgumentException($"-ValidateOn {computerName}: {ex.Message}", nameof(NewCloudConfigCommand.ValidateOn), ex);
            }

            bool named = TargetSession.HasCredentials(keyFiles.Length > 0, credential, certificates != null, agent, agentIdentity);
            return TargetSession.Open(pool, resolved, named, explicitHostKeyTrust: fingerprint != null || knownHosts != null);
        }

        private static object? Property(PSObject value, string name)
        {
            if (value.BaseObject is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(CloudConfigArguments.Unwrap(entry.Key) as string, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return CloudConfigArguments.Unwrap(entry.Value);
                    }
                }

                return null;
            }

            return CloudConfigArguments.Unwrap(value.Properties[name]?.Value);
        }

        private static string[] Strings(object? value) => value switch
        {
            null => Array.Empty<string>(),
            string single => new[] { single },
            IEnumerable list => list.Cast<object?>().Select(CloudConfigArguments.Unwrap).OfType<string>().ToArray(),
            _ => Array.Empty<string>(),
        };
    }
}
