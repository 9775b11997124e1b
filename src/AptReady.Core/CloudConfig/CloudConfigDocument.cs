using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// A cloud-config document built from typed, validated values. Setters validate and throw
    /// <see cref="ArgumentException"/> naming a bad value. Package update and upgrade are off unless asked,
    /// so cloud-init's final stage does not start the apt race with the first provisioning step.
    /// </summary>
    public sealed partial class CloudConfigDocument
    {
        private static readonly string[] KnownKeyTypes = { "rsa", "ecdsa", "ed25519" };

        private IReadOnlyList<CloudConfigUser> _users = Array.Empty<CloudConfigUser>();
        private IReadOnlyList<SshPublicKey> _sshAuthorizedKeys = Array.Empty<SshPublicKey>();
        private string? _hostName;
        private string? _fqdn;
        private string? _timezone;
        private string? _locale;
        private IReadOnlyList<string> _packages = Array.Empty<string>();
        private IReadOnlyList<CloudConfigFile> _writeFiles = Array.Empty<CloudConfigFile>();
        private IReadOnlyList<CloudConfigCommand> _runCommands = Array.Empty<CloudConfigCommand>();
        private IReadOnlyList<CloudConfigCommand> _bootCommands = Array.Empty<CloudConfigCommand>();
        private IReadOnlyList<CloudConfigAptSource> _aptSources = Array.Empty<CloudConfigAptSource>();
        private string? _aptProxy;
        private IReadOnlyList<HostKeyPair> _hostKeys = Array.Empty<HostKeyPair>();
        private IReadOnlyList<string>? _sshGenerateKeyTypes;

        /// <summary>The users to create. Listing any user replaces the image's default user unless <see cref="IncludeDefaultUser"/>.</summary>
        public IReadOnlyList<CloudConfigUser> Users
        {
            get => _users;
            set => _users = NotNullItems(value, nameof(Users));
        }

        /// <summary>Also keep the image's default user (a leading 'default' entry in users:).</summary>
        public bool IncludeDefaultUser { get; set; }

        /// <summary>Public key lines for the default user (top-level ssh_authorized_keys); each must parse.</summary>
        public IReadOnlyList<SshPublicKey> SshAuthorizedKeys
        {
            get => _sshAuthorizedKeys;
            set => _sshAuthorizedKeys = NotNullItems(value, nameof(SshAuthorizedKeys));
        }

        /// <summary>The host name (RFC 1123).</summary>
        public string? HostName
        {
            get => _hostName;
            set => _hostName = value == null ? null : CloudConfigInput.HostName(value, nameof(HostName));
        }

        /// <summary>The fully qualified domain name.</summary>
        public string? Fqdn
        {
            get => _fqdn;
            set => _fqdn = value == null ? null : CloudConfigInput.FullyQualifiedDomainName(value, nameof(Fqdn));
        }

        /// <summary>manage_etc_hosts: true lets cloud-init write the host name into /etc/hosts (so sudo does not stall on DNS).</summary>
        public bool? ManageEtcHosts { get; set; }

        public string? Timezone
        {
            get => _timezone;
            set => _timezone = value == null ? null : CloudConfigInput.Timezone(value, nameof(Timezone));
        }

        public string? Locale
        {
            get => _locale;
            set => _locale = value == null ? null : CloudConfigInput.Locale(value, nameof(Locale));
        }

        /// <summary>package_update (apt-get update in the final stage). Always written; false unless asked.</summary>
        public bool PackageUpdate { get; set; }

        /// <summary>package_upgrade (apt-get upgrade, implies an update). Always written; false unless asked.</summary>
        public bool PackageUpgrade { get; set; }

        /// <summary>package_reboot_if_required; written only when set.</summary>
        public bool? PackageRebootIfRequired { get; set; }

        /// <summary>Packages to install. A non-empty list makes cloud-init run apt-get update even when <see cref="PackageUpdate"/> is false.</summary>
        public IReadOnlyList<string> Packages
        {
            get => _packages;
            set => _packages = NotNullItems(value, nameof(Packages)).Select(p => CloudConfigInput.PackageName(p, nameof(Packages))).ToArray();
        }

        public IReadOnlyList<CloudConfigFile> WriteFiles
        {
            get => _writeFiles;
            set => _writeFiles = NotNullItems(value, nameof(WriteFiles));
        }

        /// <summary>runcmd: run once per instance in the final stage.</summary>
        public IReadOnlyList<CloudConfigCommand> RunCommands
        {
            get => _runCommands;
            set => _runCommands = NotNullItems(value, nameof(RunCommands));
        }

        /// <summary>bootcmd: run on every boot, early.</summary>
        public IReadOnlyList<CloudConfigCommand> BootCommands
        {
            get => _bootCommands;
            set => _bootCommands = NotNullItems(value, nameof(BootCommands));
        }

        public IReadOnlyList<CloudConfigAptSource> AptSources
        {
            get => _aptSources;
            set => _aptSources = NotNullItems(value, nameof(AptSources));
        }

        /// <summary>apt: proxy: an http(s) URI.</summary>
        public string? AptProxy
        {
            get => _aptProxy;
            set => _aptProxy = value == null ? null : CloudConfigInput.HttpUri(value, nameof(AptProxy));
        }

        public CloudConfigPowerState? PowerState { get; set; }

        /// <summary>Host keys chosen ahead (ssh_keys:); with them cloud-init generates no other host keys.</summary>
        public IReadOnlyList<HostKeyPair> HostKeys
        {
            get => _hostKeys;
            set
            {
                var keys = NotNullItems(value, nameof(HostKeys));
                if (keys.Select(k => k.CloudConfigKeyType).Distinct().Count() != keys.Count)
                {
                    throw new ArgumentException("Only one host key per key type can be installed.", nameof(HostKeys));
                }

                _hostKeys = keys;
            }
        }

        /// <summary>ssh_deletekeys; written only when set.</summary>
        public bool? SshDeleteKeys { get; set; }

        /// <summary>ssh_genkeytypes (rsa, ecdsa, ed25519); written only when set (an empty list generates none).</summary>
        public IReadOnlyList<string>? SshGenerateKeyTypes
        {
            get => _sshGenerateKeyTypes;
            set
            {
                if (value != null)
                {
                    foreach (string type in NotNullItems(value, nameof(SshGenerateKeyTypes)))
                    {
                        if (Array.IndexOf(KnownKeyTypes, type) < 0)
                        {
                            throw CloudConfigInput.Invalid(nameof(SshGenerateKeyTypes), type, "is not a host key type cloud-init generates (rsa, ecdsa, ed25519).");
                        }
                    }
                }

                _sshGenerateKeyTypes = value?.ToArray();
            }
        }

        /// <summary>ssh_pwauth; written only when set.</summary>
        public bool? SshPasswordAuthentication { get; set; }

        /// <summary>
        /// Any other cloud-config, as plain .NET values: IDictionary (string keys), IList, string, bool,
        /// integers, floating point, null. It is merged in last. A key also produced by the typed properties
        /// is merged when both are mappings (recursively); any other clash is an error naming the key path.
        /// </summary>
        public IDictionary? AdditionalConfig { get; set; }

        private static IReadOnlyList<T> NotNullItems<T>(IReadOnlyList<T> value, string name)
            where T : class
        {
            if (value is null)
            {
                throw new ArgumentNullException(name);
            }

            if (value.Any(v => v is null))
            {
                throw new ArgumentException("The list holds a null entry.", name);
            }

            return value.ToArray();
        }
    }
}
