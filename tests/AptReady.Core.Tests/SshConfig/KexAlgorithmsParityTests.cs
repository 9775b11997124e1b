using AptReady.Core.SshConfig;
using AptReady.Transport;
using Xunit;

namespace AptReady.Core.Tests.SshConfig
{
    /// <summary>The local ssh's own starting point: its compiled default order (ssh -G with no file) and all it knows (ssh -Q kex).</summary>
    internal static class SshKex
    {
        private static readonly Lazy<(string[] Defaults, string[] All)> Base = new Lazy<(string[], string[])>(() =>
        {
            string defaults = string.Join(' ', SshConfigParityTests.SshG("none", "anyhost")["kexalgorithms"]);
            var (code, all, error) = SshConfigParityTests.Run("-Q", "kex");
            Assert.True(code == 0, $"ssh -Q kex failed: {error}");
            return (defaults.Split(','), all.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        });

        public static IReadOnlyList<string> Defaults => Base.Value.Defaults;

        public static IReadOnlyList<string> All => Base.Value.All;
    }

    /// <summary>
    /// KexAlgorithms against ssh -G's kexalgorithms line. Given ssh's own default order and list, AptReady's
    /// resolution must print what ssh prints, name for name. From SSH.NET's order (what AptReady really
    /// offers) the lists cannot be equal: SSH.NET's default adds ML-KEM (OpenSSH 9.9) and three SHA-1
    /// exchanges ssh leaves out, so "+" finds those already placed and "-" removes names ssh never had.
    /// There the comparison is over the names both orders hold (and, for a list or "^", the names given):
    /// their membership and relative order must agree.
    /// </summary>
    public class KexAlgorithmsParityTests : IDisposable
    {
        private readonly SshConfigFolder _folder = new SshConfigFolder();

        public void Dispose() => _folder.Dispose();

        public static TheoryData<string> Values() => new TheoryData<string>
        {
            "curve25519-sha256",
            "ecdh-sha2-nistp521,curve25519-sha256,diffie-hellman-group14-sha1",
            "curve25519-sha256,ecdh-sha2-nistp256,curve25519-sha256",
            ",curve25519-sha256,,ecdh-sha2-nistp384,",
            "+diffie-hellman-group1-sha1,diffie-hellman-group14-sha1",
            "+curve25519-sha256",
            "-diffie*,!diffie-hellman-group14-sha256",
            "-sntrup*,ecdh-sha2-nistp3??",
            "-curve25519-sha256@libssh.org,no-such-kex,Ecdh-sha2-nistp256",
            "-",
            "-*",
            "^diffie-hellman-group1-sha1,curve25519-sha256",
            "^curve25519-sha256,ecdh-sha2-nistp256,curve25519-sha256",
        };

        [SshGTheory]
        [MemberData(nameof(Values))]
        public void FromSshsOwnDefaultTheListIsSshGs(string value)
        {
            IReadOnlyList<string> ssh = SshGList(value);
            IReadOnlyList<string> ours = KexAlgorithmList.Assemble(Resolve(value), SshKex.Defaults, SshKex.All).Offered;
            Assert.Equal(ssh, ours);
        }

        [SshGTheory]
        [MemberData(nameof(Values))]
        public void FromSshNetsDefaultTheNamesBothHoldComeInSshGsOrder(string value)
        {
            IReadOnlyList<string> client = KeyExchangeOrder.Supported;
            string[] named = value.TrimStart('^').Split(',');
            var common = new HashSet<string>(value.StartsWith('+') || value.StartsWith('-')
                ? SshKex.Defaults.Intersect(client)
                : SshKex.All.Intersect(client).Where(n => !value.StartsWith('^') || SshKex.Defaults.Contains(n) || named.Contains(n)));
            IReadOnlyList<string> ours = KexAlgorithmList.Assemble(Resolve(value), client, client).Offered;
            Assert.Equal(SshGList(value).Where(common.Contains), ours.Where(common.Contains));
            Assert.All(ours, name => Assert.Contains(name, client));
        }

        [Fact]
        public void ANameOnlyANewerSshKnowsIsAcceptedAndDroppedWhereTheClientLacksIt()
        {
            // mlkem768nistp256-sha256 is in OpenSSH 10.5 and later; SSH.NET 2026.0.0 has no ML-KEM over NIST P-256.
            Assert.DoesNotContain("mlkem768nistp256-sha256", KeyExchangeOrder.Supported);
            KexAlgorithmChoice choice = KexAlgorithmList.Assemble(Resolve("^mlkem768nistp256-sha256,curve25519-sha256"), KeyExchangeOrder.Supported, KeyExchangeOrder.Supported);
            Assert.Equal("curve25519-sha256", choice.Offered[0]);
            Assert.Equal(new[] { "mlkem768nistp256-sha256" }, choice.Dropped);
        }

        private string Resolve(string value)
        {
            string file = _folder.Write("kex.conf", $"Host *\n  KexAlgorithms {value}\n");
            return _folder.Resolve(file, "anyhost").KexAlgorithms!;
        }

        private string[] SshGList(string value)
        {
            string file = _folder.Write("kex.conf", $"Host *\n  KexAlgorithms {value}\n");
            string line = string.Join(' ', SshConfigParityTests.SshG(file, "anyhost")["kexalgorithms"]);
            return line.Split(',', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
