using AptReady.Core.SshConfig;
using AptReady.Transport;
using Renci.SshNet;
using Xunit;

namespace AptReady.Core.Tests.SshConfig
{
    /// <summary>KexAlgorithms' four forms from a client's default order, its checks, and its precedence in the files.</summary>
    public class KexAlgorithmListTests : IDisposable
    {
        // A client's order with a name OpenSSH lacks nowhere and one SSH.NET lacks (mlkem768nistp256-sha256) absent.
        private static readonly string[] Defaults =
        {
            "mlkem768x25519-sha256", "sntrup761x25519-sha512", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "diffie-hellman-group14-sha256", "diffie-hellman-group1-sha1",
        };

        private readonly SshConfigFolder _folder = new SshConfigFolder();

        public void Dispose() => _folder.Dispose();

        private static IReadOnlyList<string> Offered(string? value) => KexAlgorithmList.Assemble(value, Defaults, Defaults).Offered;

        [Fact]
        public void NoValueIsTheDefaultOrder() => Assert.Equal(Defaults, Offered(null));

        [Fact]
        public void AListReplacesTheDefaultInItsOwnOrder() =>
            Assert.Equal(new[] { "curve25519-sha256", "ecdh-sha2-nistp256" }, Offered("curve25519-sha256,ecdh-sha2-nistp256"));

        [Fact]
        public void PlusAppendsWhatTheDefaultLacksAndMovesNothing()
        {
            string[] supported = Defaults.Append("diffie-hellman-group16-sha512").ToArray();
            Assert.Equal(supported, KexAlgorithmList.Assemble("+diffie-hellman-group16-sha512,curve25519-sha256", Defaults, supported).Offered);
        }

        [Fact]
        public void CaretPutsTheNamesFirstAndKeepsTheRestInOrder() =>
            Assert.Equal(
                new[] { "curve25519-sha256", "ecdh-sha2-nistp384" }.Concat(Defaults.Where(n => n != "curve25519-sha256" && n != "ecdh-sha2-nistp384")),
                Offered("^curve25519-sha256,ecdh-sha2-nistp384"));

