using System;
using System.Management.Automation;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// The one path from connection parameters to a pooled session, shared by every cmdlet that connects
    /// (a host's parameters, or New-CloudConfig -ValidateOn's object): which user, which port, and whether
    /// the caller named credentials or host-key trust of their own.
    /// </summary>
    internal static class TargetSession
    {
        /// <summary>The user asked for: -UserName, else the credential's; null leaves it to ssh_config's User, then the local user.</summary>
        public static string? RequestedUser(string? userName, PSCredential? credential) => userName ?? credential?.UserName;

        /// <summary>The user a host name is checked and told apart under before any ssh_config is read.</summary>
        public static string InputUser(string? userName, PSCredential? credential) => RequestedUser(userName, credential) ?? Environment.UserName;

        /// <summary>Whether the caller named a way to log in; without one, a live Posh-SSH session to the host may be reused.</summary>
        public static bool HasCredentials(bool keyFiles, PSCredential? credential, bool certificates, string? identityAgent, string? agentIdentity) =>
            keyFiles || credential != null || certificates || identityAgent != null || agentIdentity != null;

        /// <summary>Plans the connection (ssh_config, jump route) on the calling thread; throws what the plan refuses.</summary>
        public static ResolvedTarget Plan(SshTargetFactory targets, string name, string? userName, PSCredential? credential, int? port) =>
            targets.Create(name, RequestedUser(userName, credential), port);

        /// <summary>The pooled session for a planned target (connected when first used).</summary>
        public static IRemoteSession Open(SshSessionPool pool, ResolvedTarget resolved, bool hasCredentials, bool explicitHostKeyTrust, Action<string>? warn = null) =>
            SessionResolution.Own(pool, resolved.Connector, resolved.Target, hasCredentials, explicitHostKeyTrust, warn);
    }
}
