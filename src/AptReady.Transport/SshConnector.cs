using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;
using Renci.SshNet;
using Renci.SshNet.Common;
using AptReady.Core;

namespace AptReady.Transport
{
    /// <summary>
    /// Opens an authenticated, host-key-verified SSH.NET connection, trying again while the host is
    /// still booting (refused, reset, no banner) until the target's connect deadline. Failures that
    /// another try cannot fix (bad credentials, an untrusted key, an unknown name) end at once.
    /// </summary>
    /// <summary>A connected client and the host key that was verified for it.</summary>
    public sealed class VerifiedConnection
    {
        public VerifiedConnection(SshClient client, string hostKeyAlgorithm, byte[] hostKey)
        {
            Client = client;
            HostKeyAlgorithm = hostKeyAlgorithm;
            HostKey = hostKey;
        }

        public SshClient Client { get; }

        public string HostKeyAlgorithm { get; }

        public byte[] HostKey { get; }

        /// <summary>The jump host's forward the client runs through, or null; closed with the client.</summary>
        public JumpTunnel? Tunnel { get; internal set; }
    }

    public sealed partial class SshConnector
    {
        private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
        private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

        private readonly HostKeyTrust _hostKeyTrust;
        private readonly Action<string>? _log;

        public SshConnector(HostKeyTrust hostKeyTrust, Action<string>? log = null)
        {
            _hostKeyTrust = hostKeyTrust ?? throw new ArgumentNullException(nameof(hostKeyTrust));
            _log = log;
        }

        /// <summary>The host-key decision this connector applies; also used to re-check a pooled connection's key.</summary>
        public HostKeyTrust Trust => _hostKeyTrust;

        /// <summary>Connects and returns the client with the host key it verified.</summary>
        public Task<VerifiedConnection> ConnectAsync(SshTarget target, CancellationToken cancellationToken) =>
            ConnectAsync(target, null, cancellationToken);

