using System;
using System.Collections.Generic;
using System.Security;

namespace AptReady.Transport
{
    /// <summary>Where and as whom to connect: everything that identifies one pooled SSH connection.</summary>
    public sealed class SshTarget
    {
        public SshTarget(string computerName, int port, string userName)
        {
            if (string.IsNullOrWhiteSpace(computerName))
            {
                throw new ArgumentException("The computer name is empty.", nameof(computerName));
            }

            if (port < 1 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "The port must be between 1 and 65535.");
            }

            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new ArgumentException("The user name is empty.", nameof(userName));
            }

            ComputerName = computerName;
            Port = port;
            UserName = userName;
        }

        /// <summary>The host as the caller named it (an alias, when ssh_config names the address): results carry it.</summary>
        public string ComputerName { get; }

        /// <summary>The name or address to connect to (ssh_config's HostName); the computer name when not set.</summary>
        public string HostName
        {
            get => _hostName ?? ComputerName;
            set => _hostName = string.IsNullOrWhiteSpace(value) ? null : value;
        }

        /// <summary>
        /// The name the host key is looked up (and recorded) under: ssh_config's HostKeyAlias, else the host
        /// name. With an alias the port is not part of the known_hosts name, as in ssh.
        /// </summary>
        public string? HostKeyAlias { get; set; }

        /// <summary>The known_hosts name and port the host key is verified under (never a tunnel's loopback address).</summary>
        public string HostKeyName => HostKeyAlias ?? HostName;

        public int HostKeyPort => HostKeyAlias != null ? 22 : Port;

        /// <summary>The jump host this target is reached through (its last hop), or null for a direct connection.</summary>
        public JumpHop? Via { get; set; }

        private string? _hostName;

        public int Port { get; }

        public string UserName { get; }

        /// <summary>Private key files to offer, in order.</summary>
        public string[] KeyFilePaths { get; set; } = Array.Empty<string>();

        /// <summary>The passphrase of encrypted key files. Held as a SecureString until the key is read.</summary>
        public SecureString? KeyPassphrase { get; set; }

        /// <summary>
        /// User certificate files to offer with the key (file or agent key) each certifies, before that
        /// key itself, as ssh's CertificateFile does. Checked for validity before connecting.
        /// </summary>
        public string[] CertificateFilePaths { get; set; } = Array.Empty<string>();

        /// <summary>The agent's socket path (or Windows pipe); null when no agent is used.</summary>
        public string? AgentPath { get; set; }

        /// <summary>True when the caller named the agent (-IdentityAgent, -AgentIdentity): an agent that does not answer is then an error, not skipped.</summary>
        public bool AgentRequired { get; set; }

        /// <summary>When set, only the agent key with this SHA256 fingerprint (or the certificate of that key) is offered.</summary>
        public string? AgentIdentity { get; set; }

        /// <summary>The login password, when password authentication is wanted.</summary>
        public SecureString? Password { get; set; }

        /// <summary>How long to keep trying while the host refuses or does not answer (a VM still booting).</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// The key exchanges to offer, most preferred first (ssh_config's KexAlgorithms, resolved against
        /// <see cref="KeyExchangeOrder.Supported"/>); null offers SSH.NET's own order.
        /// </summary>
        public IReadOnlyList<string>? KeyExchangeAlgorithms { get; set; }

        /// <summary>
        /// The key used to pool connections: one per host, port and user, and per route when the host is
        /// reached through jump hosts (the same address behind two bastions is two hosts).
        /// </summary>
        public string PoolKey => Via == null
            ? $"{UserName}@{ComputerName.ToLowerInvariant()}:{Port}"
            : $"{UserName}@{ComputerName.ToLowerInvariant()}:{Port} via {Via.Target.PoolKey}";

        /// <summary>How many jump hosts stand between this machine and the target.</summary>
        public int HopCount => Via == null ? 0 : Via.Target.HopCount + 1;

        public override string ToString() => Port == 22 ? $"{UserName}@{ComputerName}" : $"{UserName}@{ComputerName}:{Port}";
    }
}
