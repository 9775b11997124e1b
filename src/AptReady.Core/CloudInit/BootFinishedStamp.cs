using System;
using System.Globalization;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// The text of /var/lib/cloud/instance/boot-finished, written by the final_message module:
    /// <c>383.80 - Tue, 24 Nov 2026 21:23:44 +0000 - v. 22.4.2</c> (uptime, time, version).
    /// Alone it proves nothing about this boot: only its mtime against the boot time does.
    /// </summary>
    public sealed class BootFinishedStamp
    {
        private BootFinishedStamp(TimeSpan uptime, DateTimeOffset? timestamp, string? version)
        {
            Uptime = uptime;
            Timestamp = timestamp;
            Version = version;
        }

        /// <summary>The uptime when the final stage wrote it.</summary>
        public TimeSpan Uptime { get; }

        public DateTimeOffset? Timestamp { get; }

        public string? Version { get; }

        public static bool TryParse(string text, out BootFinishedStamp? stamp)
        {
            stamp = null;
            string[] parts = text.Trim().Split(new[] { " - " }, StringSplitOptions.None);
            if (parts.Length < 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double uptime)
                || uptime < 0)
            {
                return false;
            }

            DateTimeOffset? timestamp = ParseRfc2822(parts[1]);
            string? version = null;
            if (parts.Length > 2 && parts[2].StartsWith("v. ", StringComparison.Ordinal))
            {
                version = parts[2].Substring(3).Trim();
            }

            stamp = new BootFinishedStamp(TimeSpan.FromSeconds(uptime), timestamp, version);
            return true;
        }

        // cloud-init's util.time_rfc2822(): "Tue, 24 Nov 2026 21:23:44 +0000".
        internal static DateTimeOffset? ParseRfc2822(string text)
        {
            string trimmed = text.Trim();
            int lastSpace = trimmed.LastIndexOf(' ');
            if (lastSpace < 0)
            {
                return null;
            }

            string zone = trimmed.Substring(lastSpace + 1);
            if (zone.Length == 5 && (zone[0] == '+' || zone[0] == '-'))
            {
                trimmed = trimmed.Substring(0, lastSpace + 1) + zone.Substring(0, 3) + ":" + zone.Substring(3);
            }

            return DateTimeOffset.TryParseExact(trimmed, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
                ? value
                : null;
        }
    }
}
