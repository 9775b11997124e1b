using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.CloudConfig;
using AptReady.Core.Remote;
using AptReady.Core;

namespace AptReady.Cmdlets.CloudConfig
{
    /// <summary>
    /// Builds a cloud-config document from typed parameters (written by a YAML library, never by string
    /// concatenation), checks it locally and optionally with a target's own cloud-init schema, and writes it
    /// as a user-data file or a NoCloud seed (ISO 9660 image labelled cidata, or a folder). Package update and
    /// upgrade are off unless asked, so cloud-init's final stage does not race the first provisioning step.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CloudConfig", DefaultParameterSetName = DocumentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CloudConfigResult))]
    public sealed partial class NewCloudConfigCommand : CancellableCmdlet
    {
        private const string DocumentSet = "Document";

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private IDictionary? _additionalConfig;
        private string? _outFile;
        private string? _seedPath;
        private string? _networkConfig;
        private IRemoteSession? _validationSession;
        private RemoteSessionException? _validationSessionFailure;

        /// <summary>
        /// Users to create. A name (a string) makes an administrator: login shell /bin/bash, sudo without a
        /// password (ALL=(ALL) NOPASSWD:ALL), password login locked, and the keys of -SshAuthorizedKey. A
        /// hashtable gives every field: name, groups, shell, sudo, ssh_authorized_keys, lock_passwd.
        /// </summary>
        [Parameter(Position = 0)]
        [Alias("UserName")]
        [ValidateNotNullOrEmpty]
        [ValidateCloudConfig(CloudConfigArgumentKind.User)]
        public object[]? User { get; set; }

        /// <summary>
        /// OpenSSH public key lines (for example Get-Content ~/.ssh/id_ed25519.pub) for each user given by
        /// name, or for the image's default user when no user is given by name. Blank and '#' lines are skipped.
        /// </summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.SshAuthorizedKey)]
        public string[]? SshAuthorizedKey { get; set; }

        /// <summary>Keep the image's default user (users: starts with 'default') besides the users given.</summary>
        [Parameter]
        public SwitchParameter IncludeDefaultUser { get; set; }

        /// <summary>The VM's host name (RFC 1123); also the seed's local-hostname.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.HostName)]
        public string? HostName { get; set; }

        /// <summary>The VM's fully qualified domain name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.Fqdn)]
        public string? Fqdn { get; set; }

        /// <summary>Let cloud-init write the host name into /etc/hosts (manage_etc_hosts). On by default when -HostName or -Fqdn is given, so sudo does not stall on a DNS lookup; -ManageEtcHosts:$false turns it off.</summary>
        [Parameter]
        public SwitchParameter ManageEtcHosts { get; set; }

