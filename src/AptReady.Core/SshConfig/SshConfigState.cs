using System;
using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.SshConfig
{
    /// <summary>The values obtained so far while reading the files for one host: the first one wins.</summary>
    internal sealed class SshConfigState
    {
        private const int MaxIdentityFiles = 100;
        private readonly SshLocalContext _local;
        private readonly List<string> _notFollowed = new List<string>();
        private readonly Dictionary<string, string> _sources = new Dictionary<string, string>(StringComparer.Ordinal);

        public SshConfigState(string originalHost, SshLocalContext local)
        {
            OriginalHost = originalHost;
            _local = local;
        }

        public string OriginalHost { get; }

        public bool FinalPass { get; set; }

        public bool WantsFinalPass { get; set; }

        public string? HostName { get; set; }

        public SshConfigEntry? HostNameEntry { get; set; }

        public string? User { get; set; }

        public int? Port { get; set; }

        public List<(string Value, SshConfigEntry Entry)> IdentityFiles { get; } = new List<(string, SshConfigEntry)>();

        public List<(string Value, SshConfigEntry Entry)> CertificateFiles { get; } = new List<(string, SshConfigEntry)>();

        public bool? IdentitiesOnly { get; private set; }

        public string? IdentityAgent { get; private set; }

        public SshConfigEntry? IdentityAgentEntry { get; private set; }

        public IReadOnlyList<JumpHostSpec>? ProxyJump { get; private set; }

        public string? ProxyCommand { get; private set; }

        public IReadOnlyList<string>? UserKnownHostsFiles { get; private set; }

        public SshConfigEntry? UserKnownHostsEntry { get; private set; }

        public IReadOnlyList<string>? GlobalKnownHostsFiles { get; private set; }

        public TimeSpan? ConnectTimeout { get; private set; }

        private bool _connectTimeoutSet;

        public StrictHostKeyChecking? Strict { get; private set; }

        public string? HostKeyAlias { get; private set; }

        public bool? Canonicalize { get; private set; }

        public string? KexAlgorithms { get; private set; }

        public string? IgnoreUnknown { get; private set; }

        public IReadOnlyList<string> NotFollowed => _notFollowed;

        public IReadOnlyDictionary<string, string> Sources => _sources;

        /// <summary>Takes an entry of an active block: sets its keyword's value unless one was obtained before.</summary>
        public void Apply(SshConfigEntry entry)
        {
            IReadOnlyList<string> args = entry.Arguments;
            switch (entry.Keyword)
            {
                case "hostname":
                    if (HostName == null)
                    {
                        HostName = args[0];
                        HostNameEntry = entry;
                        Note(entry);
                    }

                    break;
                case "user":
                    User ??= Noted(entry, args[0]);
                    break;
                case "port":
                    Port ??= Noted(entry, SshConfigValues.Port(entry, args[0]));
                    break;
                case "identityfile":
                    Accumulate(IdentityFiles, entry);
                    break;
                case "certificatefile":
                    Accumulate(CertificateFiles, entry);
                    break;
                case "identitiesonly":
                    IdentitiesOnly ??= Noted(entry, SshConfigValues.Flag(entry, args[0]));
                    break;
                case "identityagent":
                    if (IdentityAgent == null)
                    {
                        IdentityAgent = Noted(entry, args[0]);
                        IdentityAgentEntry = entry;
                    }

                    break;
                case "proxyjump":
                    if (ProxyJump == null && ProxyCommand == null)
                    {
                        ProxyJump = Noted(entry, SshConfigValues.Jumps(entry, args[0]));
                    }

                    break;
                case "proxycommand":
                    // A ProxyJump obtained before wins; ProxyJump none leaves room for a ProxyCommand, as in ssh.
                    if (ProxyCommand == null && (ProxyJump == null || ProxyJump.Count == 0))
                    {
                        ProxyCommand = Noted(entry, entry.Rest.Trim());
                    }

                    break;
                case "userknownhostsfile":
                    if (UserKnownHostsFiles == null)
                    {
                        UserKnownHostsFiles = Noted(entry, args.ToList());
                        UserKnownHostsEntry = entry;
                    }

                    break;
                case "globalknownhostsfile":
                    GlobalKnownHostsFiles ??= Noted(entry, args.ToList());
                    break;
                case "connecttimeout":
                    if (!_connectTimeoutSet)
                    {
                        _connectTimeoutSet = true;
                        ConnectTimeout = Noted(entry, SshConfigValues.Time(entry, args[0]));
                    }

                    break;
                case "stricthostkeychecking":
                    Strict ??= Noted(entry, SshConfigValues.Strict(entry, args[0]));
                    break;
                case "hostkeyalias":
                    HostKeyAlias ??= Noted(entry, args[0]);
                    break;
                case "kexalgorithms":
                    KexAlgorithms ??= Noted(entry, args[0]);
                    break;
                case "canonicalizehostname":
                    Canonicalize ??= SshConfigValues.Canonicalize(entry, args[0]);
                    break;
                case "ignoreunknown":
                    IgnoreUnknown ??= args[0];
                    break;
                default:
                    if (SshConfigKeywords.NotFollowed.Contains(entry.Keyword) && !_notFollowed.Contains(entry.Keyword))
                    {
                        _notFollowed.Add(entry.Keyword);
                    }

                    break;
            }
        }

        private void Accumulate(List<(string Value, SshConfigEntry Entry)> files, SshConfigEntry entry)
        {
            string path = entry.Arguments[0];
            if (files.Any(f => f.Value == path))
            {
                return;
            }

            if (files.Count >= MaxIdentityFiles)
            {
                throw entry.Error($"too many {entry.Keyword} lines (at most {MaxIdentityFiles}).");
            }

            files.Add((path, entry));
            Note(entry);
        }

        private T Noted<T>(SshConfigEntry entry, T value)
        {
            Note(entry);
            return value;
        }

        private void Note(SshConfigEntry entry)
        {
            if (!_sources.ContainsKey(entry.Keyword))
            {
                _sources[entry.Keyword] = $"{entry.File} line {entry.Line}";
            }
        }
    }
}
