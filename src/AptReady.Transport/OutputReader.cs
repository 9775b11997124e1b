using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AptReady.Transport
{
    /// <summary>Reads a remote command's output stream line by line as it arrives.</summary>
    internal static class OutputReader
    {
        /// <summary>
        /// SSH.NET's pipe streams block on Read; a dedicated thread per stream keeps a fleet's
        /// readers from starving the thread pool the rest of the work runs on.
        /// </summary>
        public static Task Start(Stream stream, StringBuilder all, Action<string>? onLine)
        {
            return Task.Factory.StartNew(
                () => ReadLines(stream, all, onLine),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        private static void ReadLines(Stream stream, StringBuilder all, Action<string>? onLine)
        {
            using var reader = new StreamReader(stream, new UTF8Encoding(false), false, 4096, leaveOpen: true);
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lock (all)
                {
                    all.Append(line).Append('\n');
                }

                onLine?.Invoke(line);
            }
        }
    }
}
