using System;
using System.Threading;
using AptReady.Core.Remote;
using Renci.SshNet;

namespace AptReady.Transport
{
    /// <summary>
    /// A jump host's forward to one target: a direct-tcpip channel behind a listener on 127.0.0.1 and a
    /// port the kernel picks, which only this process can use. SSH.NET has no public API to run a session
    /// over another session's channel, so the target's client connects to this listener; each connection
    /// is checked before a channel is opened for it (<see cref="LoopbackPeer"/>: the connecting socket must
    /// be one of this process's own file descriptors), and any other is closed unanswered.
    /// </summary>
    public sealed class JumpTunnel : IDisposable
    {
        private readonly SshClient _hop;
        private readonly object _hopGate;
        private readonly ForwardedPortLocal _forward;
        private int _refused;
        private bool _reserved;

        private JumpTunnel(SshClient hop, object hopGate, ForwardedPortLocal forward, string hopName)
        {
            _hop = hop;
            _hopGate = hopGate;
            _forward = forward;
            HopName = hopName;
        }

        /// <summary>The loopback address the target's client connects to.</summary>
        public string Host => "127.0.0.1";

        public int Port => (int)_forward.BoundPort;

        /// <summary>The jump host, for messages.</summary>
        public string HopName { get; }

        /// <summary>Connections to the listener that were not this process's own, and were closed.</summary>
        public int RefusedConnections => Volatile.Read(ref _refused);

        /// <summary>Why the jump host last failed to open the channel to the target (its message), or null.</summary>
        public string? LastFailure { get; private set; }

        /// <summary>Opens the forward on a connected jump host client. <paramref name="hopGate"/> serialises changes to that client's forward list.</summary>
        internal static JumpTunnel Open(SshClient hop, object hopGate, string hopName, string host, int port)
        {
            if (!LoopbackPeer.IsSupported)
            {
                throw new RemoteSessionException(host, RemoteFailure.ConnectionFailed,
                    "Jump hosts need Linux's /proc here: AptReady proves that each connection to the tunnel is its own before it forwards it, and cannot on this system.");
            }

            var forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
            var tunnel = new JumpTunnel(hop, hopGate, forward, hopName);
            forward.RequestReceived += (_, e) =>
            {
                if (!LoopbackPeer.IsOwnConnection(e.OriginatorHost, (int)e.OriginatorPort, (int)forward.BoundPort))
                {
                    Interlocked.Increment(ref tunnel._refused);

                    // SSH.NET closes the accepted socket, without opening a channel, when this handler throws.
                    throw new ForeignConnectionException();
                }
            };
            forward.Exception += (_, e) =>
            {
                if (!(e.Exception is ForeignConnectionException))
                {
                    tunnel.LastFailure = e.Exception.Message;
                }
            };
            lock (hopGate)
            {
                hop.AddForwardedPort(forward);
            }

            forward.Start();
            PoolThreadReserve.Take();
            tunnel._reserved = true;
            return tunnel;
        }

        public override string ToString() => $"the jump host {HopName}";

        public void Dispose()
        {
            try
            {
                if (_forward.IsStarted)
                {
                    _forward.Stop();
                }

                lock (_hopGate)
                {
                    _hop.RemoveForwardedPort(_forward);
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is InvalidOperationException || ex is Renci.SshNet.Common.SshException)
            {
                // The jump host's connection is already gone, and its forwards with it.
            }

            _forward.Dispose();
            if (_reserved)
            {
                _reserved = false;
                PoolThreadReserve.Release();
            }
        }

        /// <summary>
        /// SSH.NET pumps a forwarded connection with a blocking read loop on the thread-pool thread that
        /// accepted it, for the connection's whole life. Fifty tunnels would hold fifty pool threads while the
        /// pool adds threads only slowly, starving every other task of the fan-out; so each open tunnel raises
        /// the pool's minimum by one, and lowers it again when closed.
        /// </summary>
        private static class PoolThreadReserve
        {
            private static readonly object Gate = new object();

            public static void Take() => Adjust(+1);

            public static void Release() => Adjust(-1);

            private static void Adjust(int delta)
            {
                lock (Gate)
                {
                    ThreadPool.GetMinThreads(out int workers, out int completionPorts);
                    ThreadPool.SetMinThreads(Math.Max(1, workers + delta), completionPorts);
                }
            }
        }

        private sealed class ForeignConnectionException : Exception
        {
            public ForeignConnectionException()
                : base("A connection to the jump tunnel did not come from this process; it was closed.")
            {
            }
        }
    }
}
