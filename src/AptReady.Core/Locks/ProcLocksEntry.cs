using System;
using System.Globalization;

namespace AptReady.Core.Locks
{
    /// <summary>One line of /proc/locks: <c>1: POSIX  ADVISORY  WRITE 576 fe:00:11682308 0 EOF</c>.</summary>
    public sealed class ProcLocksEntry
    {
        private ProcLocksEntry(string kind, string access, int pid, uint major, uint minor, ulong inode, bool isWaiting)
        {
            Kind = kind;
            Access = access;
            Pid = pid;
            DeviceMajor = major;
            DeviceMinor = minor;
            Inode = inode;
            IsWaiting = isWaiting;
        }

        /// <summary>POSIX, OFDLCK, FLOCK, LEASE, DELEG.</summary>
        public string Kind { get; }

        /// <summary>READ or WRITE (apt takes WRITE).</summary>
        public string Access { get; }

        public int Pid { get; }

        public uint DeviceMajor { get; }

        public uint DeviceMinor { get; }

        public ulong Inode { get; }

        /// <summary>A '->' line: a process blocked waiting for the lock, not holding it.</summary>
        public bool IsWaiting { get; }

        public static bool TryParse(string line, out ProcLocksEntry? entry)
        {
            entry = null;
            string[] fields = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            int i = 1; // fields[0] is the ordinal "1:"
            bool waiting = false;
            if (fields.Length > i && fields[i] == "->")
            {
                waiting = true;
                i++;
            }

            if (fields.Length < i + 5 || !fields[0].EndsWith(":", StringComparison.Ordinal))
            {
                return false;
            }

            string kind = fields[i];
            string access = fields[i + 2];
            if (!int.TryParse(fields[i + 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int pid))
            {
                return false;
            }

            string[] id = fields[i + 4].Split(':');
            if (id.Length != 3
                || !uint.TryParse(id[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint major)
                || !uint.TryParse(id[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint minor)
                || !ulong.TryParse(id[2], NumberStyles.None, CultureInfo.InvariantCulture, out ulong inode))
            {
                return false;
            }

            entry = new ProcLocksEntry(kind, access, pid, major, minor, inode, waiting);
            return true;
        }
    }
}
