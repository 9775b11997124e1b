using AptReady.Core.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.Certificates
{
    /// <summary>Host certificates from the real ssh-keygen -s -h against @cert-authority and @revoked lines.</summary>
    public sealed class HostCertificateVerifierTests : IDisposable
    {
        private readonly CertificateAuthority ca = new CertificateAuthority();
        private readonly CertificateAuthority otherCa = new CertificateAuthority();
        private readonly string hostKey;
        private readonly string knownHosts;

        public HostCertificateVerifierTests()
        {
            hostKey = ca.NewKey("ed25519", "ssh_host_ed25519_key");
            knownHosts = Path.Combine(ca.Folder, "known_hosts");
            Write("@cert-authority *.lab,[10.0.0.9]:2222 " + ca.PublicKeyLine);
        }

        public void Dispose()
        {
            ca.Dispose();
            otherCa.Dispose();
        }

        private void Write(params string[] lines) => File.WriteAllText(knownHosts, string.Join("\n", lines) + "\n");

        private HostKeyVerdict Verify(string host, int port, string certificatePath, params string[] pins) =>
            new HostKeyVerifier(new HostKeyPolicy(new[] { knownHosts }, pins.Select(HostKeyFingerprint.Parse), false, null))
                .Verify(host, port, "ssh-ed25519-cert-v01@openssh.com", CertificateAuthority.BlobOf(certificatePath));

        [Fact]
        public void ACertificateFromAListedCaForThisHostIsTrusted()
        {
            HostKeyVerdict v = Verify("web1.lab", 22, ca.Sign(hostKey, "web1.lab", host: true));

            Assert.Equal(HostKeyVerdictKind.Trusted, v.Kind);
            Assert.Equal(HostKeyTrustSource.CertificateAuthority, v.Source);
            Assert.Equal(knownHosts + ":1", v.Entry!.Location);
            Assert.Equal("ssh-ed25519", v.KeyType);
            Assert.Equal(HostKeyFingerprint.Sha256(CertificateAuthority.BlobOf(hostKey + ".pub")), v.PresentedFingerprint);
        }

        [Fact]
        public void APortedHostMatchesItsBracketedName()
        {
            Assert.Equal(HostKeyVerdictKind.Trusted, Verify("10.0.0.9", 2222, ca.Sign(hostKey, "10.0.0.9", host: true)).Kind);
            Assert.Equal(HostKeyVerdictKind.Trusted, Verify("10.0.0.9", 2222, ca.Sign(hostKey, "[10.0.0.9]:2222", host: true)).Kind);
        }

        [Fact]
        public void ACaLineForAnotherPatternDoesNotTrust()
        {
            HostKeyVerdict v = Verify("web1.example", 22, ca.Sign(hostKey, "web1.example", host: true));

            Assert.Equal(HostKeyVerdictKind.Unknown, v.Kind);
            Assert.Contains("no @cert-authority line", v.Message);
        }

        [Fact]
        public void ACertificateFromAnotherCaFallsBackToThePlainKey()
        {
            string cert = otherCa.Sign(hostKey, "web1.lab", host: true);
            Assert.Equal(HostKeyVerdictKind.Unknown, Verify("web1.lab", 22, cert).Kind);

            Write("@cert-authority *.lab " + ca.PublicKeyLine, "web1.lab " + File.ReadAllText(hostKey + ".pub").Trim());
            HostKeyVerdict v = Verify("web1.lab", 22, cert);
            Assert.Equal(HostKeyVerdictKind.Trusted, v.Kind);
            Assert.Equal(HostKeyTrustSource.KnownHosts, v.Source);
        }

        [Fact]
        public void EachFailedCheckHasItsOwnKind()
        {
            Assert.Equal(HostKeyVerdictKind.CertificatePrincipalMismatch, Verify("web1.lab", 22, ca.Sign(hostKey, "web2.lab", host: true)).Kind);
            Assert.Equal(HostKeyVerdictKind.CertificateExpired, Verify("web1.lab", 22, ca.Sign(hostKey, "web1.lab", "20200101000000:20200201000000", host: true)).Kind);
            Assert.Equal(HostKeyVerdictKind.CertificateNotYetValid, Verify("web1.lab", 22, ca.Sign(hostKey, "web1.lab", "+1d:+2d", host: true)).Kind);
            Assert.Equal(HostKeyVerdictKind.CertificateNotHost, Verify("web1.lab", 22, ca.Sign(hostKey, "web1.lab")).Kind);
        }

        [Fact]
        public void TheExpiredVerdictNamesTheWindowAndTheCaLine()
        {
            HostKeyVerdict v = Verify("web1.lab", 22, ca.Sign(hostKey, "web1.lab", "20200101000000:20200201000000", host: true));

            Assert.False(v.IsAccepted);
            Assert.Contains("from 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z", v.Message);
            Assert.Contains(knownHosts + ":1", v.Message);
        }

        [Fact]
        public void ARevokedCaOrHostKeyIsRefusedOutright()
        {
            string cert = ca.Sign(hostKey, "web1.lab", host: true);
            Write("@cert-authority *.lab " + ca.PublicKeyLine, "@revoked * " + ca.PublicKeyLine);
            HostKeyVerdict byCa = Verify("web1.lab", 22, cert);
            Assert.Equal(HostKeyVerdictKind.Revoked, byCa.Kind);
            Assert.Contains("signed by CA", byCa.Message);

            Write("@cert-authority *.lab " + ca.PublicKeyLine, "@revoked *.lab " + File.ReadAllText(hostKey + ".pub").Trim());
            Assert.Equal(HostKeyVerdictKind.Revoked, Verify("web1.lab", 22, cert).Kind);
        }

        [Fact]
        public void APinStillPinsTheKeyInsideTheCertificate()
        {
            string cert = ca.Sign(hostKey, "web1.lab", host: true);
            string keyPin = HostKeyFingerprint.Sha256(CertificateAuthority.BlobOf(hostKey + ".pub")).ToString();
            string otherPin = HostKeyFingerprint.Sha256(ca.PublicKey).ToString();

            Assert.Equal(HostKeyVerdictKind.Trusted, Verify("web1.lab", 22, cert, keyPin).Kind);
            Assert.Equal(HostKeyVerdictKind.PinMismatch, Verify("web1.lab", 22, cert, otherPin).Kind);
        }

        [Fact]
        public void AnRsaCertificateAlgorithmNameFitsItsBlob()
        {
            string rsa = ca.NewKey("rsa", "ssh_host_rsa_key");
            byte[] blob = CertificateAuthority.BlobOf(ca.Sign(rsa, "web1.lab", host: true));
            var verifier = new HostKeyVerifier(new HostKeyPolicy(new[] { knownHosts }, null, false, null));

            Assert.Equal(HostKeyVerdictKind.Trusted, verifier.Verify("web1.lab", 22, "rsa-sha2-512-cert-v01@openssh.com", blob).Kind);
        }
    }
}
