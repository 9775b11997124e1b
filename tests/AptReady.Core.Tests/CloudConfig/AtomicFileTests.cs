using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public sealed class AtomicFileTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("aptready-atomic-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void WritesOwnerOnlyAndLeavesNoTemporaryFile()
        {
            string path = Path.Combine(_folder, "user-data.yml");
            AtomicFile.Write(path, new byte[] { 1, 2, 3 }, force: false);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
            Assert.Equal(new[] { path }, Directory.GetFiles(_folder));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }

        [Fact]
        public void RefusesToReplaceWithoutForceAndReplacesWithIt()
        {
            string path = Path.Combine(_folder, "user-data.yml");
            File.WriteAllText(path, "old");
            Assert.Throws<IOException>(() => AtomicFile.Write(path, new byte[] { 65 }, force: false));
            Assert.Equal("old", File.ReadAllText(path));
            AtomicFile.Write(path, new byte[] { 65 }, force: true);
            Assert.Equal("A", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void AMissingFolderFailsWithoutLeavingAnything()
        {
            string path = Path.Combine(_folder, "missing", "user-data.yml");
            Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, new byte[] { 1 }, force: false));
            Assert.Empty(Directory.GetFileSystemEntries(_folder));
        }
    }
}
