using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace AptReady.Transport
{
    /// <summary>
    /// Whether a TCP connection to a loopback listener comes from this very process: the kernel's table of
    /// connections (/proc/net/tcp) gives the socket inode of the connecting end, and that inode must be one
    /// of this process's own open files (/proc/self/fd). Another local user cannot pass this check, even
    /// on a shared machine, because the inode of their socket is in no file descriptor of ours.
    /// </summary>
    internal static class LoopbackPeer
    {
        private const string TcpTable = "/proc/net/tcp";
        private const string Tcp6Table = "/proc/net/tcp6";
        private const string OwnFiles = "/proc/self/fd";

        public static bool IsSupported => File.Exists(TcpTable) && Directory.Exists(OwnFiles);

        public static bool IsOwnConnection(string originatorHost, int originatorPort, int listenerPort)
        {
            if (originatorHost != "127.0.0.1")
            {
                return false;
            }

            string? inode = ConnectingSocketInode(originatorPort, listenerPort);
            return inode != null && IsOwnSocket(inode);
        }

        // The inode of the socket whose local end is 127.0.0.1:originatorPort and remote end 127.0.0.1:listenerPort.
        // .NET's sockets are dual-mode IPv6 ones by default, so the connecting end may sit in the IPv6 table
        // as ::ffff:127.0.0.1.
        private static string? ConnectingSocketInode(int originatorPort, int listenerPort)
        {
            string from = ":" + originatorPort.ToString("X4", CultureInfo.InvariantCulture);
            string to = ":" + listenerPort.ToString("X4", CultureInfo.InvariantCulture);
            foreach (var (table, loopback) in new[] { (TcpTable, "0100007F"), (Tcp6Table, "0000000000000000FFFF00000100007F") })
            {
                if (!File.Exists(table))
                {
                    continue;
                }

                foreach (string line in File.ReadLines(table))
                {
                    string[] fields = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length > 9 && fields[1] == loopback + from && fields[2] == loopback + to)
                    {
                        return fields[9] == "0" ? null : fields[9];
                    }
                }
            }

            return null;
        }

        private static bool IsOwnSocket(string inode)
        {
            string wanted = "socket:[" + inode + "]";
            var buffer = new byte[256];
            foreach (string fd in Directory.EnumerateFileSystemEntries(OwnFiles))
            {
                long length = readlink(fd, buffer, (IntPtr)buffer.Length).ToInt64();
                if (length > 0 && Encoding.ASCII.GetString(buffer, 0, (int)length) == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr readlink(string path, byte[] buffer, IntPtr size);
    }
}