        /// <summary>
        /// Connects through <paramref name="tunnel"/> (a jump host's forward) when given: the socket goes to
        /// the tunnel's loopback end, the host key is still verified under the target's own name and port.
        /// </summary>
        public async Task<VerifiedConnection> ConnectAsync(SshTarget target, Func<CancellationToken, Task<JumpTunnel>>? tunnel, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var random = new Random(Guid.NewGuid().GetHashCode());
            TimeSpan delay = FirstRetryDelay;
            int attempt = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempt++;
                HostKeyCheck? refusal = null;
                string? keyAlgorithm = null;
                byte[]? keyBlob = null;
                JumpTunnel? through = tunnel == null ? null : await tunnel(cancellationToken).ConfigureAwait(false);
                if (through != null)
                {
                    _log?.Invoke($"{target}: through {through}, tunnel 127.0.0.1:{through.Port} (open to this process only).");
                }

                var identities = LoginIdentities.For(target, _log);
                var presented = new PresentedHostKey();
                var client = new SshClient(CreateConnectionInfo(target, identities, presented, through));
                client.KeepAliveInterval = TimeSpan.FromSeconds(15);
                client.HostKeyReceived += (_, e) =>
                {
                    // A host certificate is judged whole (CA, principals, validity); its key is what pins name.
                    byte[] blob = e.Certificate != null && presented.Certificate != null ? presented.Certificate : e.HostKey;
                    var check = _hostKeyTrust(target.HostKeyName, target.HostKeyPort, e.HostKeyName, blob);
                    e.CanTrust = check.IsTrusted;
                    keyAlgorithm = e.HostKeyName;
                    keyBlob = blob;
                    if (!check.IsTrusted)
                    {
                        refusal = check;
                    }
                };

                try
                {
                    // The deadline bounds retrying; an attempt under way is bounded by the handshake
                    // timeout instead, so a slow but answering host (a busy fleet) is not cut off.
                    await HandshakeAsync(client, target, clock, cancellationToken).ConfigureAwait(false);
                    if (attempt > 1)
                    {
                        _log?.Invoke($"{target}: connected after {attempt} attempts in {clock.Elapsed.TotalSeconds:0.0} s.");
                    }

                    return new VerifiedConnection(client, keyAlgorithm ?? string.Empty, keyBlob ?? Array.Empty<byte>()) { Tunnel = through };
                }
                catch (Exception ex)
                {
                    client.Dispose();
                    through?.Dispose();
                    if (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }

                    if (keyBlob == null)
                    {
                        // SSH.NET never asked about the key: a certificate it refused on its own, if it sent one.
                        refusal ??= presented.CertificateRefusal(target, ex);
                    }

                    var failure = Classify(target, ex, refusal, identities);
                    if (through?.LastFailure is string channelFailure && failure.Failure == RemoteFailure.ConnectionFailed)
                    {
                        failure = new RemoteSessionException(target.ComputerName, RemoteFailure.ConnectionFailed,
                            $"{target}: {through} could not reach {target.HostName}:{target.Port} ({channelFailure}).", ex);
                    }

                    if (!failure.IsRetryable)
                    {
                        throw failure;
                    }

                    TimeSpan remaining = target.ConnectTimeout - clock.Elapsed;
                    if (remaining <= TimeSpan.Zero)
                    {
                        throw new RemoteSessionException(
                            target.ComputerName,
                            RemoteFailure.ConnectTimedOut,
                            $"{target}: no SSH connection within {target.ConnectTimeout.TotalSeconds:0} s ({attempt} attempts). Last error: {failure.Message}",
                            ex);
                    }

                    // Full jitter keeps a fleet of waiting clients from knocking in step.
                    TimeSpan wait = TimeSpan.FromMilliseconds(random.NextDouble() * delay.TotalMilliseconds);
                    if (wait > remaining)
                    {
                        wait = remaining;
                    }

                    _log?.Invoke($"{target}: {failure.Message} Trying again in {wait.TotalSeconds:0.0} s.");
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, delay.TotalMilliseconds * 2));
                }
            }
        }

        private ConnectionInfo CreateConnectionInfo(SshTarget target, LoginIdentities identities, PresentedHostKey presented, JumpTunnel? through)
        {
            var info = new ConnectionInfo(through?.Host ?? target.HostName, through?.Port ?? target.Port, target.UserName, identities.Methods)
            {
                Timeout = TimeSpan.FromSeconds(15),
            };
            presented.Watch(info);
            KeyExchangeOrder.Apply(info, target.KeyExchangeAlgorithms);
            return info;
        }

        private static RemoteSessionException Classify(SshTarget target, Exception ex, HostKeyCheck? refusal, LoginIdentities identities)
        {
            RemoteSessionException? agent = AgentFailure(target, ex);
            if (agent != null)
            {
                return agent;
            }

            switch (ex)
            {
                case RemoteSessionException known:
                    return known;
                case SshConnectionException _ when refusal != null:
                    return new RemoteSessionException(target.ComputerName, refusal.Failure ?? RemoteFailure.HostKeyUnknown, refusal.Message, ex);
                case SshConnectionException negotiation when negotiation.DisconnectReason == Renci.SshNet.Messages.Transport.DisconnectReason.KeyExchangeFailed:
                    return NoCommonAlgorithm(target, negotiation);
                case SshAuthenticationException _:
                    return new RemoteSessionException(target.ComputerName, RemoteFailure.AuthenticationFailed,
                        $"{target}: authentication failed: the server refused every identity offered for user {InputExcerpt.Of(target.UserName)}: "
                        + string.Join("; ", identities.Offered) + ". Check -UserName, -KeyFilePath, the agent's keys (ssh-add -l) and the server's authorized_keys.", ex);
                case SocketException socket when socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData:
                    return new RemoteSessionException(target.ComputerName, RemoteFailure.HostNotFound,
                        $"The host name {InputExcerpt.Of(target.HostName)} does not resolve. Check the name or use an IP address.", ex);
                case SocketException socket:
                    return new RemoteSessionException(target.ComputerName, RemoteFailure.ConnectionFailed,
                        $"{target}: {Describe(socket.SocketErrorCode)}.", ex);
                case SshConnectionException _:
                case SshOperationTimeoutException _:
                case ProxyException _:
                case IOException _:
                case OperationCanceledException _:
                    return new RemoteSessionException(target.ComputerName, RemoteFailure.ConnectionFailed,
                        $"{target}: the SSH handshake did not complete ({ex.GetType().Name}: {ex.Message}).", ex);
                default:
                    return new RemoteSessionException(target.ComputerName, RemoteFailure.ConnectionFailed,
                        $"{target}: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        /// <summary>The server and AptReady share no algorithm of one kind: another try cannot change that.</summary>
        private static RemoteSessionException NoCommonAlgorithm(SshTarget target, SshConnectionException ex)
        {
            bool keyExchange = ex.Message.IndexOf("key exchange", StringComparison.OrdinalIgnoreCase) >= 0;
            string offered = string.Join(",", target.KeyExchangeAlgorithms ?? KeyExchangeOrder.Supported);
            return new RemoteSessionException(target.ComputerName, RemoteFailure.KeyExchangeFailed,
                $"{target}: the key exchange with the server failed: {ex.Message}."
                + (keyExchange ? $" AptReady offered {offered}" + (target.KeyExchangeAlgorithms == null ? " (SSH.NET's default)." : " (KexAlgorithms in ssh_config).") : string.Empty), ex);
        }

        /// <summary>An agent that went away or would not sign, wherever SSH.NET wrapped it.</summary>
        private static RemoteSessionException? AgentFailure(SshTarget target, Exception ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                switch (e)
                {
                    case Agent.AgentUnavailableException gone:
                        return new RemoteSessionException(target.ComputerName, RemoteFailure.AgentUnavailable,
                            $"{target}: {gone.Message} Is the agent still running (SSH_AUTH_SOCK='{gone.Path}')?", ex);
                    case Agent.AgentRefusedException _:
                        return new RemoteSessionException(target.ComputerName, RemoteFailure.AgentRefusedToSign,
                            $"{target}: the SSH agent at '{target.AgentPath}' refused to sign for a key the server accepted: a confirmation (ssh-add -c) was declined or could not be shown, or the key was removed from the agent.", ex);
                    case Agent.AgentProtocolException broken:
                        return new RemoteSessionException(target.ComputerName, RemoteFailure.AgentUnavailable,
                            $"{target}: the SSH agent at '{target.AgentPath}' broke the protocol: {broken.Message}", ex);
                }
            }

            return null;
        }

        private static string Describe(SocketError error) => error switch
        {
            SocketError.ConnectionRefused => "connection refused (sshd not listening yet?)",
            SocketError.ConnectionReset => "connection reset",
            SocketError.TimedOut => "connection timed out",
            SocketError.HostUnreachable => "host unreachable",
            SocketError.NetworkUnreachable => "network unreachable",
            _ => "socket error " + error,
        };

        /// <summary>Turns a SecureString into the string SSH.NET needs, at the last moment.</summary>
        internal static string Reveal(SecureString secret)
        {
            IntPtr pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
