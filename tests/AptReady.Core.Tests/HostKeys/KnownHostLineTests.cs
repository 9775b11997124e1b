using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    public class KnownHostLineTests
    {
        [Theory]
        [InlineData("VM-A.lab", 22, "vm-a.lab")]
        [InlineData("vm-a.lab", 2222, "[vm-a.lab]:2222")]
        [InlineData("10.0.0.5", 22, "10.0.0.5")]
        [InlineData("::1", 2222, "[::1]:2222")]
        [InlineData("[::1]", 22, "::1")]
        public void WritesPlainLinesWithPortsLikeSsh(string host, int port, string name)
        {
            Assert.Equal(name + " ssh-ed25519 " + SampleKeys.Ed25519Base64, KnownHostLine.Format(host, port, SampleKeys.Ed25519));
        }

        [Fact]
        public void WritesAComment()
        {
            Assert.Equal("h ssh-rsa " + SampleKeys.RsaBase64 + " added by AptReady", KnownHostLine.Format("h", 22, SampleKeys.Rsa, comment: "added by AptReady"));
        }

        [Fact]
        public void HashedLinesUseAFreshSaltAndMatchOnlyTheirName()
        {
            string a = KnownHostLine.Format("vm-a.lab", 2222, SampleKeys.Ed25519, hashed: true);
            string b = KnownHostLine.Format("vm-a.lab", 2222, SampleKeys.Ed25519, hashed: true);
            Assert.NotEqual(a, b);
            Assert.Matches(@"^\|1\|[A-Za-z0-9+/]{27}=\|[A-Za-z0-9+/]{27}= ssh-ed25519 ", a);

            KnownHostEntry entry = KnownHostEntry.Parse(a)!;
            Assert.True(entry.AppliesTo("VM-A.LAB", 2222));
            Assert.False(entry.AppliesTo("vm-a.lab", 22));
            Assert.False(entry.AppliesTo("vm-b.lab", 2222));
        }

        [Theory]
        [InlineData("")]
        [InlineData("a b")]
        [InlineData("*.lab")]
        [InlineData("a,b")]
        [InlineData("!a")]
        [InlineData("|1|x")]
        [InlineData("@revoked")]
        [InlineData("a\nb")]
        public void RefusesHostsThatCannotBeAName(string host)
        {
            Assert.Throws<ArgumentException>(() => KnownHostLine.Format(host, 22, SampleKeys.Ed25519));
        }

        [Fact]
        public void RefusesPortsOutOfRangeAndNewlinesInComments()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => KnownHostLine.Format("h", 0, SampleKeys.Ed25519));
            Assert.Throws<ArgumentOutOfRangeException>(() => KnownHostLine.Format("h", 65536, SampleKeys.Ed25519));
            Assert.Throws<ArgumentException>(() => KnownHostLine.Format("h", 22, SampleKeys.Ed25519, comment: "x\nevil ssh-ed25519 AAAA"));
        }

        [Fact]
        public void AppendLineAddsOneLineThatSshKeygenFinds()
        {
            using var temp = new TempFolder();
            string file = temp.File("sub", "known_hosts");
            KnownHostsFile.AppendLine(file, KnownHostLine.Format("a.lab", 22, SampleKeys.Ed25519));
            KnownHostsFile.AppendLine(file, KnownHostLine.Format("b.lab", 2200, SampleKeys.Ecdsa, hashed: true));

            Assert.Equal(2, File.ReadAllLines(file).Length);
            Assert.Contains("found: line 1", SshKeygen.RunOk("-F", "a.lab", "-f", file));
            Assert.Contains("found: line 2", SshKeygen.RunOk("-F", "[b.lab]:2200", "-f", file));
            Assert.Throws<ArgumentException>(() => KnownHostsFile.AppendLine(file, "a\nb"));
        }
    }
}
