using System.Linq;
using AptReady.Transport;
using Renci.SshNet;
using Xunit;

namespace AptReady.Core.Tests.Remote
{
    public class KeyExchangeOrderTests
    {
        [Fact]
        public void MlKemThenCurve25519AreOfferedBeforeSntrup761AndNothingIsDropped()
        {
            var info = new ConnectionInfo("127.0.0.1", 22, "user", new PasswordAuthenticationMethod("user", "unused"));
            string[] before = info.KeyExchangeAlgorithms.Keys.ToArray();

            SshConnector.PreferCheapKeyExchange(info.KeyExchangeAlgorithms);

            string[] after = info.KeyExchangeAlgorithms.Keys.ToArray();
            Assert.Equal(before.OrderBy(k => k), after.OrderBy(k => k));
            Assert.Equal(new[] { "mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org" }, after.Take(3));
            Assert.True(after.ToList().IndexOf("sntrup761x25519-sha512@openssh.com") > 2);
        }
    }
}
