using AptReady.Core.SshConfig;
using Xunit;

namespace AptReady.Core.Tests.SshConfig
{
    public class SshConfigResolverTests : IDisposable
    {
        private readonly SshConfigFolder _folder = new SshConfigFolder();

        public void Dispose() => _folder.Dispose();

        [Fact]
        public void TheFirstValueObtainedWinsAndIdentityFilesAccumulate()
        {
            string file = _folder.Write("config", "Host web1\n  HostName 10.1.2.3\n  Port 2201\n  IdentityFile /k/one\nHost *\n  Port 22\n  User deploy\n  IdentityFile /k/two\n  IdentityFile /k/one\n");
            SshHostConfig config = _folder.Resolve(file, "web1");
            Assert.Equal("10.1.2.3", config.HostName);
            Assert.Equal(2201, config.Port);
            Assert.Equal("deploy", config.User);
            Assert.Equal(new[] { "/k/one", "/k/two" }, config.IdentityFiles);
            Assert.Equal("web1", config.OriginalHost);
        }

        [Fact]
        public void TheCallersValuesWinOverTheFiles()
        {
            string file = _folder.Write("config", "Host *\n  User deploy\n  Port 2222\nMatch user admin\n  HostName admin.example\n");
            SshHostConfig config = _folder.Resolve(file, "web1", user: "admin", port: 22);
            Assert.Equal("admin", config.User);
            Assert.Equal(22, config.Port);
            Assert.Equal("admin.example", config.HostName);
        }

        [Fact]
        public void KeywordsAreCaseInsensitiveAndTakeEqualsSignsAndQuotes()
        {
            string file = _folder.Write("config", "host=web1\nHOSTNAME = \"10.0.0.1\"\n\tuser='a b'   # a comment\n  IdentityFile \"/k/with space\"\n");
            SshHostConfig config = _folder.Resolve(file, "web1");
            Assert.Equal("10.0.0.1", config.HostName);
            Assert.Equal("a b", config.User);
            Assert.Equal(new[] { "/k/with space" }, config.IdentityFiles);
        }

        [Fact]
        public void NegatedPatternsTakeAHostOutOfABlock()
        {
            string file = _folder.Write("config", "Host *.lab !db?.lab\n  Port 2022\nMatch host *.lab,!web*\n  User labuser\n");
            Assert.Equal(2022, _folder.Resolve(file, "web1.lab").Port);
            Assert.Equal(22, _folder.Resolve(file, "db1.lab").Port);
            Assert.Equal("labuser", _folder.Resolve(file, "db1.lab").User);
            Assert.NotEqual("labuser", _folder.Resolve(file, "web1.lab").User);
        }

        [Fact]
        public void MatchFinalReadsTheFilesAgainUnderTheHostName()
        {
            string file = _folder.Write("config", "Host a\n  HostName B.Example\nMatch final host b.example\n  User finaluser\nHost b.example\n  Port 3033\n");
            SshHostConfig config = _folder.Resolve(file, "a");
            Assert.Equal("b.example", config.HostName);
            Assert.Equal("finaluser", config.User);
            Assert.Equal(3033, config.Port);
        }

        [Fact]
        public void IncludeReadsFilesInOrderAndKeepsTheIncludersBlock()
        {
            _folder.Write("conf.d/10-a.conf", "Host y\n  Port 4444\n");
            _folder.Write("conf.d/20-b.conf", "Port 5555\nHost z\n  Port 6666\n");
            string file = _folder.Write("config", "Host nomatch\n  Include {ROOT}/conf.d/*.conf\nHost *\n  Port 7777\n");
            Assert.Equal(7777, _folder.Resolve(file, "y").Port);
            string open = _folder.Write("config2", "Include {ROOT}/conf.d/*.conf\nHost q\n  User after\n");
            Assert.Equal(4444, _folder.Resolve(open, "y").Port);
            Assert.Equal(5555, _folder.Resolve(open, "z").Port);
            Assert.Equal("after", _folder.Resolve(open, "q").User);
        }

        [Fact]
        public void TokensAreExpandedInPathsAndHostName()
        {
            string file = _folder.Write("config", "Host web?\n  HostName %h.lab\n  User ops\n  IdentityFile ~/.ssh/id_%r_%h_%p\n  UserKnownHostsFile %d/kh_%n %%literal\n  IdentityAgent /run/agent-%u.sock\n");
            SshHostConfig config = _folder.Resolve(file, "web1");
            Assert.Equal("web1.lab", config.HostName);
            Assert.Equal(new[] { _folder.Local.HomeFolder + "/.ssh/id_ops_web1.lab_22" }, config.IdentityFiles);
            Assert.Equal(new[] { "~/.ssh/id_%r_%h_%p" }, config.IdentityFilesAsWritten);
            Assert.Equal(new[] { _folder.Local.HomeFolder + "/kh_web1", "%literal" }, config.UserKnownHostsFiles);
            Assert.Equal("/run/agent-" + _folder.Local.UserName + ".sock", config.IdentityAgent);
        }

