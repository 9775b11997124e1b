using System;
using System.Collections.Generic;
using AptReady.Core.CloudConfig;
using AptReady.Core.Remote;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>
    /// What New-CloudConfig made: <see cref="ToString"/> gives the cloud-config YAML. No property holds
    /// the YAML or a private key, so formatting, ConvertTo-Json or Export-Clixml of the result never show
    /// a generated host key's private half; only its fingerprint, public key and known_hosts line.
    /// </summary>
    public sealed class CloudConfigResult
    {
        private readonly string _yaml;
        private readonly HostKeyPair? _hostKey;

        internal CloudConfigResult(string yaml, CloudConfigDocument document, HostKeyPair? hostKey, string? knownHostsName, IReadOnlyList<CloudConfigFinding> findings)
        {
            _yaml = yaml;
            _hostKey = hostKey;
            HostName = document.HostName;
            Fqdn = document.Fqdn;
            Findings = findings;
            KnownHostsName = knownHostsName ?? document.Fqdn ?? document.HostName;
        }

        public string? HostName { get; }

        public string? Fqdn { get; }

        /// <summary>What the local structural check found (header, YAML, keys, types, settings that start the apt race).</summary>
        public IReadOnlyList<CloudConfigFinding> Findings { get; }

        /// <summary>The target's cloud-init schema verdict with -ValidateOn: true valid, false invalid, null not checked.</summary>
        public bool? SchemaValid => SchemaVerdict?.IsValid;

        /// <summary>What the target's cloud-init schema printed (findings, deprecations), with -ValidateOn.</summary>
        public string? SchemaOutput => SchemaVerdict?.Output;

        /// <summary>The cloud-init version that checked the document, with -ValidateOn.</summary>
        public string? CloudInitVersion => SchemaVerdict?.CloudInitVersion;

        /// <summary>The host that ran cloud-init schema, with -ValidateOn.</summary>
        public RemoteHost? ValidatedOn { get; internal set; }

        /// <summary>The generated host key's fingerprint (SHA256:…, as ssh-keygen -lf prints it), with -GenerateHostKey.</summary>
        public string? HostKeyFingerprint => _hostKey?.Fingerprint;

        /// <summary>The generated host key's public key line, with -GenerateHostKey.</summary>
        public string? HostKeyPublicKey => _hostKey?.PublicKeyLine;

        /// <summary>The name the known_hosts line is for (-KnownHostsName, else the FQDN, else the host name).</summary>
        public string? KnownHostsName { get; }

        /// <summary>A known_hosts line pinning the generated host key for <see cref="KnownHostsName"/> on port 22.</summary>
        public string? KnownHostsLine => _hostKey == null || KnownHostsName == null ? null : _hostKey.ToKnownHostsLine(KnownHostsName);

        /// <summary>The NoCloud instance-id, when a seed was built.</summary>
        public string? InstanceId { get; internal set; }

        /// <summary>The files written (user-data file, seed image or seed files); empty with -WhatIf or when nothing was asked.</summary>
        public IReadOnlyList<string> WrittenPaths { get; internal set; } = Array.Empty<string>();

        internal CloudConfigSchemaVerdict? SchemaVerdict { get; set; }

        internal string Yaml => _yaml;

        /// <summary>A known_hosts line pinning the generated host key for any host name or address and port.</summary>
        public string GetKnownHostsLine(string host, int port = 22)
        {
            if (_hostKey == null)
            {
                throw new InvalidOperationException("No host key was generated; use New-CloudConfig -GenerateHostKey.");
            }

            return _hostKey.ToKnownHostsLine(host, port);
        }

        /// <summary>The cloud-config YAML (it begins '#cloud-config'). With -GenerateHostKey it holds the private host key.</summary>
        public override string ToString() => _yaml;
    }
}
