using System;

namespace AptReady.Core.Locks
{
    /// <summary>Reads the systemd unit a process runs in from its /proc/PID/cgroup text.</summary>
    public static class SystemdUnit
    {
        private static readonly string[] UnitSuffixes = { ".service", ".scope", ".timer", ".socket", ".mount" };

        /// <summary>
        /// The unit is the last path segment with a unit suffix on the cgroup v2 line ("0::/system.slice/
        /// cloud-final.service") or v1's name=systemd line. Lines arrive folded into one, space-separated.
        /// </summary>
        public static string? FromCgroup(string? cgroup)
        {
            if (string.IsNullOrWhiteSpace(cgroup))
            {
                return null;
            }

            string? best = null;
            foreach (string line in cgroup!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                bool unified = line.StartsWith("0::", StringComparison.Ordinal);
                bool systemdV1 = line.Contains(":name=systemd:");
                if (!unified && !systemdV1)
                {
                    continue;
                }

                string path = line.Substring(line.IndexOf(":/", StringComparison.Ordinal) + 1);
                string[] segments = path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                for (int i = segments.Length - 1; i >= 0; i--)
                {
                    if (HasUnitSuffix(segments[i]))
                    {
                        best = segments[i];
                        break;
                    }
                }

                if (unified && best != null)
                {
                    return best;
                }
            }

            return best;
        }

        private static bool HasUnitSuffix(string segment)
        {
            foreach (string suffix in UnitSuffixes)
            {
                if (segment.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
