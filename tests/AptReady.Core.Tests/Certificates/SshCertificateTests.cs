using AptReady.Core.Certificates;
using AptReady.Core.HostKeys;
using AptReady.Core.Tests.HostKeys;
using Xunit;

namespace AptReady.Core.Tests.Certificates
{
    /// <summary>Certificates made by the real ssh-keygen -s, read back and compared with ssh-keygen -L.</summary>
    public sealed class SshCertificateTests : IDisposable
    {
        private readonly CertificateAuthority ca = new CertificateAuthority();

        public void Dispose() => ca.Dispose();

        [Theory]
        [InlineData("ed25519", "ssh-ed25519")]
        [InlineData("ecdsa", "ecdsa-sha2-nistp256")]
        [InlineData("rsa", "ssh-rsa")]
        public void ReadsAUserCertificateAsSshKeygenWroteIt(string type, string keyType)
        {
            string key = ca.NewKey(type, "user-" + type);
            string path = ca.Sign(key, "alice,bob", "20250101000000:20350101000000", identity: "alice@example");

            SshCertificate cert = SshCertificate.ParseLine(File.ReadAllText(path));

            Assert.Equal(keyType + "-cert-v01@openssh.com", cert.CertificateType);
            Assert.Equal(keyType, cert.KeyType);
            Assert.Equal(SshCertificateKind.User, cert.Kind);
            Assert.Equal("alice@example", cert.KeyId);
            Assert.Equal(new[] { "alice", "bob" }, cert.Principals);
            Assert.Equal(CertificateAuthority.BlobOf(key + ".pub"), cert.GetPublicKey());
            Assert.Equal(ca.PublicKey, cert.GetCaKey());
            Assert.Contains("permit-pty", cert.Extensions);
            Assert.Equal(1UL, cert.Serial);

            // ssh-keygen -L prints the validity in local time; the Unix seconds are what it was given.
            Assert.Equal((ulong)new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), cert.ValidAfterSeconds);
            string listing = SshKeygen.RunOk("-L", "-f", path);
            Assert.Contains("Signing CA: " + SshKeyType.DisplayName(SshKeyType.FromBlob(ca.PublicKey)) + " " + cert.CaFingerprint, listing);
            Assert.Contains("Public key: " + SshKeyType.DisplayName(keyType) + "-CERT " + cert.KeyFingerprint, listing);
        }

        [Fact]
        public void ReadsAHostCertificate()
        {
            string key = ca.NewKey("ed25519", "host");
            SshCertificate cert = SshCertificate.ParseLine(File.ReadAllText(ca.Sign(key, "web1.lab,10.0.0.5", host: true)));

            Assert.Equal(SshCertificateKind.Host, cert.Kind);
            Assert.True(cert.HasPrincipal("10.0.0.5"));
            Assert.False(cert.HasPrincipal("web2.lab"));
            Assert.Empty(cert.Extensions);
        }

        [Fact]
        public void ValidityFollowsTheWindowWithAnExclusiveEnd()
        {
            string key = ca.NewKey("ed25519", "window");
            SshCertificate cert = SshCertificate.ParseLine(File.ReadAllText(ca.Sign(key, "alice", "20300101000000:20300102000000")));
            var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

            Assert.Equal(SshCertificateValidity.NotYetValid, cert.ValidityAt(start.AddSeconds(-1)));
            Assert.Equal(SshCertificateValidity.Valid, cert.ValidityAt(start));
            Assert.Equal(SshCertificateValidity.Valid, cert.ValidityAt(start.AddDays(1).AddSeconds(-1)));
            Assert.Equal(SshCertificateValidity.Expired, cert.ValidityAt(start.AddDays(1)));
            Assert.Equal("from 2030-01-01T00:00:00Z to 2030-01-02T00:00:00Z", cert.ValidityWindow);
        }

        [Fact]
        public void ACertificateWithoutLimitsIsValidForever()
        {
            string key = ca.NewKey("ed25519", "forever");
            SshCertificate cert = SshCertificate.ParseLine(File.ReadAllText(ca.Sign(key, "alice", "always:forever")));

            Assert.Equal("forever", cert.ValidityWindow);
            Assert.Equal(SshCertificateValidity.Valid, cert.ValidityAt(DateTimeOffset.UtcNow));
        }

