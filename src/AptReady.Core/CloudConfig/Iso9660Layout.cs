using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// Where everything of an ISO 9660 image goes: the level-1 and Joliet name of each file, the sectors of
    /// both root directories (they follow the descriptors and path tables) and each file's extent.
    /// </summary>
    internal sealed class Iso9660Layout
    {
        private const int FirstDirectorySector = 23;

        private Iso9660Layout(IReadOnlyList<Iso9660DirectoryEntry> primaryEntries, IReadOnlyList<Iso9660DirectoryEntry> jolietEntries, IReadOnlyList<Iso9660Extent> extents, uint primaryRootSector, int primaryRootSectors, uint jolietRootSector, int jolietRootSectors, uint totalSectors)
        {
            PrimaryEntries = primaryEntries;
            JolietEntries = jolietEntries;
            Extents = extents;
            PrimaryRootSector = primaryRootSector;
            PrimaryRootSectors = primaryRootSectors;
            JolietRootSector = jolietRootSector;
            JolietRootSectors = jolietRootSectors;
            TotalSectors = totalSectors;
        }

        public IReadOnlyList<Iso9660DirectoryEntry> PrimaryEntries { get; }

        public IReadOnlyList<Iso9660DirectoryEntry> JolietEntries { get; }

        public IReadOnlyList<Iso9660Extent> Extents { get; }

        public uint PrimaryRootSector { get; }

        public int PrimaryRootSectors { get; }

        public uint JolietRootSector { get; }

        public int JolietRootSectors { get; }

        public uint TotalSectors { get; }

        /// <summary>Lays out <paramref name="files"/>: names, directory sizes and each file's extent.</summary>
        public static Iso9660Layout Plan(IReadOnlyList<Iso9660File> files)
        {
            IReadOnlyList<string> primaryNames = PrimaryNames(files.Select(f => f.Name).ToList());
            var extents = files.Select(f => new Iso9660Extent(f)).ToList();
            var primary = extents.Select((e, i) => new Iso9660DirectoryEntry(Encoding.ASCII.GetBytes(primaryNames[i] + ";1"), e))
                .OrderBy(d => primaryNames[extents.IndexOf(d.Extent)], StringComparer.Ordinal).ToList();
            var joliet = extents.Select(e => new Iso9660DirectoryEntry(Encoding.BigEndianUnicode.GetBytes(e.File.Name), e))
                .OrderBy(d => d.Extent.File.Name, StringComparer.Ordinal).ToList();

            int primarySectors = DirectorySectors(primary);
            int jolietSectors = DirectorySectors(joliet);
            long next = FirstDirectorySector + primarySectors + jolietSectors;
            foreach (Iso9660Extent extent in extents)
            {
                long length = extent.File.Content.LongLength;
                if (length > uint.MaxValue)
                {
                    throw CloudConfigInput.Invalid("files", extent.File.Name, "is larger than one ISO 9660 extent can hold (4 GiB).");
                }

                // An empty file has no extent: location 0, length 0, as mkisofs writes it.
                extent.Sector = length == 0 ? 0 : checked((uint)next);
                next += (length + Iso9660Writer.SectorSize - 1) / Iso9660Writer.SectorSize;
            }

            if (next > uint.MaxValue)
            {
                throw new ArgumentException("The files do not fit into one ISO 9660 volume.", nameof(files));
            }

            return new Iso9660Layout(primary, joliet, extents, FirstDirectorySector, primarySectors, (uint)(FirstDirectorySector + primarySectors), jolietSectors, (uint)next);
        }

        // A directory record never crosses a sector boundary: one that does not fit starts the next sector.
        private static int DirectorySectors(IReadOnlyList<Iso9660DirectoryEntry> entries)
        {
            int sectors = 1;
            int used = 34 + 34;
            foreach (Iso9660DirectoryEntry entry in entries)
            {
                int length = RecordLength(entry.Name.Length);
                if (used + length > Iso9660Writer.SectorSize)
                {
                    sectors++;
                    used = 0;
                }

                used += length;
            }

            return sectors;
        }

        /// <summary>The length of a directory record whose name has <paramref name="nameLength"/> bytes (padded to even).</summary>
        public static int RecordLength(int nameLength) => 33 + nameLength + (nameLength % 2 == 0 ? 1 : 0);

        /// <summary>The ISO 9660 level-1 name ('NAME.EXT') used in the primary directory for each Joliet name, made unique.</summary>
        internal static IReadOnlyList<string> PrimaryNames(IReadOnlyList<string> jolietNames)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var result = new List<string>();
            foreach (string name in jolietNames)
            {
                int dot = name.LastIndexOf('.');
                string stem = DCharacters(dot > 0 ? name.Substring(0, dot) : name, 8);
                string extension = DCharacters(dot > 0 ? name.Substring(dot + 1) : string.Empty, 3);
                if (stem.Length == 0)
                {
                    stem = "_";
                }

                string candidate = stem + "." + extension;
                for (int n = 1; !used.Add(candidate); n++)
                {
                    string suffix = n.ToString(CultureInfo.InvariantCulture);
                    candidate = stem.Substring(0, Math.Min(stem.Length, 8 - suffix.Length)) + suffix + "." + extension;
                }

                result.Add(candidate);
            }

            return result;
        }

        private static string DCharacters(string text, int maxLength)
        {
            var builder = new StringBuilder();
            foreach (char c in text.ToUpperInvariant())
            {
                if (builder.Length == maxLength)
                {
                    break;
                }

                builder.Append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
            }

            return builder.ToString();
        }
    }

    /// <summary>A file's place on the image: its data starts at <see cref="Sector"/> (0 for an empty file).</summary>
    internal sealed class Iso9660Extent
    {
        public Iso9660Extent(Iso9660File file)
        {
            File = file;
        }

        public Iso9660File File { get; }

        public uint Sector { get; set; }
    }

    /// <summary>A file's record in one of the two root directories, with its name as that directory spells it.</summary>
    internal sealed class Iso9660DirectoryEntry
    {
        public Iso9660DirectoryEntry(byte[] name, Iso9660Extent extent)
        {
            Name = name;
            Extent = extent;
        }

        public byte[] Name { get; }

        public Iso9660Extent Extent { get; }
    }
}
