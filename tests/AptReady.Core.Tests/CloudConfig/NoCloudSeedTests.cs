using System.Text;
using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public sealed class NoCloudSeedTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("aptready-seed-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void MetaDataHoldsInstanceIdAndLocalHostName()
        {
            var seed = new NoCloudSeed("#cloud-config\n", "debian-vm-a", "iid-local01");
            Assert.Equal("instance-id: iid-local01\nlocal-hostname: debian-vm-a\n", seed.MetaData);
        }

        [Fact]
        public void EachSeedGetsANewInstanceIdUnlessGiven()
        {
            var a = new NoCloudSeed("#cloud-config\n");
            var b = new NoCloudSeed("#cloud-config\n");
            Assert.NotEqual(a.InstanceId, b.InstanceId);
            Assert.StartsWith("iid-", a.InstanceId);
            Assert.Throws<ArgumentException>(() => new NoCloudSeed("#cloud-config\n", instanceId: "../x"));
            Assert.Throws<ArgumentException>(() => new NoCloudSeed("#cloud-config\n", localHostName: "bad host"));
        }

        [Fact]
        public void FromDocumentUsesTheHostName()
        {
            var seed = NoCloudSeed.FromDocument(new CloudConfigDocument { HostName = "vm1" }, "iid-1");
            Assert.StartsWith("#cloud-config\nhostname: vm1\n", seed.UserData);
            Assert.Contains("local-hostname: vm1\n", seed.MetaData);
        }

        [Fact]
        public void FirstExistingNamesWhatWritingWouldReplace()
        {
            string userData = Path.Combine(_folder, "vm.yml");
            string iso = Path.Combine(_folder, "seed.ISO");
            string seedFolder = Path.Combine(_folder, "seed");
            Assert.Null(NoCloudSeed.FirstExisting(userData, seedFolder));
            Assert.Null(NoCloudSeed.FirstExisting(null, null));
            Assert.Null(NoCloudSeed.FirstExisting(null, iso));

            Directory.CreateDirectory(seedFolder);
            File.WriteAllText(Path.Combine(seedFolder, "network-config"), "version: 2\n");
            Assert.Equal(Path.Combine(seedFolder, "network-config"), NoCloudSeed.FirstExisting(userData, seedFolder));

            File.WriteAllText(iso, string.Empty);
            Assert.True(NoCloudSeed.IsIsoPath(iso));
            Assert.False(NoCloudSeed.IsIsoPath(seedFolder));
            Assert.Equal(iso, NoCloudSeed.FirstExisting(null, iso));

            // The user-data file is named first: its id (OutFileExists) wins over the seed's.
            Directory.CreateDirectory(userData);
            Assert.Equal(userData, NoCloudSeed.FirstExisting(userData, iso));
        }

        [Fact]
        public void WritesTheFolderAndRefusesToOverwriteWithoutForce()
        {
            var seed = new NoCloudSeed("#cloud-config\nhostname: vm\n", "vm", "iid-1", networkConfig: "version: 2\n");
            string target = Path.Combine(_folder, "seed");
            var written = seed.WriteFolder(target);
            Assert.Equal(new[] { "user-data", "meta-data", "network-config" }, written.Select(Path.GetFileName));
            Assert.Equal(seed.UserData, File.ReadAllText(Path.Combine(target, "user-data")));
            Assert.Equal(Encoding.UTF8.GetBytes("instance-id: iid-1\nlocal-hostname: vm\n"), File.ReadAllBytes(Path.Combine(target, "meta-data")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(target, "user-data")));
            }

            var second = new NoCloudSeed("#cloud-config\nhostname: other\n", "other", "iid-2");
            Assert.Throws<IOException>(() => second.WriteFolder(target));
            Assert.Equal(seed.UserData, File.ReadAllText(Path.Combine(target, "user-data")));

            second.WriteFolder(target, force: true);
            Assert.Equal(second.UserData, File.ReadAllText(Path.Combine(target, "user-data")));
            Assert.False(File.Exists(Path.Combine(target, "network-config")), "a stale network-config must not survive a forced rewrite");
            Assert.Equal(new[] { "meta-data", "user-data" }, Directory.GetFiles(target).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void WritesTheIsoAtomicallyAndRefusesToOverwriteWithoutForce()
        {
            string iso = Path.Combine(_folder, "seed.iso");
            File.WriteAllText(iso, "keep me");
            var seed = new NoCloudSeed("#cloud-config\n", "vm", "iid-1");
            Assert.Throws<IOException>(() => seed.WriteIso(iso));
            Assert.Equal("keep me", File.ReadAllText(iso));
            seed.WriteIso(iso, force: true);
            Assert.Equal(0, new FileInfo(iso).Length % 2048);
            Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
        }

        [ToolFact("/usr/bin/isoinfo")]
        public void IsoHoldsTheSeedFilesForIsoInfo()
        {
            var seed = NoCloudSeed.FromDocument(new CloudConfigDocument { HostName = "vm1", HostKeys = new[] { HostKeyPair.Generate() } }, vendorData: "#cloud-config\n");
            string iso = Path.Combine(_folder, "seed.iso");
            seed.WriteIso(iso);
            var info = ExternalTools.Run("/usr/bin/isoinfo", new[] { "-d", "-i", iso });
            Assert.Contains("Volume id: cidata\n", info.StdOut);
            Assert.Equal(Encoding.UTF8.GetBytes(seed.UserData), Iso9660WriterTests.ExtractWithIsoInfo(iso, "/user-data"));
            Assert.Equal(Encoding.UTF8.GetBytes(seed.MetaData), Iso9660WriterTests.ExtractWithIsoInfo(iso, "/meta-data"));
            Assert.Equal(Encoding.UTF8.GetBytes("#cloud-config\n"), Iso9660WriterTests.ExtractWithIsoInfo(iso, "/vendor-data"));
        }
    }
}