        [Fact]
        public void APlainPublicKeyIsNoCertificate()
        {
            string key = ca.NewKey("ed25519", "plain");
            var ex = Assert.Throws<FormatException>(() => SshCertificate.ParseLine(File.ReadAllText(key + ".pub")));
            Assert.Contains("not an OpenSSH certificate", ex.Message);
        }

        [Fact]
        public void EveryTruncationIsAFormatError()
        {
            string key = ca.NewKey("ecdsa", "cut");
            byte[] blob = CertificateAuthority.BlobOf(ca.Sign(key, "alice"));
            Assert.NotNull(SshCertificate.Parse(blob));
            for (int length = 0; length < blob.Length; length++)
            {
                byte[] cut = blob.AsSpan(0, length).ToArray();
                Assert.Throws<FormatException>(() => SshCertificate.Parse(cut));
            }

            Assert.Throws<FormatException>(() => SshCertificate.Parse(blob.Concat(new byte[] { 0 }).ToArray()));
        }

        [Fact]
        public void ALineWhoseTypeDisagreesWithTheBlobIsRefused()
        {
            string key = ca.NewKey("ed25519", "liar");
            string[] fields = File.ReadAllText(ca.Sign(key, "alice")).Split(' ');
            var ex = Assert.Throws<FormatException>(() => SshCertificate.ParseLine("ssh-rsa-cert-v01@openssh.com " + fields[1]));
            Assert.Contains("ssh-ed25519-cert-v01@openssh.com", ex.Message);
        }

        [Fact]
        public void UserCertificateFileNamesTheFileAndTheWindow()
        {
            string key = ca.NewKey("ed25519", "old");
            string path = ca.Sign(key, "alice", "20200101000000:20200201000000");
            SshCertificate cert = UserCertificateFile.Read(path);

            var ex = Assert.Throws<UserCertificateException>(() => UserCertificateFile.EnsureUsable(cert, path, DateTimeOffset.UtcNow));
            Assert.Equal(UserCertificateProblem.Expired, ex.Problem);
            Assert.Contains(path, ex.Message);
            Assert.Contains("from 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z", ex.Message);

            var early = Assert.Throws<UserCertificateException>(() => UserCertificateFile.EnsureUsable(cert, path, new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.Equal(UserCertificateProblem.NotYetValid, early.Problem);
            UserCertificateFile.EnsureUsable(cert, path, new DateTimeOffset(2020, 1, 15, 0, 0, 0, TimeSpan.Zero), CertificateAuthority.BlobOf(key + ".pub"));
        }

        [Fact]
        public void UserCertificateFileRefusesHostCertificatesOtherKeysAndGarbage()
        {
            string key = ca.NewKey("ed25519", "h");
            string other = ca.NewKey("ed25519", "o");
            string hostPath = ca.Sign(key, "h.lab", host: true);
            var host = Assert.Throws<UserCertificateException>(() => UserCertificateFile.EnsureUsable(UserCertificateFile.Read(hostPath), hostPath, DateTimeOffset.UtcNow));
            Assert.Equal(UserCertificateProblem.NotUserCertificate, host.Problem);

            string userPath = ca.Sign(other, "alice");
            var mismatch = Assert.Throws<UserCertificateException>(() =>
                UserCertificateFile.EnsureUsable(UserCertificateFile.Read(userPath), userPath, DateTimeOffset.UtcNow, CertificateAuthority.BlobOf(key + ".pub")));
            Assert.Equal(UserCertificateProblem.KeyMismatch, mismatch.Problem);

            string garbage = Path.Combine(ca.Folder, "garbage-cert.pub");
            File.WriteAllText(garbage, "ssh-ed25519-cert-v01@openssh.com AAAA\n");
            var bad = Assert.Throws<UserCertificateException>(() => UserCertificateFile.Read(garbage));
            Assert.Equal(UserCertificateProblem.Malformed, bad.Problem);
            Assert.Contains(garbage, bad.Message);
        }
    }
}
