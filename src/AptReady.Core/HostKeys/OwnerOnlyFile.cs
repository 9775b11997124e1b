using System;
using System.ComponentModel;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// Appends to a file that only its owner may read and write (0600, folders created 0700), as ssh
    /// expects of known_hosts. One decision-and-append at a time per process, and under a POSIX record
    /// lock (lockf) across AptReady processes, so two first connections to one host cannot both record.
    /// Not flock: .NET emulates FileShare with flock, so an flock held here would make every concurrent
    /// File.ReadAllText of the file fail, and a child forked meanwhile would inherit it.
    /// </summary>
    internal static class OwnerOnlyFile
    {
        private const int FileMode0600 = 0x180;
        private const int DirectoryMode0700 = 0x1C0;
        private const int LockWait = 1; // F_LOCK on Linux and macOS
        private static readonly object Gate = new object();

        /// <summary>
        /// Opens (creating) <paramref name="path"/>, reads its text, and appends whatever
        /// <paramref name="decide"/> returns for that text (nothing when it returns null), as one write.
        /// </summary>
        public static void Append(string path, Func<string, string?> decide)
        {
            try
            {
                string full = Path.GetFullPath(path);
                LocalFile.RequireRegularOrMissing(full, "known_hosts file");
                lock (Gate)
                {
                    CreateFolders(Path.GetDirectoryName(full));
                    if (IsUnix)
                    {
                        AppendUnix(full, decide);
                    }
                    else
                    {
                        AppendWindows(full, decide);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw ex as KnownHostsFileException ?? new KnownHostsFileException(
                    // Ours (LocalFileException, and the plain IOExceptions above) name the path safely already.
                    ex is LocalFileException || ex.GetType() == typeof(IOException)
                        ? ex.Message
                        : $"Cannot record a host key in {InputExcerpt.Of(path, 200)}: {LocalFile.Reason(ex)}.",
                    writing: true,
                    ex);
            }
        }

        private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private static bool IsMac => RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        private static void CreateFolders(string? folder)
        {
            if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
            {
                return;
            }

            CreateFolders(Path.GetDirectoryName(folder));
            if (IsUnix)
            {
                if (Native.mkdir(CPath(folder!), DirectoryMode0700) != 0)
                {
                    int errno = Marshal.GetLastWin32Error();
                    if (!Directory.Exists(folder))
                    {
                        throw new IOException($"Cannot create the folder {InputExcerpt.Of(folder, 200)}: {new Win32Exception(errno).Message}.");
                    }
                }
            }
            else
            {
                Directory.CreateDirectory(folder!);
            }
        }

        /// <summary>A NUL-terminated UTF-8 path for libc (netstandard2.0 has no UTF-8 string marshalling).</summary>
        private static byte[] CPath(string path) => Encoding.UTF8.GetBytes(path + "\0");

        private static string PrefixNewlineIfNeeded(string existing, string addition) =>
            existing.Length > 0 && existing[existing.Length - 1] != '\n' ? "\n" + addition : addition;

        private static void AppendUnix(string path, Func<string, string?> decide)
        {
            // O_RDWR|O_CREAT|O_APPEND|O_CLOEXEC: O_APPEND makes the write land at the end even if ssh appends meanwhile.
            int flags = IsMac ? (0x2 | 0x200 | 0x8 | 0x1000000) : (0x2 | 0x40 | 0x400 | 0x80000);
            int fd = Native.open(CPath(path), flags, FileMode0600);
            if (fd < 0)
            {
                int errno = Marshal.GetLastWin32Error();
                throw new IOException($"Cannot open {InputExcerpt.Of(path, 200)} to record a host key: {new Win32Exception(errno).Message}.");
            }

            try
            {
                if (Native.lockf(fd, LockWait, 0) != 0)
                {
                    int errno = Marshal.GetLastWin32Error();
                    throw new IOException($"Cannot lock {InputExcerpt.Of(path, 200)}: {new Win32Exception(errno).Message}.");
                }

                // Read through our own descriptor: closing another descriptor of the file would drop the lockf lock.
                string existing = ReadAll(fd, path);
                string? addition = decide(existing);
                if (addition == null)
                {
                    return;
                }

                byte[] bytes = Encoding.UTF8.GetBytes(PrefixNewlineIfNeeded(existing, addition));
                int offset = 0;
                while (offset < bytes.Length)
                {
                    var chunk = new byte[bytes.Length - offset];
                    Buffer.BlockCopy(bytes, offset, chunk, 0, chunk.Length);
                    long written = (long)Native.write(fd, chunk, (IntPtr)chunk.Length);
                    if (written < 0)
                    {
                        int errno = Marshal.GetLastWin32Error();
                        throw new IOException($"Cannot write to {InputExcerpt.Of(path, 200)}: {new Win32Exception(errno).Message}.");
                    }

                    offset += (int)written;
                }

                Native.fsync(fd);
            }
            finally
            {
                Native.close(fd);
            }
        }

        private static string ReadAll(int fd, string path)
        {
            using (var content = new MemoryStream())
            {
                var buffer = new byte[8192];
                long offset = 0;
                while (true)
                {
                    long read = (long)Native.pread(fd, buffer, (IntPtr)buffer.Length, offset);
                    if (read < 0)
                    {
                        int errno = Marshal.GetLastWin32Error();
                        throw new IOException($"Cannot read {InputExcerpt.Of(path, 200)}: {new Win32Exception(errno).Message}.");
                    }

                    if (read == 0)
                    {
                        return new UTF8Encoding(false).GetString(content.ToArray());
                    }

                    content.Write(buffer, 0, (int)read);
                    offset += read;
                    if (offset > LocalFile.MaxBytes)
                    {
                        throw new IOException($"Cannot record a host key in {InputExcerpt.Of(path, 200)}: it is larger than {LocalFile.MaxBytes / (1024 * 1024)} MB.");
                    }
                }
            }
        }

        private static void AppendWindows(string path, Func<string, string?> decide)
        {
            // FileShare.Read: no other writer while we decide and append; the profile folder's ACL keeps it private.
            using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read))
            {
                string existing;
                using (var reader = new StreamReader(stream, Encoding.UTF8, true, 4096, leaveOpen: true))
                {
                    existing = reader.ReadToEnd();
                }

                string? addition = decide(existing);
                if (addition == null)
                {
                    return;
                }

                byte[] bytes = new UTF8Encoding(false).GetBytes(PrefixNewlineIfNeeded(existing, addition));
                stream.Seek(0, SeekOrigin.End);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(true);
            }
        }

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int open(byte[] path, int flags, int mode);

            [DllImport("libc", SetLastError = true)]
            public static extern int mkdir(byte[] path, int mode);

            [DllImport("libc", SetLastError = true)]
            public static extern int lockf(int fd, int command, long length);

            [DllImport("libc", SetLastError = true)]
            public static extern IntPtr write(int fd, byte[] buffer, IntPtr count);

            [DllImport("libc", SetLastError = true)]
            public static extern IntPtr pread(int fd, byte[] buffer, IntPtr count, long offset);

            [DllImport("libc", SetLastError = true)]
            public static extern int fsync(int fd);

            [DllImport("libc", SetLastError = true)]
            public static extern int close(int fd);
        }
    }
}
