using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public class CloudConfigInputTests
    {
        [Theory]
        [InlineData("debian")]
        [InlineData("_svc")]
        [InlineData("a-b_c1")]
        [InlineData("machine$")]
        [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
        public void AcceptsLinuxUserNames(string name) => Assert.Equal(name, CloudConfigInput.UserName(name, "User"));

        [Theory]
        [InlineData("Debian")]
        [InlineData("1user")]
        [InlineData("-user")]
        [InlineData("us er")]
        [InlineData("a$b")]
        [InlineData("root;reboot")]
        [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
        public void RefusesOtherUserNamesNamingTheValue(string name)
        {
            var error = Assert.Throws<ArgumentException>(() => CloudConfigInput.UserName(name, "User"));
            Assert.Contains("'" + name + "'", error.Message);
            Assert.Equal("User", error.ParamName);
        }

        [Theory]
        [InlineData("644", "0644")]
        [InlineData("0644", "0644")]
        [InlineData("0o644", "0644")]
        [InlineData("0O600", "0600")]
        [InlineData("4755", "4755")]
        [InlineData("04755", "4755")]
        [InlineData("0o4755", "4755")]
        public void NormalisesOctalModes(string mode, string expected) => Assert.Equal(expected, CloudConfigInput.FileMode(mode, "Permissions"));

        [Theory]
        [InlineData("64")]
        [InlineData("0x1a4")]
        [InlineData("rw-r--r--")]
        [InlineData("0688")]
        [InlineData("77777")]
        [InlineData("420")]
        public void RefusesWhatIsNotAnOctalMode(string mode)
        {
            if (mode == "420")
            {
                // 420 is valid octal (r---w----): accepted as octal, never read as decimal.
                Assert.Equal("0420", CloudConfigInput.FileMode(mode, "Permissions"));
                return;
            }

            Assert.Throws<ArgumentException>(() => CloudConfigInput.FileMode(mode, "Permissions"));
        }

        [Theory]
        [InlineData("/etc/motd", true)]
        [InlineData("/opt/app dir/file: x", true)]
        [InlineData("etc/motd", false)]
        [InlineData("/etc/../shadow", false)]
        [InlineData("/etc/", false)]
        [InlineData("/etc/a\nb", false)]
        [InlineData("", false)]
        public void ChecksAbsolutePaths(string path, bool valid) => Check(() => CloudConfigInput.AbsolutePath(path, "Path"), valid);

        [Theory]
        [InlineData("vm", true)]
        [InlineData("debian-vm-a.lab.example", true)]
        [InlineData("1host", true)]
        [InlineData("-vm", false)]
        [InlineData("vm-", false)]
        [InlineData("vm_a", false)]
        [InlineData("a..b", false)]
        [InlineData("vm;id", false)]
        public void ChecksRfc1123HostNames(string name, bool valid) => Check(() => CloudConfigInput.HostName(name, "HostName"), valid);

        [Fact]
        public void ChecksHostNameLengths()
        {
            Assert.Throws<ArgumentException>(() => CloudConfigInput.HostName(new string('a', 64), "HostName"));
            CloudConfigInput.HostName(new string('a', 63), "HostName");
            Assert.Throws<ArgumentException>(() => CloudConfigInput.HostName(string.Join(".", Enumerable.Repeat(new string('a', 63), 4)), "HostName"));
            Assert.Throws<ArgumentException>(() => CloudConfigInput.FullyQualifiedDomainName("vm", "Fqdn"));
        }

        [Theory]
        [InlineData("nginx", true)]
        [InlineData("g++", true)]
        [InlineData("libc6:amd64", true)]
        [InlineData("jq=1.6-2.1", true)]
        [InlineData("nginx=1:1.22.1-9+deb12u1", true)]
        [InlineData("curl/bookworm-backports", true)]
        [InlineData("0ad", true)]
        [InlineData("x", false)]
        [InlineData("Nginx", false)]
        [InlineData("-nginx", false)]
        [InlineData("nginx;reboot", false)]
        [InlineData("nginx jq", false)]
        [InlineData("jq=", false)]
        [InlineData("$(id)", false)]
        public void ChecksPackageNames(string name, bool valid) => Check(() => CloudConfigInput.PackageName(name, "Package"), valid);

        [Theory]
        [InlineData("root:root", true)]
        [InlineData("debian", true)]
        [InlineData("a:b:c", false)]
        [InlineData("root:", false)]
        public void ChecksOwners(string owner, bool valid) => Check(() => CloudConfigInput.Owner(owner, "Owner"), valid);

        [Fact]
        public void DocumentSettersValidateAtTheBoundary()
        {
            var document = new CloudConfigDocument();
            Assert.Throws<ArgumentException>(() => document.Packages = new[] { "ok-package", "Bad" });
            Assert.Throws<ArgumentException>(() => document.HostName = "bad_host");
            Assert.Throws<ArgumentException>(() => document.Timezone = "../../etc/passwd");
            Assert.Throws<ArgumentException>(() => document.AptProxy = "ftp://proxy");
            Assert.Throws<ArgumentException>(() => document.SshGenerateKeyTypes = new[] { "dsa" });
            Assert.Throws<ArgumentException>(() => new CloudConfigUser("debian", sudo: "ALL=(ALL) ALL\nroot ALL=(ALL) ALL"));
            Assert.Throws<ArgumentException>(() => new CloudConfigUser("debian", sshAuthorizedKeys: new[] { "not a key" }));
            Assert.Throws<ArgumentException>(() => new CloudConfigFile("relative", "x"));
            Assert.Empty(document.Packages);
        }

        private static void Check(Func<string> validate, bool valid)
        {
            if (valid)
            {
                validate();
            }
            else
            {
                Assert.ThrowsAny<ArgumentException>(() => validate());
            }
        }
    }
}
