using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.HostKeys
{
    public class SshKeyTypeTests
    {
        [Fact]
        public void ReadsTheTypeFromBlobs()
        {
            Assert.Equal("ssh-ed25519", SshKeyType.FromBlob(SampleKeys.Ed25519));
            Assert.Equal("ecdsa-sha2-nistp256", SshKeyType.FromBlob(SampleKeys.Ecdsa));
            Assert.Equal("ssh-rsa", SshKeyType.FromBlob(SampleKeys.Rsa));
        }

        [Theory]
        [InlineData(new byte[0])]
        [InlineData(new byte[] { 0, 0, 0 })]
        [InlineData(new byte[] { 0, 0, 0, 9, (byte)'s', (byte)'s', (byte)'h' })] // length beyond the blob
        [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff, 1 })]
        [InlineData(new byte[] { 0, 0, 0, 2, (byte)'a', 0 })] // a control byte
        public void RefusesWhatIsNoKeyBlob(byte[] blob)
        {
            Assert.Throws<ArgumentException>(() => SshKeyType.FromBlob(blob));
        }

        [Theory]
        [InlineData("rsa-sha2-512", "ssh-rsa")]
        [InlineData("rsa-sha2-256", "ssh-rsa")]
        [InlineData("ssh-rsa", "ssh-rsa")]
        [InlineData("ssh-ed25519", "ssh-ed25519")]
        [InlineData("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384")]
        public void MapsSignatureAlgorithmsToKeyTypes(string algorithm, string keyType)
        {
            Assert.Equal(keyType, SshKeyType.FromAlgorithm(algorithm));
        }
    }
}
