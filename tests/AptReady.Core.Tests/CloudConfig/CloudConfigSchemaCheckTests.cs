using System.Text;
using AptReady.Core.CloudConfig;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public sealed class CloudConfigSchemaCheckTests
    {
        // Captured from the real script on container targets: Debian 12 (cloud-init 22.4.2) and Debian 13 (25.1.4).
        private const string BookwormValid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.0swXz8Fy\nAPTREADY-SCHEMA-VERSION /usr/bin/cloud-init 22.4.2\nValid cloud-config: /tmp/aptready-cloud-config.0swXz8Fy\nAPTREADY-SCHEMA-EXIT 0\n";
        private const string BookwormInvalid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.a5yAno2k\nAPTREADY-SCHEMA-VERSION /usr/bin/cloud-init 22.4.2\nError:\nCloud config schema errors: bootcmd: 5 is not of type 'array'\nCloud config schema deprecations: \nAPTREADY-SCHEMA-EXIT 1\n";
        private const string TrixieValid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.6taGc9Ay\nAPTREADY-SCHEMA-VERSION /usr/bin/cloud-init 25.1.4\n2026-11-24 21:47:05,643 - log_util.py[WARNING]: Getting data from <class 'cloudinit.sources.DataSourceNone.DataSourceNone'> failed\n2026-11-24 21:47:05,648 - schema.py[WARNING]: datasource not detected, using default instance-data/user-data paths.\nValid schema /tmp/aptready-cloud-config.6taGc9Ay\nAPTREADY-SCHEMA-EXIT 0\n";
        private const string TrixieInvalid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.VVavsFzG\nAPTREADY-SCHEMA-VERSION /usr/bin/cloud-init 25.1.4\n2026-11-24 21:47:06,427 - log_util.py[WARNING]: Getting data from <class 'cloudinit.sources.DataSourceNone.DataSourceNone'> failed\n2026-11-24 21:47:06,433 - schema.py[WARNING]: datasource not detected, using default instance-data/user-data paths.\nError: Cloud config schema errors: bootcmd: 5 is not of type 'array'\n\nError: Invalid schema: user-data\n\nInvalid user-data /tmp/aptready-cloud-config.VVavsFzG\nAPTREADY-SCHEMA-EXIT 1\n";

        // Captured by tests/tools/Capture-Samples.ps1 -Suite forky (cloud-init 26.2) with the script of main
        // at the time, which reads the version from dpkg ("26.2-1": the first of the three without a patch number).
        private const string ForkyValid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.LiTpKrOs\nAPTREADY-SCHEMA-VERSION 26.2-1\n2026-11-29 14:18:04,798 - log_util.py[WARNING]: Getting data from <class 'cloudinit.sources.DataSourceNone.DataSourceNone'> failed\n2026-11-29 14:18:04,817 - schema.py[WARNING]: datasource not detected, using default instance-data/user-data paths.\nValid schema /tmp/aptready-cloud-config.LiTpKrOs\nAPTREADY-SCHEMA-EXIT 0\n";
        private const string ForkyInvalid = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.Rn5FdwIm\nAPTREADY-SCHEMA-VERSION 26.2-1\n2026-11-29 14:18:06,843 - log_util.py[WARNING]: Getting data from <class 'cloudinit.sources.DataSourceNone.DataSourceNone'> failed\n2026-11-29 14:18:06,862 - schema.py[WARNING]: datasource not detected, using default instance-data/user-data paths.\nError: Cloud config schema errors: bootcmd: 5 is not of type 'array'\n\nError: Invalid schema: user-data\n\nInvalid user-data /tmp/aptready-cloud-config.Rn5FdwIm\nAPTREADY-SCHEMA-EXIT 1\n";
        private const string ForkyDeprecated = "APTREADY-SCHEMA-FILE /tmp/aptready-cloud-config.4SagZHlh\nAPTREADY-SCHEMA-VERSION 26.2-1\n2026-11-29 14:18:08,708 - log_util.py[WARNING]: Getting data from <class 'cloudinit.sources.DataSourceNone.DataSourceNone'> failed\n2026-11-29 14:18:08,720 - schema.py[WARNING]: datasource not detected, using default instance-data/user-data paths.\nCloud config schema deprecations: apt_update:  Deprecated in version 22.2. Use **package_update** instead.\nValid schema /tmp/aptready-cloud-config.4SagZHlh\nAPTREADY-SCHEMA-EXIT 0\n";

        [Fact]
        public void TheDocumentTravelsOnStandardInputNeverOnTheCommandLine()
        {
            const string secret = "#cloud-config\nhostname: 'x; rm -rf /'\n";
            RemoteCommand command = CloudConfigSchemaCheck.Build(secret);
            Assert.DoesNotContain("rm -rf", command.Script);
            Assert.DoesNotContain("rm -rf", command.ToExecLine());
            Assert.Equal(new UTF8Encoding(false).GetBytes(secret), command.StandardInput);
            Assert.Contains("mktemp", command.Script);
            Assert.Contains("trap 'rm -f \"$f\"' EXIT", command.Script);
            Assert.Contains("cloud-init schema -c \"$f\"", command.Script);
        }

        [Theory]
        [InlineData(BookwormValid, "22.4.2", "Valid cloud-config: user-data")]
        [InlineData(TrixieValid, "25.1.4", "Valid schema user-data")]
        [InlineData(ForkyValid, "26.2", "Valid schema user-data")]
        public void ReadsValidVerdicts(string output, string version, string text)
        {
            CloudConfigSchemaVerdict verdict = CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, output, string.Empty));
            Assert.True(verdict.IsValid);
            Assert.Equal(0, verdict.ExitStatus);
            Assert.Equal(version, verdict.CloudInitVersion);
            Assert.Equal(text, verdict.Output);
        }

        [Theory]
        [InlineData(BookwormInvalid, "22.4.2")]
        [InlineData(TrixieInvalid, "25.1.4")]
        [InlineData(ForkyInvalid, "26.2")]
        public void ReadsInvalidVerdictsWithoutLogNoiseOrTheTemporaryPath(string output, string version)
        {
            CloudConfigSchemaVerdict verdict = CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, output, string.Empty));
            Assert.False(verdict.IsValid);
            Assert.Equal(1, verdict.ExitStatus);
            Assert.Equal(version, verdict.CloudInitVersion);
            Assert.Contains("bootcmd: 5 is not of type 'array'", verdict.Output);
            Assert.DoesNotContain("/tmp/aptready-cloud-config.", verdict.Output);
            Assert.DoesNotContain("log_util.py", verdict.Output);
            Assert.DoesNotContain("APTREADY-SCHEMA", verdict.Output);
        }

        [Theory]
        [InlineData("22.4.2-1+deb12u4", "22.4.2")]
        [InlineData("25.1.4-1", "25.1.4")]
        [InlineData("26.2-1", "26.2")]
        [InlineData("/usr/bin/cloud-init 26.2", "26.2")]
        [InlineData("1:24.4.1-0ubuntu0~24.04.1", "24.4.1")]
        [InlineData("/usr/bin/cloud-init 22.4.2", "22.4.2")]
        [InlineData("/usr/local/bin/cloud-init 25.1", "25.1")]
        public void ReadsTheVersionFromDpkgOrCloudInit(string printed, string version)
        {
            Assert.Equal(version, CloudConfigSchemaCheck.CloudInitVersion(printed));
        }

        [Fact]
        public void Version26ValidWithDeprecationsIsValidAndSaysWhich()
        {
            CloudConfigSchemaVerdict verdict = CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, ForkyDeprecated, string.Empty));
            Assert.True(verdict.IsValid);
            Assert.Equal("26.2", verdict.CloudInitVersion);
            Assert.Equal("Cloud config schema deprecations: apt_update:  Deprecated in version 22.2. Use **package_update** instead.\nValid schema user-data", verdict.Output);
        }

        [Fact]
        public void RedactsSecretsCloudInitQuotesBack()
        {
            HostKeyPair key = HostKeyPair.FromSeed(new byte[32]);
            string secondLine = key.PrivateKeyPem.Split('\n')[1];
            string output = "APTREADY-SCHEMA-FILE /tmp/f\nAPTREADY-SCHEMA-VERSION /usr/bin/cloud-init 25.1.4\n"
                + "Error: ssh_keys.ed25519_private: '" + secondLine + "\\n' is not valid\nAPTREADY-SCHEMA-EXIT 1\n";
            CloudConfigSchemaVerdict verdict = CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, output, string.Empty), new[] { key.PrivateKeyPem });
            Assert.DoesNotContain(secondLine, verdict.Output);
            Assert.Contains("[redacted]", verdict.Output);

            var error = Assert.Throws<ProbeOutputException>(() => CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, "APTREADY-SCHEMA-FILE /tmp/f\n" + secondLine, string.Empty), new[] { key.PrivateKeyPem }));
            Assert.DoesNotContain(secondLine, error.Message);
        }

        [Fact]
        public void ACheckThatCouldNotRunIsAnErrorNotAVerdict()
        {
            var missing = Assert.Throws<ProbeOutputException>(() => CloudConfigSchemaCheck.Parse(new RemoteCommandResult(127, string.Empty, "cloud-init is not installed on this host\n")));
            Assert.Contains("not installed", missing.Message);
            var mktemp = Assert.Throws<ProbeOutputException>(() => CloudConfigSchemaCheck.Parse(new RemoteCommandResult(90, string.Empty, "mktemp: failed")));
            Assert.Contains("mktemp failed", mktemp.Message);
            Assert.Throws<ProbeOutputException>(() => CloudConfigSchemaCheck.Parse(new RemoteCommandResult(null, string.Empty, string.Empty, "TERM")));
            var cut = Assert.Throws<ProbeOutputException>(() => CloudConfigSchemaCheck.Parse(new RemoteCommandResult(0, "APTREADY-SCHEMA-FILE /tmp/f\nValid", string.Empty)));
            Assert.Contains("cut short", cut.Message);
        }
    }
}
