using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    public class KnownHostsFileTests
    {
        private static readonly string Sample =
            "# written by hand\n"
            + "\n"
            + "   \t\n"
            + "host-a.lab,10.0.0.5 ssh-ed25519 " + SampleKeys.Ed25519Base64 + " root@citest (added 2025)\n"
            + "[host-a.lab]:2222 ecdsa-sha2-nistp256 " + SampleKeys.EcdsaBase64 + "\n"
            + "|1|gN0h3VNrsNGxf1AdVRvy6oUn3Pg=|vE/hdSXoEadcfrh7hatE4Zg1aoE= ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n"
            + "@revoked * ssh-rsa " + SampleKeys.RsaBase64 + "\n"
            + "@cert-authority *.lab ssh-ed25519 " + SampleKeys.OtherEd25519Base64 + "\r\n"
            + "@trusted host ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n"
            + "broken ssh-ed25519 not*base64\n"
            + "liar ssh-rsa " + SampleKeys.Ed25519Base64 + "\n"
            + "old 1024 35 1234567\n"
            + "nokey ssh-ed25519\n"
            + "|1|short|hash ssh-ed25519 " + SampleKeys.Ed25519Base64 + "\n";

        [Fact]
        public void ReadsEntriesWithMarkersAndLineNumbers()
        {
            KnownHostsFile file = KnownHostsFile.Parse(Sample, "/home/u/.ssh/known_hosts");

            Assert.Equal(5, file.Entries.Count);
            KnownHostEntry first = file.Entries[0];
            Assert.Equal("host-a.lab,10.0.0.5", first.Hosts);
            Assert.Equal("ssh-ed25519", first.KeyType);
            Assert.Equal("root@citest (added 2025)", first.Comment);
            Assert.Equal(4, first.LineNumber);
            Assert.Equal("/home/u/.ssh/known_hosts:4", first.Location);
            Assert.Equal(SampleKeys.Ed25519Sha256, first.Fingerprint.ToString());
            Assert.False(first.IsHashed);

            Assert.Equal(5, file.Entries[1].LineNumber);
            Assert.True(file.Entries[2].IsHashed);
            Assert.Equal(KnownHostMarker.Revoked, file.Entries[3].Marker);
            Assert.Equal("ssh-rsa", file.Entries[3].KeyType);
            Assert.Equal(KnownHostMarker.CertAuthority, file.Entries[4].Marker);
            Assert.Equal(8, file.Entries[4].LineNumber);
        }

        [Fact]
        public void NotesEachSkippedLine()
        {
            KnownHostsFile file = KnownHostsFile.Parse(Sample, "kh");

            Assert.Equal(6, file.Notes.Count);
            Assert.StartsWith("kh:9: skipped, unknown marker '@trusted'", file.Notes[0]);
            Assert.StartsWith("kh:10: skipped, the key of type ssh-ed25519 is not valid base64", file.Notes[1]);
            Assert.Contains("kh:11: skipped, the key does not hold a ssh-rsa key (it holds ssh-ed25519)", file.Notes[2]);
            Assert.Contains("kh:12: skipped, this is an SSH protocol 1", file.Notes[3]);
            Assert.StartsWith("kh:13:", file.Notes[4]);
            Assert.StartsWith("kh:14: skipped, the hashed host", file.Notes[5]);
        }

        [Theory]
        [InlineData("host-a.lab", 22, new[] { 4 })]
        [InlineData("HOST-A.LAB", 22, new[] { 4 })]
        [InlineData("10.0.0.5", 22, new[] { 4 })]
        [InlineData("host-a.lab", 2222, new[] { 5 })]
        [InlineData("127.0.0.1", 2299, new[] { 6 })]
        [InlineData("127.0.0.1", 22, new int[0])]
        [InlineData("host-b.lab", 22, new int[0])]
        public void MatchesHostsAndPorts(string host, int port, int[] lines)
        {
            KnownHostsFile file = KnownHostsFile.Parse(Sample, "kh");
            int[] found = file.Entries.Where(e => e.Marker == KnownHostMarker.None && e.AppliesTo(host, port)).Select(e => e.LineNumber).ToArray();
            Assert.Equal(lines, found);
        }

        [Fact]
        public void ReadsRealKeyscanOutput()
        {
            IReadOnlyList<KnownHostEntry> entries = KnownHostsFile.ParseKeyscanOutput(SampleKeys.KeyscanOutput);

            Assert.Equal(2, entries.Count);
            Assert.Equal(new[] { "ecdsa-sha2-nistp256", "ssh-ed25519" }, entries.Select(e => e.KeyType));
            Assert.All(entries, e => Assert.True(e.AppliesTo("127.0.0.1", 2299)));
            Assert.Equal(SampleKeys.EcdsaSha256, entries[0].Fingerprint.ToString());
            Assert.Equal(SampleKeys.Ed25519Sha256, entries[1].Fingerprint.ToString());

            KnownHostEntry hashed = Assert.Single(KnownHostsFile.ParseKeyscanOutput(SampleKeys.HashedKeyscanOutput));
            Assert.True(hashed.IsHashed);
            Assert.True(hashed.AppliesTo("127.0.0.1", 2299));
            Assert.False(hashed.AppliesTo("127.0.0.1", 22));
            Assert.True(hashed.HasKey(SampleKeys.Ed25519));
        }

        [Fact]
        public void MissingFileReadsEmpty()
        {
            KnownHostsFile file = KnownHostsFile.Load("/nonexistent-aptready/known_hosts");
            Assert.False(file.Exists);
            Assert.Empty(file.Entries);
        }

        [Theory]
        [InlineData("a.lab", "*.lab", true)]
        [InlineData("a.b.lab", "*.lab", true)]
        [InlineData("lab", "*.lab", false)]
        [InlineData("10.0.0.5", "10.0.0.?", true)]
        [InlineData("10.0.0.15", "10.0.0.?", false)]
        [InlineData("[10.0.0.5]:2222", "[10.0.0.?]:2222", true)]
        [InlineData("[a.lab]:2222", "*.lab", false)]
        [InlineData("anything", "*", true)]
        [InlineData("ab", "a*b*", true)]
        [InlineData("aXbXc", "a*b*c", true)]
        [InlineData("aXbXd", "a*b*c", false)]
        public void WildcardsMatchLikeOpenSsh(string name, string pattern, bool expected)
        {
            Assert.Equal(expected, HostPatternList.Match(pattern, name) == HostPatternMatch.Match);
        }

        [Fact]
        public void ANegatedPatternWinsOverAPositiveOne()
        {
            Assert.Equal(HostPatternMatch.Negated, HostPatternList.Match("*.lab,!bad.lab", "bad.lab"));
            Assert.Equal(HostPatternMatch.Negated, HostPatternList.Match("!bad.lab,*.lab", "bad.lab"));
            Assert.Equal(HostPatternMatch.Match, HostPatternList.Match("*.lab,!bad.lab", "good.lab"));
            Assert.Equal(HostPatternMatch.NoMatch, HostPatternList.Match("!bad.lab", "good.lab"));
        }
    }
}
