using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.HostKeys;
using AptReady.Core;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// The base of every cmdlet that works on hosts. It owns choosing the target (a computer name
    /// with credentials, a pooled connection, or a caller's Posh-SSH session) and the fan-out: hosts
    /// run concurrently up to -ThrottleLimit as pipeline input arrives, results are written as each
    /// host finishes, and every host yields its result or one error record. A cmdlet implements only
    /// <see cref="ProcessHostAsync"/> for one resolved session.
    /// </summary>
    public abstract partial class RemoteHostCmdlet : CancellableCmdlet
    {
        protected const string ComputerNameSet = "ComputerName";
        protected const string SessionSet = "Session";
        protected const string SessionIdSet = "SessionId";
        private const string SftpSessionSet = "SftpSession";

        private SshSessionPool? _pool;
        private SshTargetFactory? _targets;
        private ConnectionArguments? _connectionArguments;
        private SemaphoreSlim? _throttle;
        private readonly System.Collections.Generic.HashSet<object> _seen = new System.Collections.Generic.HashSet<object>();
        private int _running;
        private int _started;
        private int _finished;

        /// <summary>The hosts to work on: names or addresses. Also bound from a ComputerName (or Host) property of piped objects.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ComputerNameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Host", "HostName", "IPAddress", "CN")]
        [ValidateNotNullOrEmpty]
        public string[] ComputerName { get; set; } = Array.Empty<string>();

        /// <summary>The SSH port.</summary>
        [Parameter(ParameterSetName = ComputerNameSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, 65535)]
        public int Port { get; set; } = 22;

        /// <summary>The login user. Defaults to the user name of -Credential, or the local user.</summary>
        [Parameter(ParameterSetName = ComputerNameSet, ValueFromPipelineByPropertyName = true)]
        [Alias("User")]
        [ValidateNotNullOrEmpty]
        public string? UserName { get; set; }

        /// <summary>A user name and password for password authentication.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Private key files (OpenSSH, PEM or PuTTY format) for key authentication.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [Alias("KeyFile", "IdentityFile")]
        [ValidateNotNullOrEmpty]
        public string[]? KeyFilePath { get; set; }

        /// <summary>The passphrase of an encrypted key file.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        public SecureString? KeyPassphrase { get; set; }

        /// <summary>The expected host key fingerprint (SHA256:… as ssh-keygen -l prints it). Pins the key: nothing else is trusted.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        public string? HostKeyFingerprint { get; set; }

        /// <summary>known_hosts files to trust. Defaults to ~/.ssh/known_hosts, ~/.ssh/known_hosts2 and AptReady's own file.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        public string[]? KnownHostsPath { get; set; }

        /// <summary>Trust a host's key the first time it is seen and record it in AptReady's known_hosts file. A changed key is still refused.</summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        public SwitchParameter TrustOnFirstUse { get; set; }

        /// <summary>
        /// How long to keep trying while a host refuses connections (a VM still booting), in seconds or
        /// a TimeSpan: -ConnectTimeout 30 and -ConnectTimeout 00:00:30 are the same. Defaults to 2
        /// minutes; at most one day.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [SecondsOrTimeSpan]
        [ValidateWait]
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// The OpenSSH client configuration to read (HostName, User, Port, IdentityFile, ProxyJump, known_hosts
        /// files, StrictHostKeyChecking, HostKeyAlias, KexAlgorithms, ...). By default ~/.ssh/config and
        /// /etc/ssh/ssh_config, as ssh reads them; a path reads only that file (as ssh -F); an empty string reads none.
        /// Parameters given on the command line win over the file. KexAlgorithms starts from SSH.NET's own order;
        /// names ssh knows that SSH.NET does not implement are left out and named in verbose output.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [AllowEmptyString]
        public string? SshConfigPath { get; set; }

        /// <summary>
        /// Jump hosts to reach the hosts through, first hop first, like ssh -J: 'user@bastion:port', or several
        /// ('outer', 'user@inner:2222' or 'outer,inner'). Wins over ProxyJump in the ssh configuration. Each hop's
        /// key is verified like a target's, under the hop's own name and port; its credentials default to the target's.
        /// </summary>
        [Parameter(ParameterSetName = ComputerNameSet)]
        [ValidateNotNullOrEmpty]
        public string[]? JumpHost { get; set; }

        /// <summary>
        /// Sessions opened by Posh-SSH (New-SSHSession, Get-SSHSession), one or many: commands run through each
        /// session's own connection, whatever SSH.NET version Posh-SSH loaded.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = SessionSet, ValueFromPipeline = true)]
        [PSTypeName("SSH.SshSession")]
        [ValidateNotNullOrEmpty]
        public PSObject Session { get; set; } = null!;

        /// <summary>
        /// Posh-SSH SFTP sessions (New-SFTPSession) piped in: they cannot run commands, and each gets its own
        /// error (SessionIsSftp) rather than having its Host taken as a computer name.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SftpSessionSet, ValueFromPipeline = true, DontShow = true)]
        [PSTypeName("SSH.SftpSession")]
        [ValidateNotNullOrEmpty]
        public PSObject SftpSession { get; set; } = null!;

        /// <summary>
        /// Posh-SSH session ids (as Get-SSHSession lists them): the sessions are taken from Posh-SSH's own
        /// session list, so Posh-SSH must be imported in this session.
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = SessionIdSet)]
        [ValidateNotNullOrEmpty]
        [ValidateRange(0, int.MaxValue)]
        public int[] SessionId { get; set; } = Array.Empty<int>();

        /// <summary>
        /// The password sudo asks for, when the login user's sudo rule is not NOPASSWD. It is sent on
        /// the command's standard input, never on a command line. Only the password is used.
        /// </summary>
        [Parameter]
        [Credential]
        public PSCredential? SudoCredential { get; set; }

        /// <summary>How many hosts are worked on at once.</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = 32;

        private string[] _keyPaths = Array.Empty<string>();

        protected override void BeginProcessing()
        {
            HostKeyFingerprint? pinned = null;
            if (HostKeyFingerprint != null)
            {
                try
                {
                    pinned = AptReady.Core.HostKeys.HostKeyFingerprint.Parse(HostKeyFingerprint);
                }
                catch (ArgumentException ex)
                {
                    // The target is an excerpt: a private key pasted here must not reach $Error whole.
                    ThrowTerminatingError(AptReadyErrors.Create(ex, ErrorIds.InvalidHostKeyFingerprint, InputExcerpt.Of(HostKeyFingerprint)));
                }
            }

            string[]? knownHosts = KnownHostsPath == null ? null : Array.ConvertAll(KnownHostsPath, p => LocalPath(p, "KnownHostsPath"));
            _keyPaths = KeyFilePath == null ? Array.Empty<string>() : Array.ConvertAll(KeyFilePath, p => LocalPath(p, "KeyFilePath"));

            if (ParameterSetName == ComputerNameSet)
            {
                ResolveLogin();
            }

            _pool = ModuleState.PoolFor(Runspace.DefaultRunspace);
            _throttle = new SemaphoreSlim(ThrottleLimit, ThrottleLimit);
            _connectionArguments = new ConnectionArguments
            {
                KeyFilePaths = _keyPaths,
                KeyPassphrase = KeyPassphrase,
                Password = Credential?.Password,
                Pinned = pinned,
                KnownHostsPaths = knownHosts,
                TrustOnFirstUse = TrustOnFirstUse,
                ConnectTimeout = MyInvocation.BoundParameters.ContainsKey(nameof(ConnectTimeout)) ? ConnectTimeout : (TimeSpan?)null,
                DefaultConnectTimeout = ConnectTimeout,
                Login = _login,
            };
            FleetTrace.Mark(MyInvocation.MyCommand.Name + ".begin", "-");
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != ComputerNameSet)
            {
                var poshSsh = PoshSshSessions.Of(this);
                var sessions = ParameterSetName == SessionIdSet
                    ? poshSsh.WithIds(SessionId, WriteError)
                    : PoshSshSessions.Each(ParameterSetName == SftpSessionSet ? SftpSession : Session);
                foreach (object session in sessions)
                {
                    object target = PSObject.AsPSObject(session).Properties["Host"]?.Value ?? session;
                    bool? stillListed = poshSsh.StillLists(session);
                    if (IsFirstMention(session) && ShouldStartHost(target))
                    {
                        StartHost(target, () => SessionResolution.Caller(_pool!, session, stillListed));
                    }
                }
            }
            else
            {
                foreach (string name in ComputerName)
                {
                    string user = TargetSession.InputUser(UserName, Credential);
                    try
                    {
                        SshInput.ComputerName(name);
                        SshInput.UserName(user);
                    }
                    catch (InvalidInputException ex)
                    {
                        WriteError(AptReadyErrors.InvalidInput(ex, InputExcerpt.Of(name)));
                        continue;
                    }

                    if (IsFirstMention($"{user}@{name.ToLowerInvariant()}:{Port}") && ShouldStartHost(name))
                    {
                        StartHost(name, SessionFor(name));
                    }
                }
            }

            RunPosted();
        }

        protected override void EndProcessing()
        {
            FleetTrace.Mark(MyInvocation.MyCommand.Name + ".inputEnded", "-");
            RunPostedUntil(() => Volatile.Read(ref _running) == 0);
            FleetTrace.Flush();
            WriteProgress(new ProgressRecord(0, MyInvocation.MyCommand.Name, "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>The cmdlet's own step for one host. Returns the host's result (or an array of records).</summary>
        internal abstract Task<object?> ProcessHostAsync(HostWork host, CancellationToken cancellationToken);

        /// <summary>
        /// Called on the pipeline thread before a host is started (ShouldProcess lives here); false
        /// skips the host without connecting to it.
        /// </summary>
        internal virtual bool ShouldStartHost(object target) => true;

        /// <summary>The id of a probe's unreadable output (ProbeOutputException) for this cmdlet; null makes it HostFailed.</summary>
        internal virtual string? ProbeOutputErrorId => null;

        /// <summary>
        /// Resolves the host's session from the parameters bound for this pipeline record. Called on
        /// the pipeline thread: the next record rebinds Port and UserName.
        /// </summary>
        private Func<IRemoteSession> SessionFor(string name)
        {
            ResolvedTarget resolved;
            try
            {
                // Read once, at the first host: a broken file stops the command before any host starts.
                _targets ??= SshConfiguration.CreateFactory(this, SshConfigPath, JumpHost, _connectionArguments!, message => Post(() => WriteVerbose(message)));
                int? port = MyInvocation.BoundParameters.ContainsKey(nameof(Port)) ? Port : (int?)null;
                resolved = TargetSession.Plan(_targets!, name, UserName, Credential, port);
            }
            catch (Exception ex) when (ex is ArgumentException || AptReadyErrors.ConnectionSetup(ex, name) != null)
            {
                // A name no host can have, or a configuration that cannot be followed: that host's error record, the others go on.
                return () => throw ex;
            }

            bool hasCredentials = TargetSession.HasCredentials(KeyFilePath != null, Credential, CertificateFilePath != null, IdentityAgent, AgentIdentity);
            bool explicitTrust = HostKeyFingerprint != null || KnownHostsPath != null;
            return () => TargetSession.Open(_pool!, resolved, hasCredentials, explicitTrust, message => Post(() => WriteWarning(message)));
        }

        private string LocalPath(string path, string parameterName)
        {
            try
            {
                return LocalPathResolver.Resolve(SessionState, path, parameterName);
            }
            catch (InvalidInputException ex)
            {
                ThrowTerminatingError(AptReadyErrors.InvalidInput(ex, null));
                throw;
            }
        }
    }
}
