using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    public class CloudConfigValidatorTests
    {
        private static readonly CloudConfigValidator Validator = new CloudConfigValidator();

        [Fact]
        public void ADocumentThisLibraryWritesHasNoWarningsOrErrors()
        {
            var document = new CloudConfigDocument
            {
                HostName = "vm",
                Users = new[] { new CloudConfigUser("debian", new[] { "sudo" }, "/bin/bash", "ALL=(ALL) NOPASSWD:ALL", new[] { SshPublicKeyTests.Ed25519Line }) },
                WriteFiles = new[] { new CloudConfigFile("/etc/motd", "hi\n", "644") },
                HostKeys = new[] { HostKeyPair.Generate() },
                SshDeleteKeys = false,
                SshGenerateKeyTypes = Array.Empty<string>(),
                RunCommands = new[] { CloudConfigCommand.Shell("true") },
                PowerState = new CloudConfigPowerState(PowerStateMode.Reboot),
            };
            Assert.Empty(Validator.Validate(document));
        }

        [Fact]
        public void MissingHeaderIsAnError()
        {
            var findings = Validator.Validate("hostname: vm\n");
            var finding = Assert.Single(findings);
            Assert.Equal(CloudConfigFindingSeverity.Error, finding.Severity);
            Assert.Contains("#cloud-config", finding.Message);
        }

        [Fact]
        public void BrokenYamlIsAnErrorNotAnException()
        {
            var findings = Validator.Validate("#cloud-config\nruncmd: [a, b\n");
            Assert.Contains(findings, f => f.Severity == CloudConfigFindingSeverity.Error && f.Message.Contains("does not parse"));
        }

        [Fact]
        public void RepeatedKeysAreAnError()
        {
            var findings = Validator.Validate("#cloud-config\nhostname: a\nhostname: b\n");
            Assert.Contains(findings, f => f.Severity == CloudConfigFindingSeverity.Error && f.Message.Contains("line 3") && f.Message.Contains("Duplicate key hostname"));
        }

        [Fact]
        public void UnknownKeysAreWarningsWithASuggestion()
        {
            var findings = Validator.Validate("#cloud-config\npackage_upgrades: false\nfoo_bar_baz: 1\n");
            Assert.Equal(2, findings.Count);
            Assert.Equal("package_upgrades", findings[0].Key);
            Assert.Equal(CloudConfigFindingSeverity.Warning, findings[0].Severity);
            Assert.Contains("Did you mean 'package_upgrade'?", findings[0].Message);
            Assert.DoesNotContain("Did you mean", findings[1].Message);
        }

        [Fact]
        public void ChecksTypesOfCommonKeys()
        {
            string yaml = "#cloud-config\n" +
                "package_update: \"yes\"\n" +
                "hostname: 010\n" +
                "packages: nginx\n" +
                "write_files:\n- content: x\n- path: /a\n  permissions: 0644\n  encoding: zip\n" +
                "ssh_keys:\n  ed25519_secret: x\n" +
                "power_state:\n  mode: sleep\n" +
                "users:\n- default\n- groups: [sudo]\n";
            var findings = Validator.Validate(yaml);
            Assert.Contains(findings, f => f.Key == "package_update" && f.Severity == CloudConfigFindingSeverity.Error && f.Message.Contains("quoted string"));
            Assert.Contains(findings, f => f.Key == "hostname" && f.Message.Contains("int"));
            Assert.Contains(findings, f => f.Key == "packages" && f.Message == "must be a list.");
            Assert.Contains(findings, f => f.Key == "write_files[0]" && f.Message.Contains("no 'path'"));
            Assert.Contains(findings, f => f.Key == "write_files[1].permissions" && f.Severity == CloudConfigFindingSeverity.Warning);
            Assert.Contains(findings, f => f.Key == "write_files[1].encoding" && f.Severity == CloudConfigFindingSeverity.Error);
            Assert.Contains(findings, f => f.Key == "ssh_keys.ed25519_secret");
            Assert.Contains(findings, f => f.Key == "power_state.mode");
            Assert.Contains(findings, f => f.Key == "users[1]" && f.Message.Contains("no 'name'"));
            Assert.DoesNotContain(findings, f => f.Key == "users[0]");
        }

        [Fact]
        public void FlagsSettingsThatStartTheAptRace()
        {
            var upgrade = Validator.Validate("#cloud-config\npackage_upgrade: true\n");
            Assert.Equal(CloudConfigFindingSeverity.Warning, Assert.Single(upgrade).Severity);

            var packages = Validator.Validate("#cloud-config\npackage_update: false\npackages: [jq]\n");
            var finding = Assert.Single(packages);
            Assert.Equal(CloudConfigFindingSeverity.Info, finding.Severity);
            Assert.Contains("even with package_update: false", finding.Message);
        }

        [Fact]
        public void KnowsTheKeysOfBothCloudInitVersions()
        {
            Assert.Contains("ubuntu_pro", CloudConfigValidator.KnownTopLevelKeys); // 25.x only
            Assert.Contains("ssh_genkeytypes", CloudConfigValidator.KnownTopLevelKeys);
            Assert.Contains("write_files", CloudConfigValidator.KnownTopLevelKeys);
        }

        [Fact]
        public void KnowsTheRpiKeyThatCloudInit26Added()
        {
            // 26.2's schema-cloud-config-v1.json has one top-level property more than 25.1.4's: rpi.
            Assert.Contains("rpi", CloudConfigValidator.KnownTopLevelKeys);
            Assert.Empty(Validator.Validate("#cloud-config\nrpi:\n  interfaces:\n    spi: true\n"));
            Assert.Contains("22.4–26.x", Assert.Single(Validator.Validate("#cloud-config\nrpi_x: 1\n")).Message);
        }

        [Fact]
        public void EmptyOrNonMappingDocuments()
        {
            Assert.Equal(CloudConfigFindingSeverity.Warning, Assert.Single(Validator.Validate("#cloud-config\n")).Severity);
            Assert.Equal(CloudConfigFindingSeverity.Error, Assert.Single(Validator.Validate("#cloud-config\n- a\n")).Severity);
        }
    }
}
