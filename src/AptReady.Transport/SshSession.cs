using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AptReady.Transport
{
    /// <summary>
    /// AptReady's own session: one SSH.NET connection to one host, shared by every cmdlet of a
    /// pipeline (SSH multiplexes commands over channels). When the host went away (a reboot during
    /// cloud-init's final stage) the next command connects again, within the target's connect deadline.
    /// </summary>
    public sealed class SshSession : IReconnectingSession, IAddressedSession, IDisposable
    {
        private readonly SshConnector _connector;
        private readonly SemaphoreSlim _connectGate = new SemaphoreSlim(1, 1);
        private readonly Func<SshTarget, CancellationToken, Task<JumpTunnel>>? _openTunnel;
        private readonly object _forwardGate = new object();
        private SshClient? _client;
        private JumpTunnel? _tunnel;
        private bool _disposed;
        private volatile bool _attempted;

        public SshSession(SshTarget target, SshConnector connector)
            : this(target, connector, null)
        {
        }

        /// <summary>A session whose target may sit behind jump hosts: <paramref name="openTunnel"/> opens its last hop's forward.</summary>
        public SshSession(SshTarget target, SshConnector connector, Func<SshTarget, CancellationToken, Task<JumpTunnel>>? openTunnel)
        {
            Target = target ?? throw new ArgumentNullException(nameof(target));
            _connector = connector ?? throw new ArgumentNullException(nameof(connector));
            _openTunnel = openTunnel;
            if (target.Via != null && openTunnel == null)
            {
                throw new ArgumentException($"{target} is reached through a jump host; the session needs a way to open its tunnel.", nameof(openTunnel));
            }
        }

        public SshTarget Target { get; }

        public string ComputerName => Target.ComputerName;

        public int Port => Target.Port;

        public string UserName => Target.UserName;

        /// <summary>The address connected to (ssh_config's HostName), which results carry beside the alias.</summary>
        public string Address => Target.HostName;

        /// <summary>The type of the host key verified when this session last connected.</summary>
        public string? HostKeyAlgorithm { get; private set; }

        /// <summary>The host key verified when this session last connected (the public key blob).</summary>
        public byte[]? HostKey { get; private set; }

        /// <summary>
        /// Whether the key this session's host presented when it connected is trusted by another
        /// cmdlet's host-key settings (true when it has not connected yet: connecting will check).
        /// </summary>
        public bool IsTrustedBy(HostKeyTrust trust)
        {
            if (HostKey == null || HostKeyAlgorithm == null || !IsConnected)
            {
                return true;
            }

            return trust(Target.HostKeyName, Target.HostKeyPort, HostKeyAlgorithm, HostKey).IsTrusted;
        }

        /// <summary>How many times this session opened a connection (1 unless the host went away).</summary>
        public int ConnectionCount { get; private set; }

        public bool IsConnected => _client?.IsConnected == true;

        /// <summary>
        /// Tried before and not connected now (it failed, or the host went away), and not connecting:
        /// safe to replace with a session of new credentials. A session nobody has used yet is not
        /// replaceable: another host of the same pipeline may be about to use it.
        /// </summary>
        public bool IsReplaceable => _attempted && !IsConnected && _connectGate.CurrentCount == 1;

        /// <summary>Connects now if not connected; commands also do this on their own.</summary>
        public async Task EnsureConnectedAsync(CancellationToken cancellationToken)
        {
            await GetClientAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
        {
            SshClient client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                FleetTrace.Mark("exec", Target);
                RemoteCommandResult result = await RunOnClientAsync(client, command, cancellationToken).ConfigureAwait(false);
                FleetTrace.Mark("answered", Target);
                return result;
            }
            catch (Exception ex) when (IsConnectionLoss(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw new RemoteSessionException(ComputerName, RemoteFailure.ConnectionLost,
                    $"{Target}: the connection was lost while running '{command.Description}' ({ex.Message}).", ex);
            }
        }

        /// <summary>
        /// Runs a command on an SSH.NET client and streams its standard output line by line. Shared
        /// with the adapter for callers' sessions of the same SSH.NET version.
        /// </summary>
        internal static async Task<RemoteCommandResult> RunOnClientAsync(SshClient client, RemoteCommand command, CancellationToken cancellationToken)
        {
            using SshCommand ssh = client.CreateCommand(command.ToExecLine(), new UTF8Encoding(false));
            ssh.CommandTimeout = Timeout.InfiniteTimeSpan;
            Task execution = ssh.ExecuteAsync(cancellationToken);

            if (command.StandardInput != null)
            {
                using Stream input = ssh.CreateInputStream();
                await input.WriteAsync(command.StandardInput, 0, command.StandardInput.Length, cancellationToken).ConfigureAwait(false);
            }

            var output = new StringBuilder();
            var error = new StringBuilder();

            Task readOutput = OutputReader.Start(ssh.OutputStream, output, command.OutputLine);
            Task readError = OutputReader.Start(ssh.ExtendedOutputStream, error, null);

            try
            {
                await execution.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // ExecuteAsync has asked the server to signal the remote command and closed the channel.
                throw new OperationCanceledException(cancellationToken);
            }

            await Task.WhenAll(readOutput, readError).ConfigureAwait(false);
            return new RemoteCommandResult(ssh.ExitStatus, output.ToString(), error.ToString(), ssh.ExitSignal);
        }

        private async Task<SshClient> GetClientAsync(CancellationToken cancellationToken)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(SshSession));
            }

            SshClient? current = _client;
            if (current != null && current.IsConnected)
            {
                return current;
            }

            await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_client != null && _client.IsConnected)
                {
                    return _client;
                }

                _client?.Dispose();
                _client = null;
                _tunnel?.Dispose();
                _tunnel = null;
                _attempted = true;
                Func<CancellationToken, Task<JumpTunnel>>? tunnel = Target.Via == null ? null : token => _openTunnel!(Target, token);
                VerifiedConnection connection = await _connector.ConnectAsync(Target, tunnel, cancellationToken).ConfigureAwait(false);
                _tunnel = connection.Tunnel;
                ConnectionCount++;
                HostKeyAlgorithm = connection.HostKeyAlgorithm;
                HostKey = connection.HostKey;
                _client = connection.Client;
                return connection.Client;
            }
            finally
            {
                _connectGate.Release();
            }
        }

        private static bool IsConnectionLoss(Exception ex) =>
            ex is SshConnectionException || ex is ObjectDisposedException || ex is IOException
            || (ex is SshException && !(ex is SshAuthenticationException));

        /// <summary>
        /// Opens a forward from this (jump host) session to <paramref name="host"/>:<paramref name="port"/>,
        /// connecting first when needed. Every target behind this host shares this one connection.
        /// </summary>
        public async Task<JumpTunnel> OpenTunnelAsync(string host, int port, CancellationToken cancellationToken)
        {
            SshClient client = await GetClientAsync(cancellationToken).ConfigureAwait(false);
            return JumpTunnel.Open(client, _forwardGate, Target.ToString(), host, port);
        }

        public void Dispose()
        {
            _disposed = true;
            _client?.Dispose();
            _client = null;
            _tunnel?.Dispose();
            _tunnel = null;
        }
    }
}
