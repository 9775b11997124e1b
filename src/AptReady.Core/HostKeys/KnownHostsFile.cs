using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// A known_hosts file as read (read-only: AptReady only ever appends, see <see cref="AppendLine"/>):
    /// its key entries, and notes on lines it skipped.
    /// </summary>
    public sealed class KnownHostsFile
    {
        public KnownHostsFile(string path, bool exists, IReadOnlyList<KnownHostEntry> entries, IReadOnlyList<string> notes)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Exists = exists;
            Entries = entries ?? throw new ArgumentNullException(nameof(entries));
            Notes = notes ?? throw new ArgumentNullException(nameof(notes));
        }

        public string Path { get; }

        /// <summary>False when the file does not exist (then it has no entries; that is not an error).</summary>
        public bool Exists { get; }

        /// <summary>Key entries in file order, including @revoked and @cert-authority lines.</summary>
        public IReadOnlyList<KnownHostEntry> Entries { get; }

        /// <summary>One note per skipped line (<c>file:line: why</c>), as ssh skips invalid lines.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>
        /// Reads <paramref name="path"/>. A missing file reads as empty; a file that exists but cannot be
        /// read throws, since a key it holds (perhaps a conflicting one) must not be overlooked.
        /// </summary>
        /// <summary>How long opening a known_hosts file may take before it counts as unreadable.</summary>
        public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

        public static KnownHostsFile Load(string path)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            string text;
            try
            {
                text = LocalFile.ReadText(path, "known_hosts file", ReadTimeout);
            }
            catch (FileNotFoundException)
            {
                return new KnownHostsFile(path, false, Array.Empty<KnownHostEntry>(), Array.Empty<string>());
            }
            catch (DirectoryNotFoundException)
            {
                return new KnownHostsFile(path, false, Array.Empty<KnownHostEntry>(), Array.Empty<string>());
            }
            catch (LocalFileException ex)
            {
                throw new KnownHostsFileException(ex.Message, writing: false, ex);
            }

            return Parse(text, path);
        }

        /// <summary>
        /// <see cref="Load"/>, or the file as last loaded while its size and modification time are unchanged:
        /// every host of a fleet checks its key against the same files, which were otherwise parsed once per
        /// host (quadratic in the fleet's size). Anything but an existing file is loaded each time.
        /// </summary>
        public static KnownHostsFile LoadUnlessUnchanged(string path)
        {
            var info = new FileInfo(path ?? throw new ArgumentNullException(nameof(path)));
            if (!info.Exists)
            {
                return Load(path);
            }

            // Taken before reading: a file written meanwhile is read again next time.
            var stamp = (info.Length, info.LastWriteTimeUtc.Ticks);
            if (Loaded.TryGetValue(path, out var last) && last.Stamp == stamp)
            {
                return last.File;
            }

            KnownHostsFile file = Load(path);
            if (Loaded.Count >= MaxRemembered)
            {
                Loaded.Clear();
            }

            Loaded[path] = (stamp, file);
            return file;
        }

        private const int MaxRemembered = 64;

        private static readonly ConcurrentDictionary<string, ((long, long) Stamp, KnownHostsFile File)> Loaded =
            new ConcurrentDictionary<string, ((long, long) Stamp, KnownHostsFile File)>(StringComparer.Ordinal);

        /// <summary>Parses known_hosts text; <paramref name="source"/> names it in entries and notes.</summary>
        public static KnownHostsFile Parse(string text, string source)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var entries = new List<KnownHostEntry>();
            var notes = new List<string>();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int number = i + 1;
                try
                {
                    KnownHostEntry? entry = KnownHostEntry.Parse(lines[i], source, number);
                    if (entry != null)
                    {
                        entries.Add(entry);
                    }
                }
                catch (FormatException e)
                {
                    notes.Add(source + ":" + number.ToString(CultureInfo.InvariantCulture) + ": skipped, " + e.Message);
                }
            }

            return new KnownHostsFile(source, true, entries, notes);
        }

        /// <summary>
        /// Parses what <c>ssh-keyscan</c> prints: known_hosts lines (<c>host type key</c>, <c>[host]:port …</c>,
        /// or hashed with -H) and <c># host:port SSH-2.0-…</c> banner comments, which are skipped.
        /// </summary>
        public static IReadOnlyList<KnownHostEntry> ParseKeyscanOutput(string output) => Parse(output, "ssh-keyscan").Entries;

        /// <summary>
        /// Appends <paramref name="line"/> (one known_hosts line, no newline inside) to <paramref name="path"/>,
        /// creating the file 0600 and missing folders 0700, as one write at the end of the file.
        /// </summary>
        public static void AppendLine(string path, string line)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (line is null || line.IndexOf('\n') >= 0 || line.IndexOf('\r') >= 0)
            {
                throw new ArgumentException("A known_hosts line is one line of text.", nameof(line));
            }

            OwnerOnlyFile.Append(path, _ => line + "\n");
        }
    }
}
