using System.Globalization;

namespace AptReady.Core.Apt
{
    /// <summary>The kinds of line apt writes to APT::Status-Fd.</summary>
    public enum AptStatusKind
    {
        /// <summary><c>dlstatus:ITEM:PERCENT:MESSAGE</c>: downloading.</summary>
        Download,

        /// <summary><c>pmstatus:PACKAGE:PERCENT:MESSAGE</c>: dpkg unpacking/configuring/removing (PACKAGE 'dpkg-exec' while dpkg starts).</summary>
        PackageManager,

        /// <summary><c>pmerror:PACKAGE:PERCENT:MESSAGE</c>: dpkg failed on a package.</summary>
        PackageError,

        /// <summary><c>pmconffile:CONFFILE:PERCENT:'current' 'new' useredited distedited</c>: dpkg asks about a conffile.</summary>
        ConfFilePrompt,

        /// <summary><c>media-change:…</c>: apt wants another medium (a CD); it would wait forever.</summary>
        MediaChange,
    }

    /// <summary>One typed APT::Status-Fd line: the progress apt reports for a progress bar.</summary>
    public sealed class AptStatusLine
    {
        private AptStatusLine(AptStatusKind kind, string subject, double? percent, string message)
        {
            Kind = kind;
            Subject = subject;
            Percent = percent;
            Message = message;
        }

        public AptStatusKind Kind { get; }

        /// <summary>The package (pm*), the item number (dlstatus) or the conffile (pmconffile).</summary>
        public string Subject { get; }

        /// <summary>Overall progress of the current phase, 0–100; null for media-change.</summary>
        public double? Percent { get; }

        public string Message { get; }

        public static bool TryParse(string line, out AptStatusLine? status)
        {
            status = null;
            if (line is null)
            {
                return false;
            }

            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            string tag = line.Substring(0, colon);
            string rest = line.Substring(colon + 1);
            AptStatusKind kind;
            switch (tag)
            {
                case "dlstatus": kind = AptStatusKind.Download; break;
                case "pmstatus": kind = AptStatusKind.PackageManager; break;
                case "pmerror": kind = AptStatusKind.PackageError; break;
                case "pmconffile": kind = AptStatusKind.ConfFilePrompt; break;
                case "media-change":
                    status = new AptStatusLine(AptStatusKind.MediaChange, string.Empty, null, rest.Trim());
                    return true;
                default: return false;
            }

            // SUBJECT:PERCENT:MESSAGE; the message may hold ':' and comes last. A pmconffile subject is a
            // path, which never holds ':' in a Debian package.
            string[] parts = rest.Split(new[] { ':' }, 3);
            if (parts.Length < 3
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double percent))
            {
                return false;
            }

            status = new AptStatusLine(kind, parts[0], percent, parts[2]);
            return true;
        }

        public override string ToString() =>
            Percent is double p ? $"{Kind} {Subject} {p.ToString("0.#", CultureInfo.InvariantCulture)}% {Message}" : $"{Kind} {Message}";
    }
}
