using System;
using System.Collections.Generic;
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

            Iso9660Layout layout = Iso9660Layout.Plan(files);
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
            foreach (Iso9660Extent extent in layout.Extents)
            {
                writer.Write(extent.File.Content);
                writer.PadToSector();
            }

            if (writer.Position != (long)layout.TotalSectors * SectorSize)
            {
                throw new InvalidOperationException("The ISO image layout and its written size disagree.");
            }
        }

        private byte[] Directory(Iso9660Layout layout, IReadOnlyList<Iso9660DirectoryEntry> entries, uint sector, int sectors)
        {
            byte[] data = new byte[sectors * SectorSize];
            uint size = (uint)(sectors * SectorSize);
            int position = 0;
            position += DirectoryRecord(data, position, new byte[] { 0 }, sector, size, isDirectory: true);
            position += DirectoryRecord(data, position, new byte[] { 1 }, sector, size, isDirectory: true);
            foreach (Iso9660DirectoryEntry entry in entries)
            {
                int length = Iso9660Layout.RecordLength(entry.Name.Length);
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
            int length = Iso9660Layout.RecordLength(name.Length);
            data[offset] = (byte)length;
            data[offset + 1] = 0; // extended attribute record length
            Iso9660Fields.BothEndian32(data, offset + 2, sector);
            Iso9660Fields.BothEndian32(data, offset + 10, size);
            Iso9660Fields.RecordingTime(data, offset + 18, RecordedAt);
            data[offset + 25] = (byte)(isDirectory ? 2 : 0);
            data[offset + 26] = 0; // file unit size (not interleaved)
            data[offset + 27] = 0; // interleave gap
            Iso9660Fields.BothEndian16(data, offset + 28, 1); // volume sequence number
            data[offset + 32] = (byte)name.Length;
            Buffer.BlockCopy(name, 0, data, offset + 33, name.Length);
            return length;
        }

        private byte[] VolumeDescriptor(Iso9660Layout layout, bool joliet)
        {
            byte[] d = new byte[SectorSize];
            d[0] = (byte)(joliet ? 2 : 1);
            Encoding.ASCII.GetBytes("CD001", 0, 5, d, 1);
            d[6] = 1;
            Iso9660Fields.Text(d, 8, 32, string.Empty, joliet); // system identifier
            Iso9660Fields.Text(d, 40, 32, VolumeLabel, joliet);
            Iso9660Fields.BothEndian32(d, 80, layout.TotalSectors);
            if (joliet)
            {
                // Escape sequence %/E: Joliet level 3 (UCS-2).
                d[88] = 0x25;
                d[89] = 0x2F;
                d[90] = 0x45;
            }

            Iso9660Fields.BothEndian16(d, 120, 1); // volume set size
            Iso9660Fields.BothEndian16(d, 124, 1); // volume sequence number
            Iso9660Fields.BothEndian16(d, 128, SectorSize);
            Iso9660Fields.BothEndian32(d, 132, PathTableSize);
            uint pathTables = (uint)(PathTableSector + (joliet ? 2 : 0));
            Iso9660Fields.LittleEndian32(d, 140, pathTables);
            Iso9660Fields.BigEndian32(d, 148, pathTables + 1);
            uint rootSector = joliet ? layout.JolietRootSector : layout.PrimaryRootSector;
            int rootSectors = joliet ? layout.JolietRootSectors : layout.PrimaryRootSectors;
            DirectoryRecord(d, 156, new byte[] { 0 }, rootSector, (uint)(rootSectors * SectorSize), isDirectory: true);
            Iso9660Fields.Text(d, 190, 128, string.Empty, joliet); // volume set
            Iso9660Fields.Text(d, 318, 128, string.Empty, joliet); // publisher
            Iso9660Fields.Text(d, 446, 128, string.Empty, joliet); // data preparer
            Iso9660Fields.Text(d, 574, 128, "APTREADY", joliet); // application
            Iso9660Fields.Text(d, 702, 37, string.Empty, joliet); // copyright file
            Iso9660Fields.Text(d, 739, 37, string.Empty, joliet); // abstract file
            Iso9660Fields.Text(d, 776, 37, string.Empty, joliet); // bibliographic file
            Iso9660Fields.VolumeTime(d, 813, RecordedAt); // creation
            Iso9660Fields.VolumeTime(d, 830, RecordedAt); // modification
            Iso9660Fields.VolumeTime(d, 847, null); // expiration
            Iso9660Fields.VolumeTime(d, 864, null); // effective
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
                Iso9660Fields.BigEndian32(table, 2, rootSector);
                table[6] = 0;
                table[7] = 1;
            }
            else
            {
                Iso9660Fields.LittleEndian32(table, 2, rootSector);
                table[6] = 1;
                table[7] = 0;
            }

            table[8] = 0; // root identifier
            return table;
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
