using AptReady.Core.SshConfig;
using Xunit;

namespace AptReady.Core.Tests.SshConfig
{
    public class JumpRouteTests : IDisposable
    {
        private readonly SshConfigFolder _folder = new SshConfigFolder();

        public void Dispose() => _folder.Dispose();

        private (SshConfigResolver Resolver, SshHostConfig Target) Load(string text, string host)
        {
            var resolver = SshConfigResolver.Load(_folder.Write("config", text), _folder.Local);
            return (resolver, resolver.Resolve(host));
        }

        [Fact]
        public void EachHopIsResolvedUnderItsOwnNameAndTheFirstHopByItsOwnProxyJump()
        {
            var (resolver, target) = Load(
                "Host outer\n  HostName 192.0.2.1\n  User jump\n  Port 2222\n  ProxyJump gate\n"
                + "Host gate\n  HostName 192.0.2.9\n  ProxyJump none\n"
                + "Host inner\n  HostName 10.0.0.1\n  ProxyJump ignored-for-a-middle-hop\n"
                + "Host web\n  HostName 10.0.1.5\n  ProxyJump outer,ops@inner:2200\n", "web");
            var hops = JumpRoute.Plan(resolver, target, null);
            Assert.Equal(new[] { "192.0.2.9:22", "192.0.2.1:2222", "10.0.0.1:2200" }, hops.Select(h => $"{h.HostName}:{h.Port}"));
            Assert.Equal("jump", hops[1].User);
            Assert.Equal("ops", hops[2].User);
        }

        [Fact]
        public void AnExplicitRouteWinsOverProxyJump()
        {
            var (resolver, target) = Load("Host web\n  ProxyJump configured\n", "web");
            var hops = JumpRoute.Plan(resolver, target, JumpHostSpec.ParseList("cli@given:2022"));
            Assert.Equal("given", Assert.Single(hops).HostName);
            Assert.Equal(2022, hops[0].Port);
        }

        [Fact]
        public void ALoopIsRefusedBeforeConnecting()
        {
            var (resolver, target) = Load("Host a\n  ProxyJump b\nHost b\n  ProxyJump c\nHost c\n  ProxyJump a\n", "a");
            var ex = Assert.Throws<JumpRouteException>(() => JumpRoute.Plan(resolver, target, null));
            Assert.True(ex.IsLoop);
            Assert.Contains("comes back to", ex.Message);
        }

        [Fact]
        public void AHostThatJumpsThroughItselfIsALoop()
        {
            var (resolver, target) = Load("Host *\n  ProxyJump bastion\n", "bastion");
            Assert.True(Assert.Throws<JumpRouteException>(() => JumpRoute.Plan(resolver, target, null)).IsLoop);
        }

        [Fact]
        public void MoreThanEightHopsAreRefused()
        {
            string text = string.Concat(Enumerable.Range(1, 9).Select(i => $"Host h{i}\n  ProxyJump h{i + 1}\n")) + "Host h10\n  ProxyJump none\n";
            var (resolver, target) = Load(text, "h1");
            var ex = Assert.Throws<JumpRouteException>(() => JumpRoute.Plan(resolver, target, null));
            Assert.False(ex.IsLoop);
            var (ok, eight) = Load(string.Concat(Enumerable.Range(1, 8).Select(i => $"Host h{i}\n  ProxyJump h{i + 1}\n")) + "Host h9\n  ProxyJump none\n", "h1");
            Assert.Equal(8, JumpRoute.Plan(ok, eight, null).Count);
        }

        [Theory]
        [InlineData("bastion", "bastion", null, null)]
        [InlineData("admin@bastion:2222", "bastion", "admin", 2222)]
        [InlineData("[fd00::1]:22", "fd00::1", null, 22)]
        [InlineData("ssh://me@gw.example:99", "gw.example", "me", 99)]
        [InlineData("a.b@c@host", "host", "a.b@c", null)]
        public void JumpHostsParseAsSshDoes(string text, string host, string? user, int? port)
        {
            var hop = JumpHostSpec.Parse(text);
            Assert.Equal(host, hop.Host);
            Assert.Equal(user, hop.UserName);
            Assert.Equal(port, hop.Port);
        }

        [Theory]
        [InlineData("user@")]
        [InlineData("host:0")]
        [InlineData("host:70000")]
        [InlineData("fd00::1")]
        [InlineData("bad host")]
        [InlineData("host/x")]
        public void MalformedJumpHostsAreRefused(string text)
        {
            Assert.Throws<FormatException>(() => JumpHostSpec.Parse(text));
        }
    }
}
