using System;
using System.Globalization;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// One heartbeat of the wait script, about every second while it waits:
    /// <c>hb 3.03 running modules-final</c> (seconds waited, phase, stage). Shows progress and that the
    /// connection is alive.
    /// </summary>
    public sealed class CloudInitHeartbeat
    {
        public const string Tag = "hb";

        private CloudInitHeartbeat(TimeSpan elapsed, bool hasStarted, string? stage)
        {
            Elapsed = elapsed;
            HasStarted = hasStarted;
            Stage = stage;
        }

        /// <summary>How long the script has waited so far.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Always <see cref="CloudInitState.Running"/>: the script beats only while it waits.</summary>
        public CloudInitState State => CloudInitState.Running;

        /// <summary>False while no stage has started this boot yet.</summary>
        public bool HasStarted { get; }

        /// <summary>The stage running now (init-local, init, modules-config, modules-final); null between stages or before the first.</summary>
        public string? Stage { get; }

        /// <summary>Parses one output line; false for any line that is not a heartbeat.</summary>
        public static bool TryParse(string line, out CloudInitHeartbeat? heartbeat)
        {
            heartbeat = null;
            string[] f = line.TrimEnd('\r').Split(' ');
            if (f.Length != 4 || f[0] != Tag
                || !decimal.TryParse(f[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal seconds))
            {
                return false;
            }

            bool started;
            switch (f[2])
            {
                case "running":
                    started = true;
                    break;
                case "not-started":
                    started = false;
                    break;
                default:
                    return false;
            }

            string? stage = f[3] is "none" or "-" || f[3].Length == 0 ? null : f[3];
            // decimal keeps "2.01" exact, where a double would become 2.0099999 s.
            heartbeat = new CloudInitHeartbeat(TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)), started, stage);
            return true;
        }

        public override string ToString() =>
            !HasStarted ? $"cloud-init has not started yet ({Elapsed.TotalSeconds:0} s)"
            : Stage == null ? $"cloud-init running, between stages ({Elapsed.TotalSeconds:0} s)"
            : $"cloud-init running {Stage} ({Elapsed.TotalSeconds:0} s)";
    }
}
