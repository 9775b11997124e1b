using AptReady.Core.Certificates;
using AptReady.Core.CloudConfig;
using AptReady.Core.HostKeys;
using AptReady.Core.Tests.Certificates;
using AptReady.Core.Tests.HostKeys;
using AptReady.Transport.Agent;
using Xunit;

namespace AptReady.Core.Tests.Agent
{
    /// <summary>The agent client against a real ssh-agent, with ssh-add and ssh-keygen as the oracles.</summary>
    public sealed class SshAgentTests : IDisposable
    {
        private readonly RealAgent agent = new RealAgent();
        private readonly CertificateAuthority ca = new CertificateAuthority();

        public void Dispose()
        {
            agent.Dispose();
            ca.Dispose();
        }

        [Fact]
        public void ListsTheKeysAsSshAddDoesInItsOrder()
        {
            string ed = ca.NewKey("ed25519", "a");
            string ec = ca.NewKey("ecdsa", "b");
            string rsa = ca.NewKey("rsa", "c");
            agent.Add(ec, rsa, ed);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));

            var keys = client.ListKeys();

            string[] expected = agent.Add("-L").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToArray();
            Assert.Equal(expected, keys.Select(k => Convert.ToBase64String(k.GetBlob())));
            Assert.Equal(new[] { "ecdsa-sha2-nistp256", "ssh-rsa", "ssh-ed25519" }, keys.Select(k => k.KeyType));
        }

        [Theory]
        [InlineData(AgentProtocol.RsaSha2512, "rsa-sha2-512")]
        [InlineData(AgentProtocol.RsaSha2256, "rsa-sha2-256")]
        public void RsaSignaturesUseTheHashTheFlagsAskFor(uint flags, string algorithm)
        {
            string rsa = ca.NewKey("rsa", "r");
            agent.Add(rsa);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));

            byte[] signature = client.Sign(client.ListKeys()[0].GetBlob(), new byte[] { 1, 2, 3 }, flags);

            Assert.Equal(algorithm, AgentProtocol.SignatureAlgorithm(signature));
        }

        [Fact]
        public void AnEd25519SignatureVerifiesWithSshKeygen()
        {
            string ed = ca.NewKey("ed25519", "signer");
            agent.Add(ed);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));
            byte[] data = System.Text.Encoding.ASCII.GetBytes("agent says hello");

            byte[] signature = client.Sign(client.ListKeys()[0].GetBlob(), data, 0);

            // Raw ed25519: 64 bytes, checked against the public key by BouncyCastle (a verifier AptReady does not ship).
            var reader = new SshWireReader(signature);
            Assert.True(reader.TryReadString(out byte[] name));
            Assert.True(reader.TryReadString(out byte[] raw));
            Assert.Equal("ssh-ed25519", System.Text.Encoding.ASCII.GetString(name));
            var keyReader = new SshWireReader(CertificateAuthority.BlobOf(ed + ".pub"));
            Assert.True(keyReader.TryReadString(out _));
            Assert.True(keyReader.TryReadString(out byte[] publicKey));
            var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
            verifier.Init(false, new Org.BouncyCastle.Crypto.Parameters.Ed25519PublicKeyParameters(publicKey, 0));
            verifier.BlockUpdate(data, 0, data.Length);
            Assert.True(verifier.VerifySignature(raw));
        }

        [Fact]
        public void ManyThreadsShareOneConnectionSafely()
        {
            string ed = ca.NewKey("ed25519", "busy");
            agent.Add(ed);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(60));
            byte[] key = client.ListKeys()[0].GetBlob();

            var signatures = new byte[64][];
            Parallel.For(0, signatures.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
                signatures[i] = client.Sign(key, BitConverter.GetBytes(i), 0));

            Assert.All(signatures, s => Assert.Equal("ssh-ed25519", AgentProtocol.SignatureAlgorithm(s)));
            Assert.Equal(signatures.Length, signatures.Select(Convert.ToBase64String).Distinct().Count());
        }

        [Fact]
        public void AKeyTheAgentDoesNotHoldIsRefused()
        {
            string held = ca.NewKey("ed25519", "held");
            string other = ca.NewKey("ed25519", "other");
            agent.Add(held);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));

            Assert.Throws<AgentRefusedException>(() => client.Sign(CertificateAuthority.BlobOf(other + ".pub"), new byte[] { 1 }, 0));
            Assert.Single(client.ListKeys());
        }

        [Fact]
        public void ACertificateAddedWithItsKeyIsListedAndParsed()
        {
            string ed = ca.NewKey("ed25519", "certified");
            ca.Sign(ed, "aptready");
            agent.Add(ed);
            using var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));

            var keys = client.ListKeys();

            AgentKey certificate = Assert.Single(keys, k => k.Certificate != null);
            Assert.Equal(SshCertificateKind.User, certificate.Certificate!.Kind);
            Assert.Equal(HostKeyFingerprint.Sha256(CertificateAuthority.BlobOf(ed + ".pub")), certificate.KeyFingerprint);
        }

        [Fact]
        public void ASocketWithNoAgentIsUnavailableAndNamed()
        {
            string path = Path.Combine(agent.Folder, "nobody.sock");
            using var client = new SshAgent(path, TimeSpan.FromSeconds(5));

            var ex = Assert.Throws<AgentUnavailableException>(() => client.ListKeys());
            Assert.Contains(path, ex.Message);
        }

        [Fact]
        public void AnAgentThatWentAwayIsReportedNotHung()
        {
            string ed = ca.NewKey("ed25519", "gone");
            agent.Add(ed);
            var client = new SshAgent(agent.SocketPath, TimeSpan.FromSeconds(30));
            Assert.Single(client.ListKeys());
            agent.Dispose();

            var ex = Assert.Throws<AgentUnavailableException>(() => client.ListKeys());
            Assert.Contains(agent.SocketPath, ex.Message);
            client.Dispose();
        }
    }
}
