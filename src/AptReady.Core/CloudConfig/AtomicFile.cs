using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AptReady.Core.CloudConfig
{
    /// <summary>Writes a file all at once: a temporary file in the same folder, then a rename over the target.</summary>
    public static class AtomicFile
    {
        /// <summary>
        /// Writes <paramref name="content"/> to <paramref name="path"/>. Without <paramref name="force"/> an
        /// existing file is never replaced (also not one created meanwhile). The file is made owner-only
        /// (0600) where the runtime can, since seeds may hold private host keys.
        /// </summary>
        public static void Write(string path, byte[] content, bool force)
        {
            string fullPath = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"{InputExcerpt.Of(path, 200)} has no parent folder.", nameof(path));
            if (!force && File.Exists(fullPath))
            {
                throw new IOException($"{InputExcerpt.Of(fullPath, 200)} exists; refusing to overwrite it without force.");
            }

            string temporary = Path.Combine(folder, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    MakeOwnerOnly(temporary);
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (force && File.Exists(fullPath))
                {
                    File.Replace(temporary, fullPath, destinationBackupFileName: null);
                }
                else
                {
                    // Fails if the target appeared meanwhile: no silent overwrite.
                    File.Move(temporary, fullPath);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        // File.SetUnixFileMode exists from .NET 7; this assembly targets netstandard2.0, so it is found at run time.
        private static void MakeOwnerOnly(string path)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return;
            }

            Type? modeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            MethodInfo? setMode = modeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), modeType });
            if (setMode != null)
            {
                setMode.Invoke(null, new object[] { path, Enum.ToObject(modeType!, 0x180) }); // UserRead | UserWrite
            }
        }
    }
}
