using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace AptReady.Transport
{
    /// <summary>The handshake itself: how many run at once (the key exchanges offered: <see cref="KeyExchangeOrder"/>).</summary>
    public sealed partial class SshConnector
    {
        /// <summary>
        /// Handshakes under way at once in this process. Each one is CPU on this machine and on the host; with
        /// -ThrottleLimit 1000 a thousand at once each took longer than the handshake timeout on 2 cores, so
        /// they failed and retried together. Waiting here is still bounded by the connect deadline.
        /// Process-wide on purpose: runspaces (shards under ForEach-Object -Parallel) share the same cores.
        /// </summary>
        public const int MaxConcurrentHandshakes = 64;

        private static readonly SemaphoreSlim Handshakes = new SemaphoreSlim(MaxConcurrentHandshakes, MaxConcurrentHandshakes);

        private static async Task HandshakeAsync(SshClient client, SshTarget target, Stopwatch clock, CancellationToken cancellationToken)
        {
            TimeSpan left = target.ConnectTimeout - clock.Elapsed;
            if (!await Handshakes.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
            {
                throw new SshOperationTimeoutException($"{MaxConcurrentHandshakes} other handshakes of this process kept it waiting past the connect deadline.");
            }

            try
            {
                FleetTrace.Mark("connect", target);
                await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                FleetTrace.Mark("connected", target);
            }
            finally
            {
                Handshakes.Release();
            }
        }
    }
}