        /// <summary>The time zone, such as Etc/UTC or Europe/Berlin.</summary>
        [Parameter]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.Timezone)]
        public string? Timezone { get; set; }

        /// <summary>The locale, such as C.UTF-8 or en_US.UTF-8.</summary>
        [Parameter]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.Locale)]
        public string? Locale { get; set; }

        /// <summary>Set package_update: true (cloud-init runs apt-get update in its final stage). Off by default.</summary>
        [Parameter]
        public SwitchParameter PackageUpdate { get; set; }

        /// <summary>Set package_upgrade: true (cloud-init runs apt-get update and upgrade in its final stage). Off by default.</summary>
        [Parameter]
        public SwitchParameter PackageUpgrade { get; set; }

        /// <summary>
        /// Packages for cloud-init to install (packages:). cloud-init then runs apt-get update in its final
        /// stage even with package_update: false; installing with Invoke-AptGet after Wait-CloudInit is safer.
        /// </summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.Package)]
        public string[]? Package { get; set; }

        /// <summary>
        /// Files to write (write_files), as hashtables: path (absolute), content (a string, or a byte[] for
        /// binary content), permissions (octal, such as '0644'), owner ('user' or 'user:group'), append,
        /// defer, encoding ('text', 'b64' or 'gz+b64').
        /// </summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.WriteFile)]
        public object[]? WriteFile { get; set; }

        /// <summary>Commands run once per instance at the end of boot (runcmd): a string is a /bin/sh line, an array of strings a program and its arguments run without a shell.</summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.RunCommand)]
        public object[]? RunCommand { get; set; }

        /// <summary>Commands run early on every boot (bootcmd): a string is a /bin/sh line, an array of strings a program and its arguments.</summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.BootCommand)]
        public object[]? BootCommand { get; set; }

        /// <summary>An http:// or https:// proxy for apt (apt: proxy:).</summary>
        [Parameter]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.AptProxy)]
        public string? AptProxy { get; set; }

        /// <summary>apt sources (apt: sources:), as hashtables: name, source (a sources.list line), and optionally key (an ASCII-armored public key block) or keyid.</summary>
        [Parameter]
        [ValidateCloudConfig(CloudConfigArgumentKind.AptSource)]
        public object[]? AptSource { get; set; }

        /// <summary>What to do once cloud-init has finished (power_state): 'reboot', 'poweroff' or 'halt', or a hashtable with mode, delay (minutes), message, timeout (seconds) and condition.</summary>
        [Parameter]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.PowerState)]
        public object? PowerState { get; set; }

        /// <summary>Any other cloud-config, as a hashtable (or PSCustomObject) of keys to values; merged in last. A key also set by a parameter is merged when both are mappings, otherwise it is an error.</summary>
        [Parameter]
        [Alias("Merge")]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.AdditionalConfig)]
        public object? AdditionalConfig { get; set; }

        /// <summary>Generate an ed25519 SSH host key and install it through ssh_keys, so the VM can be pinned from its first connection. The result carries its fingerprint and a known_hosts line; the private key is only in the document.</summary>
        [Parameter]
        public SwitchParameter GenerateHostKey { get; set; }

        /// <summary>The host name or address the result's known_hosts line is for. Defaults to -Fqdn, then -HostName.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.KnownHostsName)]
        public string? KnownHostsName { get; set; }

        /// <summary>Write the document to this file (for example a Proxmox snippet such as /var/lib/vz/snippets/vm.yml), atomically, readable by the owner only. An existing file is replaced only with -Force.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Write a NoCloud seed: an ISO 9660 image labelled cidata when the path ends in .iso, otherwise a folder holding user-data, meta-data and network-config. Existing seed files are replaced only with -Force.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? SeedPath { get; set; }

        /// <summary>The seed's instance-id; a new unique one by default (a new instance-id makes cloud-init run its per-instance modules again).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidatePattern("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\z")]
        public string? InstanceId { get; set; }

        /// <summary>The seed's network-config: YAML text, or a hashtable such as @{ version = 2; ethernets = @{ eth0 = @{ dhcp4 = $true } } }.</summary>
        [Parameter]
        [ValidateCloudConfigValue(CloudConfigArgumentKind.NetworkConfig)]
        public object? NetworkConfig { get; set; }

        /// <summary>Replace an existing -OutFile or seed.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Write the local structural findings (unknown keys, wrong types, settings that start the apt race) as warnings, and write no file when one is an error.</summary>
        [Parameter]
        public SwitchParameter Validate { get; set; }

        /// <summary>
        /// A host whose own cloud-init checks the document (cloud-init schema -c) before any file is written:
        /// a Posh-SSH session, or a hashtable or object with ComputerName, Port, UserName, KeyFilePath,
        /// HostKeyFingerprint (and optionally Credential, ConnectTimeout in seconds or a TimeSpan,
        /// SshConfigPath, JumpHost, CertificateFilePath, IdentityAgent, AgentIdentity, NoAgent, as the
        /// remote cmdlets take them; SSH_AUTH_SOCK's agent is used by default); a pooled AptReady
        /// connection is reused.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public PSObject? ValidateOn { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _additionalConfig = AdditionalConfig == null ? null : CloudConfigArguments.ToAdditionalConfig(AdditionalConfig);
                _networkConfig = NetworkConfig == null ? null : CloudConfigArguments.ToNetworkConfig(NetworkConfig);
                _outFile = OutFile == null ? null : LocalPathResolver.Resolve(SessionState, OutFile, "OutFile");
                _seedPath = SeedPath == null ? null : LocalPathResolver.Resolve(SessionState, SeedPath, "SeedPath");
            }
            catch (InvalidInputException ex)
            {
                ThrowTerminatingError(AptReadyErrors.InvalidInput(ex, null));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(AptReadyErrors.Create(ex, ErrorIds.InvalidCloudConfigArgument, null));
            }

            if (Package != null && Package.Length > 0)
            {
                WriteWarning("-Package makes cloud-init run apt-get update and install in its final stage, even with package_update: false, "
                    + "while SSH is already up: a provisioning step that uses apt then races it for the locks. "
                    + "Installing with Invoke-AptGet after Wait-CloudInit is the safer path.");
            }

            if (ValidateOn != null)
            {
                try
                {
                    _validationSession = ValidateOnTarget.Resolve(this, ValidateOn);
                }
                catch (LoginSettingsException ex)
                {
                    ThrowTerminatingError(AptReadyErrors.InvalidLogin(ex));
                }
                catch (RemoteSessionException ex)
                {
                    // A session that cannot run the check (removed, disposed, SFTP, ...): each document's own
                    // error record, and no file written, as when the host's check fails.
                    _validationSessionFailure = ex;
                }
                catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
                {
                    ThrowTerminatingError(AptReadyErrors.Create(ex, ErrorIds.InvalidValidateOnSession, ValidateOn));
                }
            }
        }

        protected override void ProcessRecord()
        {
            CloudConfigDocument document;
            HostKeyPair? hostKey;
            string yaml;
            try
            {
                document = BuildDocument(out hostKey);
                yaml = new CloudConfigYamlWriter().Write(document);
            }
            catch (ArgumentException ex)
            {
                WriteError(AptReadyErrors.Create(ex, ErrorIds.InvalidCloudConfig, (object?)HostName ?? Fqdn));
                return;
            }

            IReadOnlyList<CloudConfigFinding> findings = new CloudConfigValidator().Validate(yaml);
            var result = new CloudConfigResult(yaml, document, hostKey, KnownHostsName, findings);
            bool writable = ReportFindings(findings);

            if (_validationSession != null)
            {
                writable &= CheckSchema(result, hostKey);
            }
            else if (_validationSessionFailure != null)
            {
                WriteError(AptReadyErrors.FromRemoteFailure(_validationSessionFailure, _validationSessionFailure.ComputerName));
                writable = false;
            }

            if (writable)
            {
                WriteFiles(result, document);
            }
            else if (OutFile != null || SeedPath != null)
            {
                WriteVerbose("Nothing was written: the document did not pass validation.");
            }

            WriteObject(result);
        }
    }
}
