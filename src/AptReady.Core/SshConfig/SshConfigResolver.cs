using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// Resolves a host through OpenSSH client configuration files with ssh's own rules: files in order
    /// (the user's, then the system's), the first value obtained for a keyword wins (IdentityFile and
    /// CertificateFile accumulate), Host and Match blocks, Include, and a second pass when a Match final
    /// (or CanonicalizeHostname) asks for one. Values given by the caller come first, as ssh's command line does.
    /// </summary>
    public sealed class SshConfigResolver
    {
        public SshConfigResolver(IEnumerable<SshConfigFile> files, SshLocalContext local)
        {
            Files = (files ?? throw new ArgumentNullException(nameof(files))).ToList();
            Local = local ?? throw new ArgumentNullException(nameof(local));
        }

        public IReadOnlyList<SshConfigFile> Files { get; }

        public SshLocalContext Local { get; }

        /// <summary>
        /// The files for a configuration path: null reads ~/.ssh/config and /etc/ssh/ssh_config (each may be
        /// missing), an empty string reads none, and a path reads that file only (as ssh -F does; it must exist).
        /// </summary>
        public static SshConfigResolver Load(string? path, SshLocalContext local, string systemFile = "/etc/ssh/ssh_config")
        {
            var files = new List<SshConfigFile>();
            if (path == null)
            {
                AddIfPresent(files, SshConfigFile.Load(local.UserSshFolder + "/config", isUserFile: true, local));
                AddIfPresent(files, SshConfigFile.Load(systemFile, isUserFile: false, local));
            }
            else if (path.Length > 0)
            {
                files.Add(SshConfigFile.Load(path, isUserFile: true, local)
                    ?? throw new SshConfigException(path, 0, "does not exist."));
            }

            return new SshConfigResolver(files, local);
        }

        private static void AddIfPresent(List<SshConfigFile> files, SshConfigFile? file)
        {
            if (file != null)
            {
                files.Add(file);
            }
        }

        /// <summary>
        /// Resolves <paramref name="host"/> (a name or alias, as given). <paramref name="user"/> and
        /// <paramref name="port"/> are the caller's own values: they win over the files.
        /// </summary>
        public SshHostConfig Resolve(string host, string? user = null, int? port = null)
        {
            if (string.IsNullOrWhiteSpace(host))
            {
                throw new ArgumentException("A host name is required.", nameof(host));
            }

            var state = new SshConfigState(host, Local) { User = user, Port = port };
            foreach (SshConfigFile file in Files)
            {
                Walk(file, active: true, neverMatch: false, state);
            }

            if (state.WantsFinalPass || state.Canonicalize == true)
            {
                state.HostName = ExpandHostName(state).ToLowerInvariant();
                state.HostNameEntry = null;
                state.FinalPass = true;
                foreach (SshConfigFile file in Files)
                {
                    Walk(file, active: true, neverMatch: false, state);
                }
            }

            return Finish(state);
        }

        private void Walk(SshConfigFile file, bool active, bool neverMatch, SshConfigState state)
        {
            foreach (SshConfigEntry entry in file.Entries)
            {
                switch (entry.Keyword)
                {
                    case "host":
                        active = !neverMatch && HostLineMatches(entry, state.FinalPass ? state.HostName! : state.OriginalHost);
                        break;
                    case "match":
                        SshMatchLine match = SshMatchLine.Parse(entry);
                        state.WantsFinalPass |= match.WantsFinalPass;
                        string hostSoFar = state.FinalPass ? state.HostName! : ExpandHostName(state);
                        active = !neverMatch && match.Matches(hostSoFar, state.OriginalHost, state.User ?? Local.UserName, Local.UserName, state.FinalPass);
                        break;
                    case "include":
                        foreach (SshConfigFile included in entry.Included ?? Array.Empty<SshConfigFile>())
                        {
                            Walk(included, active, neverMatch || !active, state);
                        }

                        break;
                    default:
                        if (!SshConfigKeywords.IsKnown(entry.Keyword))
                        {
                            if (state.IgnoreUnknown == null || SshHostPattern.MatchList(entry.Keyword, state.IgnoreUnknown, lowerPatterns: true) != 1)
                            {
                                throw entry.Error($"Bad configuration option: {entry.Keyword}");
                            }
                        }
                        else if (active)
                        {
                            state.Apply(entry);
                        }

                        break;
                }
            }
        }

        private static bool HostLineMatches(SshConfigEntry entry, string host)
        {
            bool active = false;
            foreach (string argument in entry.Arguments)
            {
                bool negated = argument.StartsWith("!", StringComparison.Ordinal);
                if (SshHostPattern.Match(host, negated ? argument.Substring(1) : argument))
                {
                    if (negated)
                    {
                        return false;
                    }

                    active = true;
                }
            }

            return active;
        }

        private static string ExpandHostName(SshConfigState state)
        {
            if (state.HostName == null)
            {
                return state.OriginalHost;
            }

            return SshTokens.Percent(state.HostName, new Dictionary<char, string> { ['h'] = state.OriginalHost }, state.HostNameEntry);
        }

        private SshHostConfig Finish(SshConfigState state)
        {
            string hostName = state.FinalPass ? state.HostName! : ExpandHostName(state).ToLowerInvariant();
            foreach (char c in hostName)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\'' || c == '"' || c == '`' || c == '\\' || c == '/')
                {
                    throw state.HostNameEntry?.Error($"the host name '{hostName}' contains invalid characters.")
                        ?? new SshConfigException(state.OriginalHost, 0, $"the host name '{hostName}' contains invalid characters.");
                }
            }

            string user = state.User ?? Local.UserName;
            int port = state.Port ?? 22;
            string? alias = state.HostKeyAlias?.ToLowerInvariant();
            var tokens = Tokens(state.OriginalHost, hostName, user, port, alias, state.ProxyJump);
            var config = new SshHostConfig(state.OriginalHost)
            {
                HostName = hostName,
                User = user,
                Port = port,
                PortIsSet = state.Port != null,
                IdentityFilesAsWritten = state.IdentityFiles.Select(f => f.Value).ToList(),
                IdentityFiles = state.IdentityFiles.Select(f => SshTokens.Path(f.Value, tokens, Local, f.Entry)).ToList(),
                CertificateFilesAsWritten = state.CertificateFiles.Select(f => f.Value).ToList(),
                CertificateFiles = state.CertificateFiles.Select(f => SshTokens.Path(f.Value, tokens, Local, f.Entry)).ToList(),
                IdentitiesOnly = state.IdentitiesOnly,
                IdentityAgent = ExpandAgent(state, tokens),
                ProxyJump = state.ProxyJump,
                ProxyCommand = state.ProxyCommand != null && !string.Equals(state.ProxyCommand, "none", StringComparison.OrdinalIgnoreCase) ? state.ProxyCommand : null,
                UserKnownHostsFiles = state.UserKnownHostsFiles?.Select(f => SshTokens.Path(f, tokens, Local, state.UserKnownHostsEntry)).ToList(),
                GlobalKnownHostsFiles = state.GlobalKnownHostsFiles,
                ConnectTimeout = state.ConnectTimeout,
                StrictHostKeyChecking = state.Strict,
                HostKeyAlias = alias,
                KexAlgorithms = state.KexAlgorithms,
                NotFollowed = state.NotFollowed,
                Sources = state.Sources,
            };
            return config;
        }

        private string? ExpandAgent(SshConfigState state, IReadOnlyDictionary<char, string> tokens)
        {
            string? agent = state.IdentityAgent;
            if (agent == null || agent == "none" || agent == "SSH_AUTH_SOCK" || agent.StartsWith("$", StringComparison.Ordinal))
            {
                return agent;
            }

            return SshTokens.Path(agent, tokens, Local, state.IdentityAgentEntry);
        }

        private IReadOnlyDictionary<char, string> Tokens(string original, string hostName, string user, int port, string? alias, IReadOnlyList<JumpHostSpec>? jump)
        {
            string portText = port.ToString(CultureInfo.InvariantCulture);
            string localHost = Local.HostName;
            int dot = localHost.IndexOf('.');
            return new Dictionary<char, string>
            {
                ['C'] = ConnectionHash(localHost + hostName + portText + user),
                ['d'] = Local.HomeFolder,
                ['h'] = hostName,
                ['i'] = Local.UserId,
                ['j'] = jump == null ? string.Empty : string.Join(",", jump),
                ['k'] = alias ?? original,
                ['L'] = dot < 0 ? localHost : localHost.Substring(0, dot),
                ['l'] = localHost,
                ['n'] = original,
                ['p'] = portText,
                ['r'] = user,
                ['u'] = Local.UserName,
            };
        }

        // %C: ssh's connection hash, the SHA-1 of %l%h%p%r in hex (OpenSSH 9.2's composition).
        private static string ConnectionHash(string text)
        {
            using (var sha1 = SHA1.Create())
            {
                byte[] hash = sha1.ComputeHash(Encoding.UTF8.GetBytes(text));
                return string.Concat(hash.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
            }
        }
    }
}