        [Fact]
        public void ProxyJumpListsHopsAndNoneEndsTheSearch()
        {
            string file = _folder.Write("config", "Host inner\n  ProxyJump none\nHost *\n  ProxyJump alice@bastion:2222,[fd00::1]:22,ssh://bob@b2\n");
            Assert.Empty(_folder.Resolve(file, "inner").ProxyJump!);
            var hops = _folder.Resolve(file, "web1").ProxyJump!;
            Assert.Equal(new[] { "alice@bastion:2222", "[fd00::1]:22", "bob@b2" }, hops.Select(h => h.ToString()));
            Assert.Equal(2222, hops[0].Port);
            Assert.Null(hops[2].Port);
        }

        [Fact]
        public void ProxyCommandIsReportedNotRun()
        {
            string file = _folder.Write("config", "Host *\n  ProxyCommand nc %h %p\n  ProxyJump j1\n");
            SshHostConfig config = _folder.Resolve(file, "web1");
            Assert.Equal("nc %h %p", config.ProxyCommand);
            Assert.Null(config.ProxyJump);
        }

        [Theory]
        [InlineData("accept-new", StrictHostKeyChecking.AcceptNew)]
        [InlineData("no", StrictHostKeyChecking.No)]
        [InlineData("off", StrictHostKeyChecking.No)]
        [InlineData("yes", StrictHostKeyChecking.Yes)]
        [InlineData("ask", StrictHostKeyChecking.Ask)]
        public void StrictHostKeyCheckingIsRead(string value, StrictHostKeyChecking expected)
        {
            string file = _folder.Write("config", $"StrictHostKeyChecking {value}\n");
            Assert.Equal(expected, _folder.Resolve(file, "h").StrictHostKeyChecking);
        }

        [Fact]
        public void KeywordsNotFollowedAreNamedOnceEach()
        {
            string file = _folder.Write("config", "Host *\n  ForwardAgent yes\n  Ciphers aes128-ctr\nHost h\n  ForwardAgent no\n  UseRoaming no\n");
            Assert.Equal(new[] { "forwardagent", "ciphers" }, _folder.Resolve(file, "h").NotFollowed);
        }

        [Theory]
        [InlineData("Host *\n  Port abc\n", 2, "Bad port")]
        [InlineData("Host nomatch\n  Frobnicate yes\n", 2, "Bad configuration option: frobnicate")]
        [InlineData("Host *\n  HostName a b\n", 2, "extra arguments")]
        [InlineData("\n\nHostName \"unterminated\n", 3, "invalid quotes")]
        [InlineData("Match exec \"true\"\n  Port 1\n", 1, "Match exec is not supported")]
        [InlineData("Match localnetwork 10.0.0.0/8\n", 1, "Unsupported Match attribute")]
        [InlineData("ProxyJump user@:22\n", 1, "Invalid ProxyJump")]
        [InlineData("ConnectTimeout 5x\n", 1, "invalid time value")]
        [InlineData("Host *\n  HostName %r.lab\n", 2, "unknown token %r")]
        public void AMalformedLineIsAnErrorNamingFileAndLine(string text, int line, string message)
        {
            string file = _folder.Write("config", text);
            var ex = Assert.Throws<SshConfigException>(() => _folder.Resolve(file, "h"));
            Assert.Equal(line, ex.Line);
            Assert.Equal(file, ex.File);
            Assert.Contains(message, ex.Message);
        }

        [Fact]
        public void IgnoreUnknownLetsNamedKeywordsPass()
        {
            string file = _folder.Write("config", "IgnoreUnknown Frob*,UseKeychain\nUseKeychain yes\nFrobnicate 1\n");
            Assert.Equal(22, _folder.Resolve(file, "h").Port);
        }

        [Fact]
        public void MatchExecAfterAFailedCriterionIsSkippedAsSshDoes()
        {
            string file = _folder.Write("config", "Match host other exec \"true\"\n  Port 1\n");
            Assert.Equal(22, _folder.Resolve(file, "h").Port);
        }

        [Fact]
        public void AMissingNamedFileIsAnErrorAndAnEmptyPathReadsNothing()
        {
            Assert.Throws<SshConfigException>(() => SshConfigResolver.Load(Path.Combine(_folder.Root, "absent"), _folder.Local));
            Assert.Empty(SshConfigResolver.Load(string.Empty, _folder.Local).Files);
        }

        [Fact]
        public void RecursiveIncludesEndWithAnError()
        {
            string file = _folder.Write("loop", "Include {ROOT}/loop\n");
            var ex = Assert.Throws<SshConfigException>(() => _folder.Resolve(file, "h"));
            Assert.Contains("too many recursive", ex.Message);
        }
    }
}
