using System.Text;
using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public sealed class Iso9660WriterTests : IDisposable
    {
        private const string IsoInfo = "/usr/bin/isoinfo";
        private static readonly DateTimeOffset Stamp = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);
        private readonly string _folder = Directory.CreateTempSubdirectory("aptready-iso-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void HasTheVolumeDescriptorsWhereIso9660PutsThem()
        {
            byte[] image = new Iso9660Writer("cidata", Stamp).ToBytes(new[] { new Iso9660File("user-data", Encoding.ASCII.GetBytes("#cloud-config\n")) });
            Assert.Equal(0, image.Length % 2048);
            Assert.All(image.Take(16 * 2048), b => Assert.Equal(0, b));
            Assert.Equal(1, image[16 * 2048]);
            Assert.Equal("CD001", Encoding.ASCII.GetString(image, (16 * 2048) + 1, 5));
            Assert.Equal("cidata", Encoding.ASCII.GetString(image, (16 * 2048) + 40, 32).TrimEnd());
            Assert.Equal(2, image[17 * 2048]);
            Assert.Equal(new byte[] { 0x25, 0x2F, 0x45 }, image.Skip((17 * 2048) + 88).Take(3));
            Assert.Equal("cidata", Encoding.BigEndianUnicode.GetString(image, (17 * 2048) + 40, 32).TrimEnd());
            Assert.Equal(255, image[18 * 2048]);
            uint sectors = BitConverter.ToUInt32(image, (16 * 2048) + 80);
            Assert.Equal((uint)(image.Length / 2048), sectors);
        }

        [Fact]
        public void IsDeterministicForAGivenTime()
        {
            var files = new[] { new Iso9660File("a", new byte[] { 1 }) };
            Assert.Equal(new Iso9660Writer("cidata", Stamp).ToBytes(files), new Iso9660Writer("cidata", Stamp).ToBytes(files));
        }

        [Theory]
        [InlineData("user-data", "USER_DAT.")]
        [InlineData("network-config", "NETWORK_.")]
        [InlineData("a.tar.gz", "A_TAR.GZ")]
        [InlineData(".hidden", "_HIDDEN.")]
        public void PrimaryNamesAreLevelOneNames(string joliet, string primary)
        {
            Assert.Equal(primary, Iso9660Layout.PrimaryNames(new[] { joliet })[0]);
        }

        [Fact]
        public void PrimaryNamesAreMadeUnique()
        {
            var names = Iso9660Layout.PrimaryNames(new[] { "user-data", "user_data", "User-Data2" });
            Assert.Equal(3, names.Distinct().Count());
            Assert.Equal("USER_DAT.", names[0]);
            Assert.Equal("USER_DA1.", names[1]);
        }

        [Fact]
        public void RefusesBadNamesAndDuplicates()
        {
            Assert.Throws<ArgumentException>(() => new Iso9660File("a/b", Array.Empty<byte>()));
            Assert.Throws<ArgumentException>(() => new Iso9660File(new string('a', 65), Array.Empty<byte>()));
            Assert.Throws<ArgumentException>(() => new Iso9660Writer("cidata").ToBytes(new[] { new Iso9660File("x", new byte[1]), new Iso9660File("x", new byte[2]) }));
            Assert.Throws<ArgumentException>(() => new Iso9660Writer("ci data"));
        }

        [ToolFact(IsoInfo)]
        public void IsoInfoSeesTheLabelJolietAndTheFiles()
        {
            var files = SampleFiles();
            string iso = WriteImage(files);
            var info = ExternalTools.Run(IsoInfo, new[] { "-d", "-i", iso });
            Assert.True(info.ExitCode == 0, info.StdErr);
            Assert.Contains("Volume id: cidata\n", info.StdOut);
            Assert.Contains("Logical block size is: 2048\n", info.StdOut);
            Assert.Contains("Joliet with UCS level 3 found", info.StdOut);

            // isoinfo turns Joliet's UCS-2 names into ISO-8859-1 whatever the locale.
            var listing = ExternalTools.Run(IsoInfo, new[] { "-J", "-l", "-i", iso }, outputEncoding: Encoding.Latin1);
            Assert.True(listing.ExitCode == 0, listing.StdErr);
            foreach (Iso9660File file in files)
            {
                Assert.Matches($@"\s{file.Content.Length} .*\[\s*\d+ 00\]\s+{System.Text.RegularExpressions.Regex.Escape(file.Name)}\s*\n", listing.StdOut);
            }
        }

        [ToolFact("/sbin/blkid")]
        public void BlkidFindsTheCidataLabelCloudInitLooksFor()
        {
            // cloud-init's NoCloud finds its seed with blkid by file system label.
            string iso = WriteImage(SampleFiles());
            var result = ExternalTools.Run("/sbin/blkid", new[] { "-p", "-o", "export", iso });
            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains("\nLABEL=cidata\n", "\n" + result.StdOut);
            Assert.Contains("\nTYPE=iso9660\n", "\n" + result.StdOut);
        }

        [ToolFact(IsoInfo)]
        public void IsoInfoExtractsTheExactBytesOfEveryFile()
        {
            var files = SampleFiles();
            string iso = WriteImage(files);
            // isoinfo matches -x against Latin-1 names, so a name outside ASCII cannot be given to it from .NET.
            foreach (Iso9660File file in files.Where(f => f.Name.All(char.IsAscii)))
            {
                byte[] extracted = ExtractWithIsoInfo(iso, "/" + file.Name);
                Assert.Equal(file.Content, extracted);
            }
        }

        [ToolFact(IsoInfo)]
        public void ADirectorySpanningSeveralSectorsIsReadWhole()
        {
            // 60 files with long Joliet names need more than one 2048-byte directory sector.
            var files = Enumerable.Range(0, 60).Select(i => new Iso9660File($"file-number-{i:D3}-with-a-rather-long-joliet-name", Encoding.UTF8.GetBytes("content " + i))).ToList();
            string iso = WriteImage(files);
            var listing = ExternalTools.Run(IsoInfo, new[] { "-J", "-l", "-i", iso });
            Assert.Equal(60, listing.StdOut.Split('\n').Count(l => l.Contains("with-a-rather-long-joliet-name")));
            Assert.Equal(files[59].Content, ExtractWithIsoInfo(iso, "/" + files[59].Name));
            var primary = ExternalTools.Run(IsoInfo, new[] { "-l", "-i", iso });
            Assert.Equal(60, primary.StdOut.Split('\n').Count(l => l.TrimEnd().EndsWith(";1", StringComparison.Ordinal)));
        }

        [ToolFact("/usr/bin/osirrox")]
        public void XorrisoExtractsTheJolietTreeWithUnicodeNames()
        {
            var files = SampleFiles();
            string iso = WriteImage(files);
            string target = Path.Combine(_folder, "out");
            var result = ExternalTools.Run("/usr/bin/osirrox", new[] { "-abort_on", "SORRY", "-rockridge", "off", "-joliet", "on", "-indev", iso, "-extract", "/", target });
            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Contains("Volume id    : 'cidata'", result.StdErr + result.StdOut);
            Assert.Equal(files.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(target).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            foreach (Iso9660File file in files)
            {
                Assert.Equal(file.Content, File.ReadAllBytes(Path.Combine(target, file.Name)));
            }
        }

        [LoopMountFact]
        public void LoopMountShowsTheSameFiles()
        {
            var files = SampleFiles();
            string iso = WriteImage(files);
            string mountPoint = Path.Combine(_folder, "mnt");
            Directory.CreateDirectory(mountPoint);
            var mount = ExternalTools.Run("mount", new[] { "-o", "loop,ro,utf8", iso, mountPoint });
            Assert.True(mount.ExitCode == 0, mount.StdErr);
            try
            {
                Assert.Equal(files.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(mountPoint).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
                foreach (Iso9660File file in files)
                {
                    Assert.Equal(file.Content, File.ReadAllBytes(Path.Combine(mountPoint, file.Name)));
                }
            }
            finally
            {
                ExternalTools.Run("umount", new[] { mountPoint });
            }
        }

        internal static IReadOnlyList<Iso9660File> SampleFiles()
        {
            var random = new Random(7);
            byte[] big = new byte[(3 * 2048) + 17];
            random.NextBytes(big);
            return new[]
            {
                new Iso9660File("user-data", Encoding.UTF8.GetBytes("#cloud-config\nhostname: vm\n")),
                new Iso9660File("meta-data", Encoding.UTF8.GetBytes("instance-id: iid-1\n")),
                new Iso9660File("network-config", Array.Empty<byte>()),
                new Iso9660File("vendor-data", new byte[2048]),
                new Iso9660File("blob.bin", big),
                new Iso9660File("ünïcødé name", Encoding.UTF8.GetBytes("u")),
            };
        }

        private string WriteImage(IReadOnlyList<Iso9660File> files)
        {
            string iso = Path.Combine(_folder, "seed.iso");
            File.WriteAllBytes(iso, new Iso9660Writer("cidata", Stamp).ToBytes(files));
            return iso;
        }

        internal static byte[] ExtractWithIsoInfo(string iso, string path)
        {
            var start = new System.Diagnostics.ProcessStartInfo(IsoInfo) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string argument in new[] { "-J", "-x", path, "-i", iso })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(start)!;
            using var buffer = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(buffer);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return buffer.ToArray();
        }
    }
}
