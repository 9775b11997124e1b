using System;
using System.Collections.Generic;
using System.Globalization;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>What one streamed line of <see cref="AptGetScript"/> says, for progress while it runs.</summary>
    public enum AptGetStreamKind
    {
        Other,
        Held,
        Free,
        Run,
        Status,
        AptExit,
    }

    /// <summary>
    /// One line of the apt-get script as it streams, read with the same rules as
    /// <see cref="AptGetOutputParser.Parse"/> reads the whole run.
    /// </summary>
    public sealed class AptGetStreamLine
    {
        private AptGetStreamLine(AptGetStreamKind kind)
        {
            Kind = kind;
        }

        public AptGetStreamKind Kind { get; }

        /// <summary>For <see cref="AptGetStreamKind.Held"/>: which lock, held by whom.</summary>
        public LockHolderSighting? Sighting { get; private set; }

        /// <summary>For <see cref="AptGetStreamKind.Free"/>: how long the locks were waited for.</summary>
        public TimeSpan Waited { get; private set; }

        /// <summary>For <see cref="AptGetStreamKind.Status"/>: apt's Status-Fd line.</summary>
        public AptStatusLine? StatusLine { get; private set; }

        public static AptGetStreamLine Read(string line, IReadOnlyList<AptLockFile> locks)
        {
            if (AptGetOutputParser.TryParseHeldLine(line, locks, out var sighting) && sighting != null)
            {
                return new AptGetStreamLine(AptGetStreamKind.Held) { Sighting = sighting };
            }

            string tag = ProbeLine.FirstWord(line, out string rest);
            switch (tag)
            {
                case "free":
                    long cs = long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : 0;
                    return new AptGetStreamLine(AptGetStreamKind.Free) { Waited = TimeSpan.FromMilliseconds(cs * 10) };
                case "run":
                    return new AptGetStreamLine(AptGetStreamKind.Run);
                case "status":
                    return AptStatusLine.TryParse(rest, out var status) && status != null
                        ? new AptGetStreamLine(AptGetStreamKind.Status) { StatusLine = status }
                        : new AptGetStreamLine(AptGetStreamKind.Other);
                case "apt-exit":
                    return new AptGetStreamLine(AptGetStreamKind.AptExit);
                default:
                    return new AptGetStreamLine(AptGetStreamKind.Other);
            }
        }
    }
}
