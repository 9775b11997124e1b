using System;
using System.Collections.Generic;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// What the ssh configuration says about one host, after OpenSSH's rules (first value wins, Host
    /// and Match blocks, Include, tokens). Paths are expanded as ssh uses them; values the files did not
    /// set are null (or empty), so the caller's own defaults apply.
    /// </summary>
    public sealed class SshHostConfig
    {
        internal SshHostConfig(string originalHost)
        {
            OriginalHost = originalHost;
            HostName = originalHost;
            User = string.Empty;
        }

        /// <summary>The name as given (the alias): results keep naming the host by it.</summary>
        public string OriginalHost { get; }

        /// <summary>The address or name to connect to (HostName, expanded and lower-cased, as ssh -G prints it).</summary>
        public string HostName { get; internal set; }

        /// <summary>The login user: the one given, else User, else the local user.</summary>
        public string User { get; internal set; }

        /// <summary>The port: the one given, else Port, else 22.</summary>
        public int Port { get; internal set; } = 22;

        /// <summary>Whether the port came from the caller or the files (rather than ssh's default).</summary>
        public bool PortIsSet { get; internal set; }

        /// <summary>IdentityFile lines as written (ssh -G prints them so).</summary>
        public IReadOnlyList<string> IdentityFilesAsWritten { get; internal set; } = Array.Empty<string>();

        /// <summary>IdentityFile paths expanded (~, ${NAME}, % tokens), in order.</summary>
        public IReadOnlyList<string> IdentityFiles { get; internal set; } = Array.Empty<string>();

        /// <summary>CertificateFile lines as written.</summary>
        public IReadOnlyList<string> CertificateFilesAsWritten { get; internal set; } = Array.Empty<string>();

        /// <summary>CertificateFile paths expanded, in order.</summary>
        public IReadOnlyList<string> CertificateFiles { get; internal set; } = Array.Empty<string>();

        public bool? IdentitiesOnly { get; internal set; }

        /// <summary>IdentityAgent: a socket path (expanded), "none", "SSH_AUTH_SOCK" or "$VAR" as written; null when not set.</summary>
        public string? IdentityAgent { get; internal set; }

        /// <summary>The jump route, first hop first: null when not set, empty for ProxyJump none.</summary>
        public IReadOnlyList<JumpHostSpec>? ProxyJump { get; internal set; }

        /// <summary>ProxyCommand as written, when it applies and is not "none" (AptReady does not run it).</summary>
        public string? ProxyCommand { get; internal set; }

        /// <summary>UserKnownHostsFile paths, expanded; null when not set.</summary>
        public IReadOnlyList<string>? UserKnownHostsFiles { get; internal set; }

        /// <summary>GlobalKnownHostsFile paths as written; null when not set.</summary>
        public IReadOnlyList<string>? GlobalKnownHostsFiles { get; internal set; }

        /// <summary>ConnectTimeout; null when not set or none.</summary>
        public TimeSpan? ConnectTimeout { get; internal set; }

        public StrictHostKeyChecking? StrictHostKeyChecking { get; internal set; }

        /// <summary>HostKeyAlias, lower-cased: the name the host key is looked up by instead of HostName and port.</summary>
        public string? HostKeyAlias { get; internal set; }

        /// <summary>
        /// KexAlgorithms as written (a list, or +list, -list, ^list), the first value obtained; null when not
        /// set. <see cref="KexAlgorithmList.Assemble"/> turns it into the order to offer from the client's default.
        /// </summary>
        public string? KexAlgorithms { get; internal set; }

        /// <summary>Keywords that applied to this host but that AptReady does not follow, each once, in order.</summary>
        public IReadOnlyList<string> NotFollowed { get; internal set; } = Array.Empty<string>();

        /// <summary>Where each value AptReady uses came from ("file line N"), for verbose output.</summary>
        public IReadOnlyDictionary<string, string> Sources { get; internal set; } = new Dictionary<string, string>();
    }
}
