using AptReady.Core;
using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    public class HostKeyFingerprintTests
    {
        [Theory]
        [InlineData(SampleKeys.Ed25519Base64, SampleKeys.Ed25519Sha256)]
        [InlineData(SampleKeys.EcdsaBase64, SampleKeys.EcdsaSha256)]
        [InlineData(SampleKeys.RsaBase64, SampleKeys.RsaSha256)]
        public void Sha256IsWhatSshKeygenPrinted(string blob, string expected)
        {
            Assert.Equal(expected, HostKeyFingerprint.Sha256(Convert.FromBase64String(blob)).ToString());
        }

        [Theory]
        [InlineData(SampleKeys.Ed25519Base64, SampleKeys.Ed25519Md5)]
        [InlineData(SampleKeys.RsaBase64, SampleKeys.RsaMd5)]
        public void Md5IsWhatSshKeygenPrinted(string blob, string expected)
        {
            Assert.Equal(expected, HostKeyFingerprint.Md5(Convert.FromBase64String(blob)).ToString());
        }

        [Theory]
        [InlineData("SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c")]
        [InlineData("Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c")]
        [InlineData("Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c=")]
        [InlineData("sha256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c")]
        [InlineData("  SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9c\n")]
        public void ParsesSha256Tolerantly(string text)
        {
            HostKeyFingerprint parsed = HostKeyFingerprint.Parse(text);
            Assert.Equal(HostKeyFingerprintAlgorithm.Sha256, parsed.Algorithm);
            Assert.Equal(SampleKeys.Ed25519Sha256, parsed.ToString());
            Assert.True(parsed.Matches(SampleKeys.Ed25519));
            Assert.False(parsed.Matches(SampleKeys.OtherEd25519));
        }

        [Theory]
        [InlineData("MD5:cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:25:87")]
        [InlineData("cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:25:87")]
        [InlineData("CB:D7:88:46:09:E4:22:E7:53:BE:00:AA:43:49:25:87")]
        [InlineData("cbd7884609e422e753be00aa43492587")]
        public void ParsesMd5Tolerantly(string text)
        {
            HostKeyFingerprint parsed = HostKeyFingerprint.Parse(text);
            Assert.Equal(HostKeyFingerprintAlgorithm.Md5, parsed.Algorithm);
            Assert.Equal(SampleKeys.Ed25519Md5, parsed.ToString());
            Assert.True(parsed.Matches(SampleKeys.Ed25519));
        }

        [Theory]
        [InlineData("")]
        [InlineData("SHA256:")]
        [InlineData("SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9")] // one character short
        [InlineData("SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9cc")] // one too many
        [InlineData("SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t9d")] // last char has spare bits set
        [InlineData("SHA256:Tjtw13Tfj0BFmxzhchwzwWyEGC1zlR6n1pFEC6c5t-c")] // base64url character
        [InlineData("MD5:cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:25")] // 15 pairs
        [InlineData("MD5:cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:25:8g")]
        [InlineData("cb:d7:88:46:09:e4:22:e7:53:be:00:aa:43:49:2587")]
        [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO94u1I0SBl3dm7V+Q7wmfUTOe2ujhco6NcFIv1sp7gM")]
        public void RefusesMalformedAndNamesTheValue(string text)
        {
            var e = Assert.Throws<ArgumentException>(() => HostKeyFingerprint.Parse(text));
            Assert.Contains(InputExcerpt.Of(text), e.Message);
        }

        [Fact]
        public void PrivateKeyTextPastedAsAFingerprintIsNotEchoed()
        {
            string key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n";
            var e = Assert.Throws<ArgumentException>(() => HostKeyFingerprint.Parse(key));
            Assert.DoesNotContain("b3BlbnNz", e.Message);
            Assert.DoesNotContain("BEGIN", e.Message);
            Assert.Contains(InputExcerpt.KeyMaterial, e.Message);
        }

        [Fact]
        public void EqualityIsByAlgorithmAndHash()
        {
            Assert.Equal(HostKeyFingerprint.Parse(SampleKeys.RsaSha256), HostKeyFingerprint.Sha256(SampleKeys.Rsa));
            Assert.NotEqual(HostKeyFingerprint.Parse(SampleKeys.RsaSha256), HostKeyFingerprint.Sha256(SampleKeys.Ed25519));
        }

        [Theory]
        [InlineData("ed25519", "ssh-ed25519")]
        [InlineData("ecdsa", "ecdsa-sha2-nistp256")]
        [InlineData("rsa", "ssh-rsa")]
        public void AgreesWithSshKeygenOnFreshKeys(string type, string keyType)
        {
            using var temp = new TempFolder();
            byte[] blob = Convert.FromBase64String(SshKeygen.NewKey(temp.Path, type, "k"));
            string pub = temp.File("k.pub");

            // ssh-keygen -lf prints "BITS FINGERPRINT COMMENT (TYPE)".
            string sha = SshKeygen.RunOk("-lf", pub).Split(' ')[1];
            string md5 = SshKeygen.RunOk("-E", "md5", "-lf", pub).Split(' ')[1];

            Assert.Equal(keyType, SshKeyType.FromBlob(blob));
            Assert.Equal(sha, HostKeyFingerprint.Sha256(blob).ToString());
            Assert.Equal(md5, HostKeyFingerprint.Md5(blob).ToString());
            Assert.True(HostKeyFingerprint.Parse(sha).Matches(blob));
            Assert.True(HostKeyFingerprint.Parse(md5).Matches(blob));
        }
    }
}
