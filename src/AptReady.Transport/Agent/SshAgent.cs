using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace AptReady.Transport.Agent
{
    /// <summary>
    /// A client of one SSH agent (ssh-agent, gpg-agent, a hardware-key agent): lists its keys and asks it
    /// to sign. Private keys never leave the agent. One connection per agent is shared by the whole
    /// process and requests on it are serialised, so a fan-out over many hosts asks one at a time
    /// (a signature takes the agent about a millisecond). A broken connection is opened again once.
    /// </summary>
    public sealed class SshAgent : IDisposable
    {
        /// <summary>OpenSSH for Windows' agent pipe.</summary>
        public const string WindowsPipe = @"\\.\pipe\openssh-ssh-agent";

        private static readonly ConcurrentDictionary<string, SshAgent> Shared = new ConcurrentDictionary<string, SshAgent>(StringComparer.Ordinal);

        private readonly object _gate = new object();
        private readonly TimeSpan _replyTimeout;
        private Stream? _stream;

        public SshAgent(string path, TimeSpan replyTimeout)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            _replyTimeout = replyTimeout;
        }

        /// <summary>The socket path (or Windows pipe) of the agent.</summary>
        public string Path { get; }

        /// <summary>
        /// The process-wide client of the agent at <paramref name="path"/>. A reply is awaited for up to two
        /// minutes: long enough for a person to answer an ssh-add -c confirmation, never forever.
        /// </summary>
        public static SshAgent For(string path) => Shared.GetOrAdd(path, p => new SshAgent(p, TimeSpan.FromMinutes(2)));

        /// <summary>
        /// The agent to use when none is named: $SSH_AUTH_SOCK, or OpenSSH's pipe on Windows; null when
        /// there is none.
        /// </summary>
        public static string? DefaultPath()
        {
            string? socket = Environment.GetEnvironmentVariable("SSH_AUTH_SOCK");
            if (!string.IsNullOrEmpty(socket))
            {
                return socket;
            }

            return Environment.OSVersion.Platform == PlatformID.Win32NT ? WindowsPipe : null;
        }

        /// <summary>The agent's keys, in its order.</summary>
        public IReadOnlyList<AgentKey> ListKeys() =>
            AgentProtocol.ParseIdentities(Exchange(AgentProtocol.FrameRequestIdentities()));

        /// <summary>Asks the agent to sign <paramref name="data"/> with the key <paramref name="keyBlob"/>; returns the SSH signature blob.</summary>
        public byte[] Sign(byte[] keyBlob, byte[] data, uint flags) =>
            AgentProtocol.ParseSignature(Exchange(AgentProtocol.FrameSignRequest(keyBlob, data, flags)));

        public void Dispose()
        {
            lock (_gate)
            {
                Close();
            }
        }

        /// <summary>Sends one framed request and returns the reply's body; one at a time per agent.</summary>
        private byte[] Exchange(byte[] request)
        {
            lock (_gate)
            {
                bool fresh = _stream == null;
                try
                {
                    return Ask(request);
                }
                catch (AgentUnavailableException ex) when (!fresh && !ex.TimedOut)
                {
                    // The agent restarted or dropped an idle connection: one new connection, one more try.
                    Close();
                    return Ask(request);
                }
            }
        }

        private byte[] Ask(byte[] request)
        {
            Stream stream = _stream ??= Open();
            try
            {
                using (var timeout = new CancellationTokenSource(_replyTimeout))
                {
                    Write(stream, request, timeout.Token);
                    byte[] header = ReadExactly(stream, 4, timeout.Token);
                    return ReadExactly(stream, AgentProtocol.BodyLength(header), timeout.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException || IsTimeout(ex))
            {
                Close();
                throw new AgentUnavailableException(Path, $"the agent at '{Path}' did not answer within {_replyTimeout.TotalSeconds:0} s.") { TimedOut = true };
            }
            catch (Exception ex) when (ex is AgentProtocolException)
            {
                Close();
                throw;
            }
            catch (Exception ex) when (IsBroken(ex))
            {
                Close();
                throw new AgentUnavailableException(Path, $"the connection to the agent at '{Path}' broke: {ex.Message}", ex);
            }
        }

        private Stream Open()
        {
            try
            {
                Stream stream = AgentEndpoint.Connect(Path);
                if (stream.CanTimeout)
                {
                    int milliseconds = (int)Math.Min(int.MaxValue, _replyTimeout.TotalMilliseconds);
                    stream.ReadTimeout = milliseconds;
                    stream.WriteTimeout = milliseconds;
                }

                return stream;
            }
            catch (Exception ex) when (ex is IOException || ex is System.Net.Sockets.SocketException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                throw new AgentUnavailableException(Path, $"no SSH agent answers at '{Path}': {ex.Message}", ex);
            }
        }

        /// <remarks>
        /// A socket is read synchronously with its own timeout: many hosts signing at once must not park
        /// thread-pool threads on async waits (SSH.NET signs on the thread that authenticates). A pipe,
        /// which has no read timeout, is read asynchronously and cancelled instead.
        /// </remarks>
        private static byte[] ReadExactly(Stream stream, int count, CancellationToken token)
        {
            var buffer = new byte[count];
            int read = 0;
            while (read < count)
            {
                int n = stream.CanTimeout
                    ? stream.Read(buffer, read, count - read)
                    : stream.ReadAsync(buffer, read, count - read, token).GetAwaiter().GetResult();
                if (n == 0)
                {
                    throw new EndOfStreamException("the agent closed the connection.");
                }

                read += n;
            }

            return buffer;
        }

        private static void Write(Stream stream, byte[] request, CancellationToken token)
        {
            if (stream.CanTimeout)
            {
                stream.Write(request, 0, request.Length);
                stream.Flush();
                return;
            }

            stream.WriteAsync(request, 0, request.Length, token).GetAwaiter().GetResult();
            stream.FlushAsync(token).GetAwaiter().GetResult();
        }

        /// <summary>A socket read or write that ran past its timeout.</summary>
        private static bool IsTimeout(Exception ex) =>
            ex is IOException && ex.InnerException is System.Net.Sockets.SocketException socket && socket.SocketErrorCode == System.Net.Sockets.SocketError.TimedOut;

        private static bool IsBroken(Exception ex) =>
            ex is IOException || ex is System.Net.Sockets.SocketException || ex is ObjectDisposedException || ex is AgentUnavailableException;

        private void Close()
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    /// <summary>No agent answers at the path, or the connection to it broke.</summary>
    public sealed class AgentUnavailableException : IOException
    {
        public AgentUnavailableException(string path, string message, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>The agent was connected but did not answer in time (not worth asking again).</summary>
        public bool TimedOut { get; internal set; }
    }
}
