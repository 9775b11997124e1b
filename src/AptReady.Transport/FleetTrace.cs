using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace AptReady.Transport
{
    /// <summary>
    /// Where a fleet run's time goes: timestamped per-host events (queued, connect, handshake done,
    /// command sent and answered, result written), kept only when APTREADY_TRACE names a file, and
    /// appended to it as one "event host milliseconds" line each when a cmdlet ends. Off, it costs
    /// one static check per event. For bench/fleet.ps1 -Trace, not for users.
    /// </summary>
    public static class FleetTrace
    {
        private static readonly string? Path = Environment.GetEnvironmentVariable("APTREADY_TRACE");
        private static readonly ConcurrentQueue<string> Events = new ConcurrentQueue<string>();
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public static bool IsOn => Path != null;

        /// <summary>Records <paramref name="name"/> for <paramref name="host"/> now (milliseconds since the module loaded).</summary>
        public static void Mark(string name, object host)
        {
            if (Path != null)
            {
                Events.Enqueue($"{name} {host} {Clock.Elapsed.TotalMilliseconds:0.0}");
            }
        }

        /// <summary>Appends the events recorded so far to the trace file and forgets them.</summary>
        public static void Flush()
        {
            if (Path == null || Events.IsEmpty)
            {
                return;
            }

            var text = new StringBuilder();
            while (Events.TryDequeue(out string? line))
            {
                text.Append(line).Append('\n');
            }

            System.IO.File.AppendAllText(Path, text.ToString());
        }
    }
}