        [Theory]
        [InlineData("-diffie-hellman-group1-sha1", new[] { "diffie-hellman-group1-sha1" })]
        [InlineData("-curve25519*", new[] { "curve25519-sha256", "curve25519-sha256@libssh.org" })]
        [InlineData("-ecdh-sha2-nistp???,*-sha1", new[] { "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "diffie-hellman-group1-sha1" })]
        [InlineData("-diffie*,!diffie-hellman-group14-sha256", new[] { "diffie-hellman-group1-sha1" })]
        [InlineData("-!curve*", new string[0])]
        [InlineData("-no-such-algorithm,Curve25519-sha256", new string[0])]
        [InlineData("-", new string[0])]
        public void MinusRemovesWhatItsPatternsMatch(string value, string[] removed) =>
            Assert.Equal(Defaults.Except(removed), Offered(value));

        [Fact]
        public void MinusEverythingLeavesNothingToOffer() => Assert.Empty(Offered("-*"));

        [Theory]
        [InlineData("curve25519-sha256,ecdh-sha2-nistp256,curve25519-sha256", new[] { "curve25519-sha256", "ecdh-sha2-nistp256" })]
        [InlineData("^ecdh-sha2-nistp256,ecdh-sha2-nistp256", null)]
        [InlineData(",curve25519-sha256,,ecdh-sha2-nistp256,", new[] { "curve25519-sha256", "ecdh-sha2-nistp256" })]
        public void EachNameIsOfferedOnceWhereItFirstAppears(string value, string[]? expected)
        {
            IReadOnlyList<string> offered = Offered(value);
            Assert.Equal(offered.Distinct(), offered);
            if (expected != null)
            {
                Assert.Equal(expected, offered);
            }
            else
            {
                Assert.Equal("ecdh-sha2-nistp256", offered[0]);
                Assert.Equal(Defaults.Length, offered.Count);
            }
        }

        [Fact]
        public void NamesSshKnowsButTheClientLacksAreDroppedAndNamed()
        {
            KexAlgorithmChoice choice = KexAlgorithmList.Assemble("mlkem768nistp256-sha256,curve25519-sha256,diffie-hellman-group18-sha512", Defaults, Defaults);
            Assert.Equal(new[] { "curve25519-sha256" }, choice.Offered);
            Assert.Equal(new[] { "mlkem768nistp256-sha256", "diffie-hellman-group18-sha512" }, choice.Dropped);

            KexAlgorithmChoice none = KexAlgorithmList.Assemble("mlkem768nistp256-sha256", Defaults, Defaults);
            Assert.Empty(none.Offered);
            Assert.Equal(new[] { "mlkem768nistp256-sha256" }, none.Dropped);
        }

        [Fact]
        public void ANameNeitherKnowsIsRefused()
        {
            var ex = Assert.Throws<ArgumentException>(() => KexAlgorithmList.Assemble("curve25519-sha256,no-such-kex", Defaults, Defaults));
            Assert.Contains("\"no-such-kex\"", ex.Message);
            Assert.Equal(new[] { "client-only-kex" }, KexAlgorithmList.Assemble("client-only-kex", Defaults, Defaults.Append("client-only-kex")).Offered);
        }

        [Theory]
        [InlineData("KexAlgorithms curve25519-sha256,no-such-kex\n", "unsupported KEX algorithm \"no-such-kex\"")]
        [InlineData("KexAlgorithms curve*\n", "unsupported KEX algorithm \"curve*\"")]
        [InlineData("KexAlgorithms +curve*\n", "patterns are allowed after '-' only")]
        [InlineData("KexAlgorithms ^Curve25519-sha256\n", "\"Curve25519-sha256\"")]
        [InlineData("KexAlgorithms +\n", "no algorithm named")]
        [InlineData("KexAlgorithms ,\n", "no algorithm named")]
        [InlineData("KexAlgorithms curve25519-sha256 ecdh-sha2-nistp256\n", "extra arguments")]
        [InlineData("KexAlgorithms\n", "missing argument")]
        [InlineData("Host never-this-host\n  KexAlgorithms bogus\n", "Bad SSH2 KexAlgorithms 'bogus'")]
        public void ALineSshRefusesIsAnErrorNamingFileAndLineEvenInABlockThatDoesNotApply(string text, string message)
        {
            string file = _folder.Write("config", text);
            var ex = Assert.Throws<SshConfigException>(() => _folder.Resolve(file, "h"));
            Assert.Equal(file, ex.File);
            Assert.Equal(text.Count(c => c == '\n'), ex.Line);
            Assert.Contains(message, ex.Message);
        }

        [Fact]
        public void TheFirstValueObtainedWinsAcrossHostAndMatchBlocks()
        {
            string file = _folder.Write("config",
                "Match host *.lab user deploy\n  KexAlgorithms ^curve25519-sha256\n"
                + "Host web1.lab\n  KexAlgorithms -sntrup*\n"
                + "Host *\n  KexAlgorithms ecdh-sha2-nistp256\n");
            Assert.Equal("^curve25519-sha256", _folder.Resolve(file, "web1.lab", user: "deploy").KexAlgorithms);
            SshHostConfig web1 = _folder.Resolve(file, "web1.lab", user: "other");
            Assert.Equal("-sntrup*", web1.KexAlgorithms);
            Assert.Equal($"{file} line 4", web1.Sources["kexalgorithms"]);
            Assert.Equal("ecdh-sha2-nistp256", _folder.Resolve(file, "db1").KexAlgorithms);
            Assert.DoesNotContain("kexalgorithms", _folder.Resolve(file, "db1").NotFollowed);
        }

        [Fact]
        public void AMatchFinalBlockAppliesOnlyWhereNothingEarlierSetIt()
        {
            string file = _folder.Write("config",
                "Host alias\n  HostName real.lab\n"
                + "Match final host real.lab\n  KexAlgorithms curve25519-sha256\n"
                + "Host other\n  KexAlgorithms ecdh-sha2-nistp256\n");
            Assert.Equal("curve25519-sha256", _folder.Resolve(file, "alias").KexAlgorithms);
            Assert.Equal("ecdh-sha2-nistp256", _folder.Resolve(file, "other").KexAlgorithms);
            Assert.Null(_folder.Resolve(file, "third").KexAlgorithms);
        }

        [Fact]
        public void SshNetsOwnOrderIsTheDefaultAndEveryNameInItIsOneSshKnows()
        {
            Assert.Contains("curve25519-sha256", KeyExchangeOrder.Supported);
            Assert.All(KeyExchangeOrder.Supported, name => Assert.Contains(name, KexAlgorithmList.KnownToOpenSsh));
        }

        [Fact]
        public void TheChosenOrderIsWhatTheConnectionOffers()
        {
            var info = new ConnectionInfo("localhost", "u", new NoneAuthenticationMethod("u"));
            IReadOnlyList<string> chosen = KexAlgorithmList.Assemble("^ecdh-sha2-nistp384,curve25519-sha256", KeyExchangeOrder.Supported, KeyExchangeOrder.Supported).Offered;
            KeyExchangeOrder.Apply(info, chosen);
            Assert.Equal(chosen, info.KeyExchangeAlgorithms.Keys);

            var only = new ConnectionInfo("localhost", "u", new NoneAuthenticationMethod("u"));
            KeyExchangeOrder.Apply(only, new[] { "curve25519-sha256" });
            Assert.Equal(new[] { "curve25519-sha256" }, only.KeyExchangeAlgorithms.Keys);

            var untouched = new ConnectionInfo("localhost", "u", new NoneAuthenticationMethod("u"));
            KeyExchangeOrder.Apply(untouched, null);
            Assert.Equal(KeyExchangeOrder.Supported, untouched.KeyExchangeAlgorithms.Keys);
        }
    }
}
