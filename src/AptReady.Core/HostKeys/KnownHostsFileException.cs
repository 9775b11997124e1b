using System;
using System.IO;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// A known_hosts file could not be read (<see cref="Writing"/> false) or a key could not be recorded
    /// in it (true). Not a connection failure: connecting again cannot fix a folder, a FIFO or a
    /// read-only file, so the cmdlets report it at once (KnownHostsUnreadable, KnownHostsUnwritable).
    /// </summary>
    public sealed class KnownHostsFileException : IOException
    {
        public KnownHostsFileException(string message, bool writing, Exception? inner = null)
            : base(message, inner)
        {
            Writing = writing;
        }

        public bool Writing { get; }
    }
}
