using System;
using System.IO;
using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    /// <summary>A fleet's hosts share one parse of each known_hosts file, and a changed file is read anew.</summary>
    public sealed class KnownHostsReloadTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "aptready-kh-" + Guid.NewGuid().ToString("n"));

        public KnownHostsReloadTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void AnUnchangedFileIsParsedOnce()
        {
            string path = Path.Combine(_folder, "known_hosts");
            File.WriteAllText(path, "host-a ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n");

            KnownHostsFile first = KnownHostsFile.LoadUnlessUnchanged(path);
            KnownHostsFile second = KnownHostsFile.LoadUnlessUnchanged(path);

            Assert.Same(first, second);
            Assert.Single(second.Entries);
        }

        [Fact]
        public void AnAppendedLineIsSeen()
        {
            string path = Path.Combine(_folder, "known_hosts");
            File.WriteAllText(path, "host-a ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n");
            Assert.Single(KnownHostsFile.LoadUnlessUnchanged(path).Entries);

            KnownHostsFile.AppendLine(path, "host-b ssh-ed25519 " + SampleKeys.OtherEd25519Base64);

            KnownHostsFile after = KnownHostsFile.LoadUnlessUnchanged(path);
            Assert.Equal(new[] { "host-a", "host-b" }, new[] { after.Entries[0].Hosts, after.Entries[1].Hosts });
        }

        [Fact]
        public void AFileOfTheSameSizeRewrittenLaterIsReadAgain()
        {
            string path = Path.Combine(_folder, "known_hosts");
            File.WriteAllText(path, "host-a ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n");
            Assert.Equal("host-a", KnownHostsFile.LoadUnlessUnchanged(path).Entries[0].Hosts);

            File.WriteAllText(path, "host-z ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n");
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));

            Assert.Equal("host-z", KnownHostsFile.LoadUnlessUnchanged(path).Entries[0].Hosts);
        }

        [Fact]
        public void AMissingFileReadsAsEmptyAndIsReadWhenItAppears()
        {
            string path = Path.Combine(_folder, "known_hosts");
            Assert.Empty(KnownHostsFile.LoadUnlessUnchanged(path).Entries);

            File.WriteAllText(path, "host-a ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n");

            Assert.Single(KnownHostsFile.LoadUnlessUnchanged(path).Entries);
        }
    }
}
