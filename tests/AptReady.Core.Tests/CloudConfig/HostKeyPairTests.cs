using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public sealed class HostKeyPairTests : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("aptready-hostkey-").FullName;

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [ToolFact("/usr/bin/ssh-keygen")]
        public void SshKeygenComputesTheSameFingerprint()
        {
            var key = HostKeyPair.Generate("root@debian-vm-a");
            string pub = Path.Combine(_folder, "key.pub");
            File.WriteAllText(pub, key.PublicKeyLine + "\n");
            var result = ExternalTools.Run("/usr/bin/ssh-keygen", new[] { "-lf", pub });
            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"256 {key.Fingerprint} root@debian-vm-a (ED25519)\n", result.StdOut);
        }

        [ToolFact("/usr/bin/ssh-keygen")]
        public void SshKeygenDerivesThePublicKeyFromThePrivatePem()
        {
            var key = HostKeyPair.Generate("host-key");
            string priv = Path.Combine(_folder, "key");
            File.WriteAllText(priv, key.PrivateKeyPem);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(priv, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var result = ExternalTools.Run("/usr/bin/ssh-keygen", new[] { "-y", "-f", priv });
            Assert.True(result.ExitCode == 0, result.StdErr);
            Assert.Equal(key.PublicKeyLine + "\n", result.StdOut);
        }

        [ToolFact("/usr/bin/ssh-keygen")]
        public void SshKeygenFindsTheKnownHostsLines()
        {
            var key = HostKeyPair.Generate();
            string knownHosts = Path.Combine(_folder, "known_hosts");
            File.WriteAllLines(knownHosts, new[] { key.ToKnownHostsLine("Debian-VM-A.lab"), key.ToKnownHostsLine("127.0.0.1", 2222) });
            var byName = ExternalTools.Run("/usr/bin/ssh-keygen", new[] { "-F", "debian-vm-a.lab", "-f", knownHosts, "-l" });
            Assert.Contains(key.Fingerprint, byName.StdOut);
            var byPort = ExternalTools.Run("/usr/bin/ssh-keygen", new[] { "-F", "[127.0.0.1]:2222", "-f", knownHosts, "-l" });
            Assert.Contains(key.Fingerprint, byPort.StdOut);
        }

        [Fact]
        public void KnownHostsLineUsesBracketsOnlyForOtherPorts()
        {
            var key = HostKeyPair.FromSeed(new byte[32]);
            string blob = Convert.ToBase64String(key.PublicKeyBlob);
            Assert.Equal("vm.lab ssh-ed25519 " + blob, key.ToKnownHostsLine("vm.lab"));
            Assert.Equal("[vm.lab]:2222 ssh-ed25519 " + blob, key.ToKnownHostsLine("vm.lab", 2222));
            Assert.Throws<ArgumentException>(() => key.ToKnownHostsLine("vm lab"));
            Assert.Throws<ArgumentOutOfRangeException>(() => key.ToKnownHostsLine("vm", 0));
        }

        [Fact]
        public void FromSeedMatchesTheRfc8032TestVector()
        {
            // RFC 8032 section 7.1, TEST 1: the public key of this secret key.
            byte[] seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
            var key = HostKeyPair.FromSeed(seed);
            Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexString(key.PublicKeyBlob[^32..]).ToLowerInvariant());
            Assert.Equal(key.PrivateKeyPem, HostKeyPair.FromSeed(seed).PrivateKeyPem);
        }

        [Fact]
        public void PrivateKeyPemHasTheOpenSshArmorAndLineWidth()
        {
            var key = HostKeyPair.Generate("c");
            string[] lines = key.PrivateKeyPem.TrimEnd('\n').Split('\n');
            Assert.Equal("-----BEGIN OPENSSH PRIVATE KEY-----", lines[0]);
            Assert.Equal("-----END OPENSSH PRIVATE KEY-----", lines[^1]);
            Assert.All(lines[1..^1], l => Assert.InRange(l.Length, 1, 70));
            byte[] body = Convert.FromBase64String(string.Concat(lines[1..^1]));
            Assert.Equal("openssh-key-v1\0", System.Text.Encoding.ASCII.GetString(body, 0, 15));
            Assert.DoesNotContain("PRIVATE", key.ToString());
        }

        [Fact]
        public void GoesIntoSshKeysOfTheDocument()
        {
            var key = HostKeyPair.Generate();
            string yaml = new CloudConfigYamlWriter().Write(new CloudConfigDocument { HostKeys = new[] { key } });
            Assert.Contains("ssh_keys:\n  ed25519_private: |\n    -----BEGIN OPENSSH PRIVATE KEY-----\n", yaml);
            Assert.Contains("  ed25519_public: \"" + key.PublicKeyLine + "\"\n", yaml);
        }
    }
}
