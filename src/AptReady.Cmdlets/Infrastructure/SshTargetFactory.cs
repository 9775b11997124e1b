using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using AptReady.Core.HostKeys;
using AptReady.Core.SshConfig;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>What the command line said about connecting, read once per command (it wins over ssh_config).</summary>
    internal sealed class ConnectionArguments
    {
        public string[] KeyFilePaths { get; set; } = Array.Empty<string>();

        public SecureString? KeyPassphrase { get; set; }

        public SecureString? Password { get; set; }

        public HostKeyFingerprint? Pinned { get; set; }

        public string[]? KnownHostsPaths { get; set; }

        public bool TrustOnFirstUse { get; set; }

        /// <summary>-ConnectTimeout when given; ssh_config's ConnectTimeout, then the default, otherwise.</summary>
        public TimeSpan? ConnectTimeout { get; set; }

        public TimeSpan DefaultConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>The agent and certificate settings of the command line, for every target and hop.</summary>
        public LoginSettings? Login { get; set; }

        /// <summary>-JumpHost: the route for every host of the command, over ProxyJump.</summary>
        public IReadOnlyList<JumpHostSpec>? JumpHosts { get; set; }
    }

    /// <summary>A host resolved through ssh_config and the command line: how to connect and verify it.</summary>
    internal sealed class ResolvedTarget
    {
        public ResolvedTarget(SshTarget target, SshConnector connector)
        {
            Target = target;
            Connector = connector;
        }

        public SshTarget Target { get; }

        public SshConnector Connector { get; }
    }

    /// <summary>An ssh_config setting AptReady will not follow because it would weaken or bypass its checks.</summary>
    internal sealed class SshConfigRefusedException : Exception
    {
        public SshConfigRefusedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Turns a host name into an SSH.NET target the way ssh would reach it: the ssh configuration gives
    /// HostName, User, Port, keys, known_hosts files, host-key policy and the jump route; the command line
    /// wins where it speaks. Each jump host is resolved under its own name, with its own host-key policy.
    /// </summary>
    internal sealed class SshTargetFactory
    {
        private static readonly string[] SshGlobalKnownHosts = { "/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2" };
        private readonly SshConfigResolver _config;
        private readonly ConnectionArguments _arguments;
        private readonly Action<string> _verbose;
        private readonly HashSet<string> _named = new HashSet<string>(StringComparer.Ordinal);

        public SshTargetFactory(SshConfigResolver config, ConnectionArguments arguments, Action<string> verbose)
        {
            _config = config;
            _arguments = arguments;
            _verbose = verbose;
        }

        /// <summary>
        /// Resolves <paramref name="name"/>. Throws <see cref="SshConfigException"/>, <see cref="SshConfigRefusedException"/>
        /// or <see cref="JumpRouteException"/> before anything connects.
        /// </summary>
        public ResolvedTarget Create(string name, string? user, int? port)
        {
            SshHostConfig config = _config.Resolve(name, user, port);
            Check(config);
            IReadOnlyList<SshHostConfig> hops = JumpRoute.Plan(_config, config, _arguments.JumpHosts);
            string[] targetKeys = _arguments.KeyFilePaths.Concat(ExistingFiles(config.IdentityFiles)).Distinct(StringComparer.Ordinal).ToArray();

            JumpHop? via = null;
            foreach (SshHostConfig hop in hops)
            {
                Check(hop);
                string[] hopKeys = ExistingFiles(hop.IdentityFiles).Concat(targetKeys).Distinct(StringComparer.Ordinal).ToArray();
                SshTarget hopTarget = Build(hop, hopKeys);
                hopTarget.Via = via;
                via = new JumpHop(hopTarget, ConnectorFor(hop, pinned: null));
            }

            SshTarget target = Build(config, targetKeys);
            target.Via = via;
            if (config.Sources.Count > 0 || via != null)
            {
                _verbose($"{name}: connecting to {target.UserName}@{target.HostName}:{target.Port}"
                    + (via == null ? string.Empty : " through " + string.Join(", ", hops.Select(h => $"{h.User}@{h.HostName}:{h.Port}")))
                    + (config.Sources.Count == 0 ? "." : " (" + string.Join("; ", config.Sources.Select(s => $"{s.Key} from {s.Value}")) + ")."));
            }

            return new ResolvedTarget(target, ConnectorFor(config, _arguments.Pinned));
        }

        private SshTarget Build(SshHostConfig config, string[] keys)
        {
            var target = new SshTarget(config.OriginalHost, config.Port, config.User)
            {
                HostName = config.HostName,
                HostKeyAlias = config.HostKeyAlias,
                KeyFilePaths = keys,
                KeyPassphrase = _arguments.KeyPassphrase,
                Password = _arguments.Password,
                ConnectTimeout = _arguments.ConnectTimeout ?? config.ConnectTimeout ?? _arguments.DefaultConnectTimeout,
                KeyExchangeAlgorithms = KeyExchanges(config),
            };
            _arguments.Login?.Apply(target);

            // ssh_config's IdentityAgent, where the command line named no agent: "none" turns the agent
            // off, a socket path replaces SSH_AUTH_SOCK's ("SSH_AUTH_SOCK" itself changes nothing).
            if (_arguments.Login is { AgentChosen: false } && config.IdentityAgent is string agent && !agent.StartsWith("$", StringComparison.Ordinal)
                && !string.Equals(agent, "SSH_AUTH_SOCK", StringComparison.Ordinal))
            {
                target.AgentPath = string.Equals(agent, "none", StringComparison.OrdinalIgnoreCase) ? null : agent;
            }

            return target;
        }

        /// <summary>
        /// KexAlgorithms from SSH.NET's own order, as ssh does from its compiled one. Names ssh knows but
        /// SSH.NET lacks are left out, said once in verbose output; none left is refused before connecting.
        /// </summary>
        private IReadOnlyList<string>? KeyExchanges(SshHostConfig config)
        {
            if (config.KexAlgorithms == null)
            {
                return null;
            }

            string line = $"KexAlgorithms {config.KexAlgorithms} ({Source(config, "kexalgorithms")})";
            KexAlgorithmChoice choice;
            try
            {
                choice = KexAlgorithmList.Assemble(config.KexAlgorithms, KeyExchangeOrder.Supported, KeyExchangeOrder.Supported);
            }
            catch (ArgumentException ex)
            {
                throw new SshConfigRefusedException($"{config.OriginalHost}: {line}: {ex.Message}");
            }

            if (choice.Dropped.Count > 0 && _named.Add(line))
            {
                _verbose($"ssh_config: {line}: SSH.NET does not implement {string.Join(", ", choice.Dropped)}; left out (first applied to {config.OriginalHost}).");
            }

            if (choice.Offered.Count == 0)
            {
                throw new SshConfigRefusedException(
                    $"{config.OriginalHost}: {line} leaves no key exchange AptReady can offer. SSH.NET implements {string.Join(",", KeyExchangeOrder.Supported)}.");
            }

            return choice.Offered;
        }

        private SshConnector ConnectorFor(SshHostConfig config, HostKeyFingerprint? pinned)
        {
            bool trustOnFirstUse = _arguments.TrustOnFirstUse || config.StrictHostKeyChecking == StrictHostKeyChecking.AcceptNew;
            IReadOnlyList<string>? files = _arguments.KnownHostsPaths ?? config.UserKnownHostsFiles;
            IReadOnlyList<string> global = (config.GlobalKnownHostsFiles ?? SshGlobalKnownHosts)
                .Select(f => f.StartsWith("~/", StringComparison.Ordinal) ? _config.Local.HomeFolder + f.Substring(1) : f)
                .ToList();
            return new SshConnector(HostKeyTrustFactory.Create(pinned, files, trustOnFirstUse, global), _verbose);
        }

        private void Check(SshHostConfig config)
        {
            if (config.ProxyCommand != null)
            {
                throw new SshConfigRefusedException(
                    $"{config.OriginalHost}: ProxyCommand '{config.ProxyCommand}' ({Source(config, "proxycommand")}) is not supported: AptReady runs no local commands "
                    + "from ssh_config. Use ProxyJump (or -JumpHost), or pass -SshConfigPath with a file without it.");
            }

            if (config.StrictHostKeyChecking == StrictHostKeyChecking.No)
            {
                throw new SshConfigRefusedException(
                    $"{config.OriginalHost}: StrictHostKeyChecking no ({Source(config, "stricthostkeychecking")}) would accept any host key; AptReady does not follow it. "
                    + "Use accept-new (trust on first use), known_hosts, or -HostKeyFingerprint.");
            }

            foreach (string keyword in config.NotFollowed)
            {
                if (_named.Add(keyword))
                {
                    _verbose($"ssh_config: {keyword} is not followed by AptReady (first applied to {config.OriginalHost}).");
                }
            }
        }

        private static string Source(SshHostConfig config, string keyword) =>
            config.Sources.TryGetValue(keyword, out string? where) ? where : "ssh_config";

        // ssh skips IdentityFile lines whose file does not exist; so does AptReady.
        private static IEnumerable<string> ExistingFiles(IEnumerable<string> paths) => paths.Where(File.Exists);
    }
}
