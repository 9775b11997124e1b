using AptReady.Core.CloudConfig;
using AptReady.Transport.Agent;
using Xunit;

namespace AptReady.Core.Tests.Agent
{
    /// <summary>The agent protocol's framing (draft-miller-ssh-agent), byte for byte.</summary>
    public sealed class AgentProtocolTests
    {
        private static readonly byte[] Ed25519Blob = new SshWireWriter().String("ssh-ed25519").String(new byte[32]).ToArray();

        [Fact]
        public void RequestIdentitiesIsOneByteInAFrame()
        {
            Assert.Equal(new byte[] { 0, 0, 0, 1, 11 }, AgentProtocol.FrameRequestIdentities());
        }

        [Fact]
        public void SignRequestCarriesKeyDataAndFlags()
        {
            byte[] frame = AgentProtocol.FrameSignRequest(new byte[] { 1, 2 }, new byte[] { 3 }, AgentProtocol.RsaSha2512);

            Assert.Equal(new byte[] { 0, 0, 0, 16, 13, 0, 0, 0, 2, 1, 2, 0, 0, 0, 1, 3, 0, 0, 0, 4 }, frame);
        }

        [Theory]
        [InlineData("rsa-sha2-512", 4u)]
        [InlineData("rsa-sha2-256", 2u)]
        [InlineData("rsa-sha2-512-cert-v01@openssh.com", 4u)]
        [InlineData("rsa-sha2-256-cert-v01@openssh.com", 2u)]
        [InlineData("ssh-rsa", 0u)]
        [InlineData("ssh-ed25519", 0u)]
        [InlineData("ecdsa-sha2-nistp256-cert-v01@openssh.com", 0u)]
        public void FlagsAskForTheHashTheAlgorithmNames(string algorithm, uint flags)
        {
            Assert.Equal(flags, AgentKeySource.FlagsFor(algorithm));
        }

        [Fact]
        public void RsaKeysAreOfferedWithSha2FirstAndSha1Last()
        {
            Assert.Equal(new[] { "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa" }, AgentKeySource.AlgorithmNames("ssh-rsa"));
            Assert.Equal(new[] { "ssh-ed25519" }, AgentKeySource.AlgorithmNames("ssh-ed25519"));
            Assert.Equal("rsa-sha2-512-cert-v01@openssh.com", AgentKeySource.AlgorithmNames("ssh-rsa-cert-v01@openssh.com")[0]);
        }

        [Fact]
        public void IdentitiesAreReadInTheAgentsOrder()
        {
            byte[] other = new SshWireWriter().String("ssh-ed25519").String(Enumerable.Repeat((byte)7, 32).ToArray()).ToArray();
            byte[] body = new SshWireWriter().Byte(12).UInt32(2).String(Ed25519Blob).String("first").String(other).String("second").ToArray();

            var keys = AgentProtocol.ParseIdentities(body);

            Assert.Equal(new[] { "first", "second" }, keys.Select(k => k.Comment));
            Assert.Equal("ssh-ed25519", keys[0].KeyType);
            Assert.Equal(other, keys[1].GetBlob());
            Assert.Empty(AgentProtocol.ParseIdentities(new byte[] { 12, 0, 0, 0, 0 }));
        }

        [Fact]
        public void ABrokenListIsAProtocolError()
        {
            byte[] whole = new SshWireWriter().Byte(12).UInt32(1).String(Ed25519Blob).String("c").ToArray();
            for (int length = 1; length < whole.Length; length++)
            {
                Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseIdentities(whole.Take(length).ToArray()));
            }

            Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseIdentities(whole.Concat(new byte[] { 0 }).ToArray()));
            Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseIdentities(new byte[] { 12, 0xff, 0xff, 0xff, 0xff }));
            Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseIdentities(Array.Empty<byte>()));
        }

        [Theory]
        [InlineData(5)]
        [InlineData(28)]
        public void FailureMeansTheAgentRefused(byte type)
        {
            Assert.Throws<AgentRefusedException>(() => AgentProtocol.ParseSignature(new[] { type }));
            Assert.Throws<AgentRefusedException>(() => AgentProtocol.ParseIdentities(new[] { type }));
        }

        [Fact]
        public void AnotherReplyTypeIsAProtocolError()
        {
            var ex = Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseSignature(new byte[] { 6 }));
            Assert.Contains("type 6", ex.Message);
        }

        [Fact]
        public void ASignatureIsReturnedAsTheSshSignatureBlob()
        {
            byte[] signature = new SshWireWriter().String("rsa-sha2-512").String(new byte[] { 9, 9 }).ToArray();
            byte[] body = new SshWireWriter().Byte(14).String(signature).ToArray();

            Assert.Equal(signature, AgentProtocol.ParseSignature(body));
            Assert.Equal("rsa-sha2-512", AgentProtocol.SignatureAlgorithm(signature));
            Assert.Throws<AgentProtocolException>(() => AgentProtocol.ParseSignature(new SshWireWriter().Byte(14).String(new byte[] { 1 }).ToArray()));
        }

        [Theory]
        [InlineData(new byte[] { 0, 0, 0, 0 })]
        [InlineData(new byte[] { 0, 4, 0, 1 })]
        [InlineData(new byte[] { 0xff, 0xff, 0xff, 0xff })]
        public void FrameLengthsOutOfBoundsAreRefused(byte[] header)
        {
            Assert.Throws<AgentProtocolException>(() => AgentProtocol.BodyLength(header));
        }

        [Fact]
        public void TheLargestFrameIsAccepted()
        {
            Assert.Equal(256 * 1024, AgentProtocol.BodyLength(new byte[] { 0, 4, 0, 0 }));
        }
    }
}
