using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// Writes a small ISO 9660 image with Joliet names: a flat root directory of files, as a NoCloud seed
    /// needs. Layout (2048-byte sectors): 0–15 system area, 16 primary volume descriptor, 17 Joliet
    /// supplementary volume descriptor, 18 terminator, 19–22 the L and M path tables of each, then the
    /// primary root directory, the Joliet root directory and the file extents. Both directories point at
    /// the same extents; primary names are level-1 8.3 names, Joliet names are the real ones in UCS-2.
    /// </summary>
    public sealed class Iso9660Writer
    {
        /// <summary>The logical sector and block size.</summary>
        public const int SectorSize = 2048;

        private const int FirstDescriptorSector = 16;
        private const int PathTableSector = 19;
        private const int FirstDirectorySector = 23;
        private const int PathTableSize = 10;

        /// <param name="volumeLabel">The volume identifier, e.g. 'cidata': 1–16 letters, digits or '_'.</param>
        /// <param name="recordedAt">The time stamped on the volume and its files; now when null.</param>
        public Iso9660Writer(string volumeLabel, DateTimeOffset? recordedAt = null)
        {
            if (volumeLabel is null || volumeLabel.Length == 0 || volumeLabel.Length > 16 || !volumeLabel.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            {
                throw CloudConfigInput.Invalid(nameof(volumeLabel), volumeLabel ?? string.Empty, "is not a volume label (1 to 16 letters, digits or '_').");
            }

            VolumeLabel = volumeLabel;
            RecordedAt = (recordedAt ?? DateTimeOffset.UtcNow).ToUniversalTime();
        }

        public string VolumeLabel { get; }

        public DateTimeOffset RecordedAt { get; }

        /// <summary>Returns the whole image as bytes.</summary>
        public byte[] ToBytes(IReadOnlyList<Iso9660File> files)
        {
            using (var buffer = new MemoryStream())
            {
                Write(buffer, files);
                return buffer.ToArray();
            }
        }

        /// <summary>Writes the image to <paramref name="output"/> from start to end (no seeking).</summary>
        public void Write(Stream output, IReadOnlyList<Iso9660File> files)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (files is null || files.Any(f => f is null))
            {
                throw new ArgumentException("The file list is null or holds a null entry.", nameof(files));
            }

            var duplicate = files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw CloudConfigInput.Invalid(nameof(files), duplicate.Key, "is the name of more than one file.");
            }

            Layout layout = Plan(files);
            var writer = new SectorWriter(output);
            writer.Zeros(FirstDescriptorSector * SectorSize);
            writer.Write(VolumeDescriptor(layout, joliet: false));
            writer.Write(VolumeDescriptor(layout, joliet: true));
            writer.Write(TerminatorDescriptor());
            writer.Write(PathTable(layout.PrimaryRootSector, bigEndian: false));
            writer.Write(PathTable(layout.PrimaryRootSector, bigEndian: true));
            writer.Write(PathTable(layout.JolietRootSector, bigEndian: false));
            writer.Write(PathTable(layout.JolietRootSector, bigEndian: true));
            writer.Write(Directory(layout, layout.PrimaryEntries, layout.PrimaryRootSector, layout.PrimaryRootSectors));
            writer.Write(Directory(layout, layout.JolietEntries, layout.JolietRootSector, layout.JolietRootSectors));
            foreach (Extent extent in layout.Extents)
            {
                writer.Write(extent.File.Content);
                writer.PadToSector();
            }

            if (writer.Position != (long)layout.TotalSectors * SectorSize)
            {
                throw new InvalidOperationException("The ISO image layout and its written size disagree.");
            }
        }

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

        private Layout Plan(IReadOnlyList<Iso9660File> files)
        {
            IReadOnlyList<string> primaryNames = PrimaryNames(files.Select(f => f.Name).ToList());
            var extents = files.Select(f => new Extent(f)).ToList();
            var primary = extents.Select((e, i) => new DirectoryEntry(Encoding.ASCII.GetBytes(primaryNames[i] + ";1"), e))
                .OrderBy(d => primaryNames[extents.IndexOf(d.Extent)], StringComparer.Ordinal).ToList();
            var joliet = extents.Select(e => new DirectoryEntry(Encoding.BigEndianUnicode.GetBytes(e.File.Name), e))
                .OrderBy(d => d.Extent.File.Name, StringComparer.Ordinal).ToList();

            int primarySectors = DirectorySectors(primary);
            int jolietSectors = DirectorySectors(joliet);
            long next = FirstDirectorySector + primarySectors + jolietSectors;
            foreach (Extent extent in extents)
            {
                long length = extent.File.Content.LongLength;
                if (length > uint.MaxValue)
                {
                    throw CloudConfigInput.Invalid("files", extent.File.Name, "is larger than one ISO 9660 extent can hold (4 GiB).");
                }

                // An empty file has no extent: location 0, length 0, as mkisofs writes it.
                extent.Sector = length == 0 ? 0 : checked((uint)next);
                next += (length + SectorSize - 1) / SectorSize;
            }

            if (next > uint.MaxValue)
            {
                throw new ArgumentException("The files do not fit into one ISO 9660 volume.", nameof(files));
            }

            return new Layout(primary, joliet, extents, FirstDirectorySector, primarySectors, (uint)(FirstDirectorySector + primarySectors), jolietSectors, (uint)next);
        }

        // A directory record never crosses a sector boundary: one that does not fit starts the next sector.
        private static int DirectorySectors(IReadOnlyList<DirectoryEntry> entries)
        {
            int sectors = 1;
            int used = 34 + 34;
            foreach (DirectoryEntry entry in entries)
            {
                int length = RecordLength(entry.Name.Length);
                if (used + length > SectorSize)
                {
                    sectors++;
                    used = 0;
                }

                used += length;
            }

            return sectors;
        }

        private static int RecordLength(int nameLength) => 33 + nameLength + (nameLength % 2 == 0 ? 1 : 0);

        private byte[] Directory(Layout layout, IReadOnlyList<DirectoryEntry> entries, uint sector, int sectors)
        {
            byte[] data = new byte[sectors * SectorSize];
            uint size = (uint)(sectors * SectorSize);
            int position = 0;
            position += DirectoryRecord(data, position, new byte[] { 0 }, sector, size, isDirectory: true);
            position += DirectoryRecord(data, position, new byte[] { 1 }, sector, size, isDirectory: true);
            foreach (DirectoryEntry entry in entries)
            {
                int length = RecordLength(entry.Name.Length);
                if ((position % SectorSize) + length > SectorSize)
                {
                    position = ((position / SectorSize) + 1) * SectorSize;
                }

                position += DirectoryRecord(data, position, entry.Name, entry.Extent.Sector, (uint)entry.Extent.File.Content.LongLength, isDirectory: false);
            }

            return data;
        }

        private int DirectoryRecord(byte[] data, int offset, byte[] name, uint sector, uint size, bool isDirectory)
        {
            int length = RecordLength(name.Length);
            data[offset] = (byte)length;
            data[offset + 1] = 0; // extended attribute record length
            BothEndian32(data, offset + 2, sector);
            BothEndian32(data, offset + 10, size);
            RecordingTime(data, offset + 18);
            data[offset + 25] = (byte)(isDirectory ? 2 : 0);
            data[offset + 26] = 0; // file unit size (not interleaved)
            data[offset + 27] = 0; // interleave gap
            BothEndian16(data, offset + 28, 1); // volume sequence number
            data[offset + 32] = (byte)name.Length;
            Buffer.BlockCopy(name, 0, data, offset + 33, name.Length);
            return length;
        }

        private byte[] VolumeDescriptor(Layout layout, bool joliet)
        {
            byte[] d = new byte[SectorSize];
            d[0] = (byte)(joliet ? 2 : 1);
            Encoding.ASCII.GetBytes("CD001", 0, 5, d, 1);
            d[6] = 1;
            Text(d, 8, 32, string.Empty, joliet); // system identifier
            Text(d, 40, 32, VolumeLabel, joliet);
            BothEndian32(d, 80, layout.TotalSectors);
            if (joliet)
            {
                // Escape sequence %/E: Joliet level 3 (UCS-2).
                d[88] = 0x25;
                d[89] = 0x2F;
                d[90] = 0x45;
            }

            BothEndian16(d, 120, 1); // volume set size
            BothEndian16(d, 124, 1); // volume sequence number
            BothEndian16(d, 128, SectorSize);
            BothEndian32(d, 132, PathTableSize);
            uint pathTables = (uint)(PathTableSector + (joliet ? 2 : 0));
            LittleEndian32(d, 140, pathTables);
            BigEndian32(d, 148, pathTables + 1);
            uint rootSector = joliet ? layout.JolietRootSector : layout.PrimaryRootSector;
            int rootSectors = joliet ? layout.JolietRootSectors : layout.PrimaryRootSectors;
            DirectoryRecord(d, 156, new byte[] { 0 }, rootSector, (uint)(rootSectors * SectorSize), isDirectory: true);
            Text(d, 190, 128, string.Empty, joliet); // volume set
            Text(d, 318, 128, string.Empty, joliet); // publisher
            Text(d, 446, 128, string.Empty, joliet); // data preparer
            Text(d, 574, 128, "APTREADY", joliet); // application
            Text(d, 702, 37, string.Empty, joliet); // copyright file
            Text(d, 739, 37, string.Empty, joliet); // abstract file
            Text(d, 776, 37, string.Empty, joliet); // bibliographic file
            VolumeTime(d, 813, RecordedAt); // creation
            VolumeTime(d, 830, RecordedAt); // modification
            VolumeTime(d, 847, null); // expiration
            VolumeTime(d, 864, null); // effective
            d[881] = 1; // file structure version
            return d;
        }

        private static byte[] TerminatorDescriptor()
        {
            byte[] d = new byte[SectorSize];
            d[0] = 255;
            Encoding.ASCII.GetBytes("CD001", 0, 5, d, 1);
            d[6] = 1;
            return d;
        }

        // The path table of a volume with only a root directory: one 10-byte record.
        private static byte[] PathTable(uint rootSector, bool bigEndian)
        {
            byte[] table = new byte[SectorSize];
            table[0] = 1; // identifier length
            table[1] = 0; // extended attribute record length
            if (bigEndian)
            {
                BigEndian32(table, 2, rootSector);
                table[6] = 0;
                table[7] = 1;
            }
            else
            {
                LittleEndian32(table, 2, rootSector);
                table[6] = 1;
                table[7] = 0;
            }

            table[8] = 0; // root identifier
            return table;
        }

        // Identifiers: a-characters padded with spaces, or UCS-2 big-endian padded with UCS-2 spaces for Joliet.
        private static void Text(byte[] data, int offset, int length, string value, bool joliet)
        {
            byte[] bytes = joliet ? Encoding.BigEndianUnicode.GetBytes(value) : Encoding.ASCII.GetBytes(value);
            Buffer.BlockCopy(bytes, 0, data, offset, Math.Min(bytes.Length, length));
            for (int i = offset + bytes.Length; i < offset + length; i++)
            {
                data[i] = (byte)(joliet && (i - offset) % 2 == 0 ? 0 : 0x20);
            }
        }

        private void RecordingTime(byte[] data, int offset)
        {
            DateTimeOffset t = RecordedAt;
            data[offset] = (byte)(t.Year - 1900);
            data[offset + 1] = (byte)t.Month;
            data[offset + 2] = (byte)t.Day;
            data[offset + 3] = (byte)t.Hour;
            data[offset + 4] = (byte)t.Minute;
            data[offset + 5] = (byte)t.Second;
            data[offset + 6] = 0; // UTC
        }

        // 'YYYYMMDDHHMMSScc' in ASCII digits plus a UTC offset byte; all zero digits mean "not specified".
        private static void VolumeTime(byte[] data, int offset, DateTimeOffset? time)
        {
            string digits = time.HasValue
                ? time.Value.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (time.Value.UtcDateTime.Millisecond / 10).ToString("00", CultureInfo.InvariantCulture)
                : "0000000000000000";
            Encoding.ASCII.GetBytes(digits, 0, 16, data, offset);
            data[offset + 16] = 0;
        }

        private static void BothEndian16(byte[] data, int offset, int value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }

        private static void BothEndian32(byte[] data, int offset, uint value)
        {
            LittleEndian32(data, offset, value);
            BigEndian32(data, offset + 4, value);
        }

        private static void LittleEndian32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)value;
            data[offset + 1] = (byte)(value >> 8);
            data[offset + 2] = (byte)(value >> 16);
            data[offset + 3] = (byte)(value >> 24);
        }

        private static void BigEndian32(byte[] data, int offset, uint value)
        {
            data[offset] = (byte)(value >> 24);
            data[offset + 1] = (byte)(value >> 16);
            data[offset + 2] = (byte)(value >> 8);
            data[offset + 3] = (byte)value;
        }

        private sealed class Extent
        {
            public Extent(Iso9660File file)
            {
                File = file;
            }

            public Iso9660File File { get; }

            public uint Sector { get; set; }
        }

        private sealed class DirectoryEntry
        {
            public DirectoryEntry(byte[] name, Extent extent)
            {
                Name = name;
                Extent = extent;
            }

            public byte[] Name { get; }

            public Extent Extent { get; }
        }

        private sealed class Layout
        {
            public Layout(IReadOnlyList<DirectoryEntry> primaryEntries, IReadOnlyList<DirectoryEntry> jolietEntries, IReadOnlyList<Extent> extents, uint primaryRootSector, int primaryRootSectors, uint jolietRootSector, int jolietRootSectors, uint totalSectors)
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

            public IReadOnlyList<DirectoryEntry> PrimaryEntries { get; }

            public IReadOnlyList<DirectoryEntry> JolietEntries { get; }

            public IReadOnlyList<Extent> Extents { get; }

            public uint PrimaryRootSector { get; }

            public int PrimaryRootSectors { get; }

            public uint JolietRootSector { get; }

            public int JolietRootSectors { get; }

            public uint TotalSectors { get; }
        }

        /// <summary>Counts what it writes so sector padding needs no seeking.</summary>
        private sealed class SectorWriter
        {
            private readonly Stream _output;

            public SectorWriter(Stream output)
            {
                _output = output;
            }

            public long Position { get; private set; }

            public void Write(byte[] data)
            {
                _output.Write(data, 0, data.Length);
                Position += data.Length;
            }

            public void Zeros(int count) => Write(new byte[count]);

            public void PadToSector()
            {
                int remainder = (int)(Position % SectorSize);
                if (remainder != 0)
                {
                    Zeros(SectorSize - remainder);
                }
            }
        }
    }
}
