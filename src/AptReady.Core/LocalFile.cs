using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace AptReady.Core
{
    /// <summary>
    /// Reads a small local file a user named (a key file, known_hosts) without trusting what it is: only
    /// a regular file is opened (a FIFO would block the pipeline, /dev/zero never ends), at most
    /// <see cref="MaxBytes"/> are read, and an open that does not return in time is given up.
    /// </summary>
    public static class LocalFile
    {
        /// <summary>Far above any key or known_hosts file (a known_hosts of 10,000 hosts is about 1 MB).</summary>
        public const int MaxBytes = 4 * 1024 * 1024;

        private const int AtCurrentFolder = -100;
        private const uint StatxType = 1;
        private const int TypeMask = 0xF000;
        private const int RegularFile = 0x8000;
        private const int Folder = 0x4000;

        /// <summary>
        /// The file's bytes. Throws <see cref="FileNotFoundException"/> when it does not exist, and
        /// <see cref="LocalFileException"/> (a message naming the path, never its content) for anything
        /// else: a folder, a FIFO or device, too large, unreadable, or an open that hangs past <paramref name="timeout"/>.
        /// </summary>
        public static byte[] Read(string path, string what, TimeSpan timeout)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            RequireRegularOrMissing(path, what);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The {what} {InputExcerpt.Of(path, 200)} does not exist.");
            }

            if (ModeOf(path) is int mode && (mode & TypeMask) == RegularFile)
            {
                // Linux told the type without opening: a regular file opens at once, so it is read right here,
                // not on a pool thread that a fleet's connections may keep busy.
                try
                {
                    return ReadOpened(path, what);
                }
                catch (Exception ex)
                {
                    throw Explain(ex, path, what);
                }
            }

            // Elsewhere than Linux the type is not known before opening: a FIFO's open blocks, so it runs
            // aside and is given up after the timeout (the blocked thread ends when a writer comes).
            Task<byte[]> reading = Task.Run(() => ReadOpened(path, what));
            try
            {
                if (!reading.Wait(timeout))
                {
                    throw new LocalFileException($"The {what} {InputExcerpt.Of(path, 200)} did not open within {timeout.TotalSeconds:0.#} s: is it a FIFO or a device?");
                }
            }
            catch (AggregateException ex) when (ex.InnerException != null)
            {
                throw Explain(ex.InnerException, path, what);
            }

            return reading.Result;
        }

        /// <summary>The longest local or remote path accepted, in UTF-8 bytes (Linux's PATH_MAX less its NUL).</summary>
        public const int MaxPathBytes = 4095;

        /// <summary>
        /// Refuses a path no file system holds: empty, a NUL or another control character (a pasted key,
        /// a stray newline), or longer than <see cref="MaxPathBytes"/>. Ids: InvalidPath, PathTooLong.
        /// </summary>
        public static string CheckPath(string? path, string parameterName)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new InvalidInputException(ErrorIds.InvalidPath, $"-{parameterName} cannot be empty.", parameterName);
            }

            foreach (char c in path!)
            {
                if (char.IsControl(c))
                {
                    throw new InvalidInputException(ErrorIds.InvalidPath, $"-{parameterName} {InputExcerpt.Of(path, 200)} contains a control character; no file is named so.", parameterName);
                }
            }

            if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
            {
                throw new InvalidInputException(ErrorIds.PathTooLong, $"-{parameterName} {InputExcerpt.Of(path)} is longer than {MaxPathBytes} bytes, the most a path can be.", parameterName);
            }

            return path;
        }

        /// <summary>Text of a file read with <see cref="Read"/> (UTF-8, a byte order mark dropped).</summary>
        public static string ReadText(string path, string what, TimeSpan timeout) =>
            new UTF8Encoding(false).GetString(Read(path, what, timeout)).TrimStart('\uFEFF');

        /// <summary>Throws <see cref="LocalFileException"/> unless the path is missing or a regular file (Linux: checked without opening).</summary>
        public static void RequireRegularOrMissing(string path, string what)
        {
            int? mode = ModeOf(path);
            if (mode is int m && (m & TypeMask) != RegularFile)
            {
                string kind = (m & TypeMask) == Folder ? "a folder" : "not a regular file (a FIFO, socket or device)";
                throw new LocalFileException($"The {what} {InputExcerpt.Of(path, 200)} is {kind}.");
            }

            if (mode == null && Directory.Exists(path))
            {
                throw new LocalFileException($"The {what} {InputExcerpt.Of(path, 200)} is a folder.");
            }
        }

        /// <summary>Why a local read failed, in words that never repeat the path or the content.</summary>
        public static string Reason(Exception ex) => ex switch
        {
            LocalFileException _ => ex.Message,
            UnauthorizedAccessException _ => "permission denied",
            PathTooLongException _ => "the path is too long",
            FileNotFoundException _ => "it does not exist",
            DirectoryNotFoundException _ => "its folder does not exist",
            _ => ex.GetType().Name,
        };

        private static byte[] ReadOpened(string path, string what)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096))
            {
                if (stream.CanSeek && stream.Length > MaxBytes)
                {
                    throw TooLarge(path, what);
                }

                using (var content = new MemoryStream())
                {
                    var buffer = new byte[65536];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (content.Length + read > MaxBytes)
                        {
                            throw TooLarge(path, what);
                        }

                        content.Write(buffer, 0, read);
                    }

                    return content.ToArray();
                }
            }
        }

        private static LocalFileException TooLarge(string path, string what) =>
            new LocalFileException($"The {what} {InputExcerpt.Of(path, 200)} is larger than {MaxBytes / (1024 * 1024)} MB; that is no {what}.");

        private static Exception Explain(Exception ex, string path, string what) => ex is LocalFileException || ex is FileNotFoundException
            ? ex
            : new LocalFileException($"The {what} {InputExcerpt.Of(path, 200)} cannot be read: {Reason(ex)}.", ex);

        // The file type from statx (Linux; its struct has one layout on every architecture), or null.
        private static int? ModeOf(string path)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return null;
            }

            try
            {
                var buffer = new byte[256];
                if (Native.statx(AtCurrentFolder, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, buffer) != 0)
                {
                    return null;
                }

                return BitConverter.ToUInt16(buffer, 28);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException || ex is DllNotFoundException)
            {
                return null;
            }
        }

        private static class Native
        {
            [DllImport("libc", SetLastError = true)]
            public static extern int statx(int folder, byte[] path, int flags, uint mask, byte[] buffer);
        }
    }

    /// <summary>A local file AptReady was asked to read is not one it will read; the message names the path.</summary>
    public sealed class LocalFileException : IOException
    {
        public LocalFileException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
