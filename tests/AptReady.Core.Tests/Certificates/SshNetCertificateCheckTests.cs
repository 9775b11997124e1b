using Renci.SshNet;
using Xunit;

namespace AptReady.Core.Tests.Certificates
{
    /// <summary>
    /// AptReady trusts a host certificate when its CA key is listed; that the CA really signed it is
    /// checked by SSH.NET in the handshake, before it asks about trust. A real sshd will not even load
    /// a certificate whose signature is wrong, so this pins SSH.NET's check directly.
    /// </summary>
    public sealed class SshNetCertificateCheckTests : IDisposable
    {
        private readonly CertificateAuthority ca = new CertificateAuthority();

        public void Dispose() => ca.Dispose();

        [Fact]
        public void SshNetVerifiesTheCaSignatureAndTheValidityOfAHostCertificate()
        {
            string hostKey = ca.NewKey("ed25519", "ssh_host_ed25519_key");
            byte[] good = CertificateAuthority.BlobOf(ca.Sign(hostKey, "web1.lab", host: true));
            byte[] expired = CertificateAuthority.BlobOf(ca.Sign(hostKey, "web1.lab", "20200101000000:20200201000000", host: true));
            byte[] forged = (byte[])good.Clone();
            forged[forged.Length - 5] ^= 0x5a;

            byte[] exchangeHash = System.Text.Encoding.ASCII.GetBytes("a handshake's exchange hash");
            byte[] signature;
            using (var key = new PrivateKeyFile(hostKey))
            {
                signature = key.HostKeyAlgorithms.First().Sign(exchangeHash);
            }

            var algorithms = new ConnectionInfo("web1.lab", "user", new NoneAuthenticationMethod("user")).HostKeyAlgorithms;
            Func<byte[], Renci.SshNet.Security.KeyHostAlgorithm> create = algorithms["ssh-ed25519-cert-v01@openssh.com"];

            Assert.True(create(good).VerifySignature(exchangeHash, signature));
            Assert.False(create(forged).VerifySignature(exchangeHash, signature));
            Assert.False(create(expired).VerifySignature(exchangeHash, signature));
        }
    }
}
