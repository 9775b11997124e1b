using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;
using AptReady.Core.CloudConfig;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace AptReady.Core.Tests.CloudConfig
{
    public class CloudConfigYamlWriterTests
    {
        /// <summary>Strings that YAML 1.1 turns into something else, or that break naive quoting.</summary>
        public static readonly string[] HostileStrings =
        {
            "", " ", "  leading", "trailing  ", "\t", "tab\tinside", "a: b", "a:b", "key:", "# comment", "a #b", "-", "- item",
            "-leading", "*alias", "&anchor", "!tag", "!!str", "%directive", "@at", "`backtick`", "'single'", "\"double\"",
            "it's", "multi\nline", "multi\nline\n", "multi\nline\n\n", "\nleading newline", "trailing newline\n", "line\r\nwindows",
            "\r", "ünïcødé", "日本語", "emoji 😀", "\u2028", "a\u2029b", "\u0085", "\uFEFFbom", "\0nul", "\u001b[31m", "\u007f",
            "\u00a0nbsp", "yes", "no", "on", "off", "y", "n", "Y", "N", "true", "false", "True", "FALSE", "null", "Null", "~",
            "010", "0x1F", "1e3", "1_000", "12:30", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "0b101", "+1", "-1",
            ".5", "1.", "-.inf", ".NaN", ".inf", "NaN", "<<", "=", "[a]", "{a: b}", "a, b", "?", "? x", "|", "|-", ">", "--- ",
            "---", "...", "a\\b", "\\n", "    indented\nblock", "line with trailing space \nnext", "#!/bin/sh\nset -eu\necho hi\n",
            "a\n  \nb", "a\n\tb", "\t\n", "x\n ", "0o644", "0644", "%", "a%b", "@", "foo@bar", "&", "* *", "|literal", "'", "\"",
            "\\", "null\n", "ALL=(ALL) NOPASSWD:ALL", "deb [signed-by=/x.gpg] http://h/debian $RELEASE main", "\n", "\n\n",
            "a\n\n", "x\u000b", new string('k', 5000), "long " + string.Join(" ", Enumerable.Repeat("word", 400)),
        };

        private static readonly CloudConfigYamlWriter Writer = new CloudConfigYamlWriter();

        [Fact]
        public void DocumentStartsWithTheCloudConfigHeaderLine()
        {
            string yaml = Writer.Write(new CloudConfigDocument());
            Assert.StartsWith("#cloud-config\n", yaml);
            Assert.DoesNotContain("\r", yaml);
        }

        [Fact]
        public void PackageUpdateAndUpgradeAreFalseByDefault()
        {
            string yaml = Writer.Write(new CloudConfigDocument());
            Assert.Equal("#cloud-config\npackage_update: false\npackage_upgrade: false\n", yaml);
        }

        [Fact]
        public void SshKeyGenerationSettingsAppearOnlyWhenAsked()
        {
            var document = new CloudConfigDocument();
            Assert.DoesNotContain("ssh_deletekeys", Writer.Write(document));
            Assert.DoesNotContain("ssh_genkeytypes", Writer.Write(document));
            document.SshDeleteKeys = false;
            document.SshGenerateKeyTypes = Array.Empty<string>();
            string yaml = Writer.Write(document);
            Assert.Contains("\nssh_deletekeys: false\n", yaml);
            Assert.Contains("\nssh_genkeytypes: []\n", yaml);
        }

        [Fact]
        public void WritesATypicalDocumentReadably()
        {
            var document = new CloudConfigDocument
            {
                HostName = "debian-vm-a",
                Timezone = "Etc/UTC",
                Locale = "C.UTF-8",
                Users = new[] { new CloudConfigUser("debian", new[] { "sudo" }, "/bin/bash", "ALL=(ALL) NOPASSWD:ALL", new[] { SshPublicKeyTests.Ed25519Line }) },
                Packages = new[] { "qemu-guest-agent", "jq" },
                RunCommands = new[] { CloudConfigCommand.Exec("systemctl", "enable", "--now", "qemu-guest-agent") },
            };
            string expected =
                "#cloud-config\n" +
                "hostname: debian-vm-a\n" +
                "timezone: Etc/UTC\n" +
                "locale: C.UTF-8\n" +
                "users:\n" +
                "- name: debian\n" +
                "  groups:\n" +
                "  - sudo\n" +
                "  shell: /bin/bash\n" +
                "  sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n" +
                "  lock_passwd: true\n" +
                "  ssh_authorized_keys:\n" +
                "  - \"" + SshPublicKeyTests.Ed25519Line + "\"\n" +
                "package_update: false\n" +
                "package_upgrade: false\n" +
                "packages:\n" +
                "- qemu-guest-agent\n" +
                "- jq\n" +
                "runcmd:\n" +
                "- - systemctl\n" +
                "  - enable\n" +
                "  - \"--now\"\n" +
                "  - qemu-guest-agent\n";
            Assert.Equal(expected, Writer.Write(document));
        }

        [Fact]
        public void MultiLineFileContentIsALiteralBlock()
        {
            var document = new CloudConfigDocument
            {
                WriteFiles = new[] { new CloudConfigFile("/etc/motd", "Hello\nWorld\n", "644", "root:root") },
            };
            string yaml = Writer.Write(document);
            Assert.Contains("- path: /etc/motd\n  content: |\n    Hello\n    World\n  permissions: \"0644\"\n  owner: \"root:root\"\n", yaml);
        }

        [Fact]
        public void HostileStringsRoundTripThroughYamlDotNet()
        {
            string yaml = Writer.WriteTree(HostileTree());
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var values = (YamlSequenceNode)root.Children[new YamlScalarNode("values")];
            var keys = (YamlMappingNode)root.Children[new YamlScalarNode("keys")];
            Assert.Equal(HostileStrings.Length, values.Children.Count);
            for (int i = 0; i < HostileStrings.Length; i++)
            {
                var node = (YamlScalarNode)values.Children[i];
                Assert.Equal(HostileStrings[i], node.Value);
                if (node.Style == YamlDotNet.Core.ScalarStyle.Plain)
                {
                    Assert.True(Yaml11Resolver.Resolve(node.Value!) == Yaml11ScalarType.String, $"'{node.Value}' was left plain but is not a YAML 1.1 string");
                }
            }

            var readKeys = keys.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value).ToList();
            Assert.Equal(HostileStrings, readKeys);
        }

        [PyYamlFact]
        public void HostileStringsRoundTripThroughPyYaml()
        {
            string yaml = Writer.WriteTree(HostileTree());
            using JsonDocument json = JsonDocument.Parse(ExternalTools.PyYamlToJson(yaml));
            JsonElement values = json.RootElement.GetProperty("values");
            JsonElement keys = json.RootElement.GetProperty("keys");
            for (int i = 0; i < HostileStrings.Length; i++)
            {
                JsonElement value = values[i];
                Assert.True(value.ValueKind == JsonValueKind.String, $"entry {i} read back as {value.ValueKind}: {value}");
                Assert.Equal(HostileStrings[i], value.GetString());
                Assert.Equal(i, keys.GetProperty(HostileStrings[i]).GetInt32());
            }

            Assert.Equal(HostileStrings.Length, keys.EnumerateObject().Count());
        }

        [PyYamlFact]
        public void TypedScalarsReadBackAsTheirTypesInPyYaml()
        {
            var tree = new Hashtable
            {
                ["int"] = 42,
                ["negative"] = -7L,
                ["big"] = ulong.MaxValue,
                ["double"] = 1.5,
                ["whole"] = 1000.0,
                ["huge"] = 1e20,
                ["tiny"] = 1.5e-7,
                ["yes"] = true,
                ["no"] = false,
                ["nothing"] = null,
                ["list"] = new object?[] { 1, "1", true, "true" },
            };
            string yaml = Writer.WriteMapping(tree);
            using JsonDocument json = JsonDocument.Parse(ExternalTools.PyYamlToJson(yaml));
            JsonElement root = json.RootElement;
            Assert.Equal(42, root.GetProperty("int").GetInt32());
            Assert.Equal(-7, root.GetProperty("negative").GetInt64());
            Assert.Equal(ulong.MaxValue, root.GetProperty("big").GetUInt64());
            Assert.Equal(1.5, root.GetProperty("double").GetDouble());
            Assert.Equal(1000.0, root.GetProperty("whole").GetDouble());
            Assert.Contains(".", root.GetProperty("whole").GetRawText());
            Assert.Equal(1e20, root.GetProperty("huge").GetDouble());
            Assert.Equal(1.5e-7, root.GetProperty("tiny").GetDouble());
            Assert.Equal(JsonValueKind.True, root.GetProperty("yes").ValueKind);
            Assert.Equal(JsonValueKind.False, root.GetProperty("no").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("nothing").ValueKind);
            Assert.Equal("[1, \"1\", true, \"true\"]", root.GetProperty("list").GetRawText());
        }

        [PyYamlFact]
        public void FullDocumentReadsBackInPyYamlWithEveryValue()
        {
            var key = HostKeyPair.FromSeed(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), "root@debian-vm-a");
            var document = new CloudConfigDocument
            {
                HostName = "debian-vm-a",
                Fqdn = "debian-vm-a.lab.example",
                ManageEtcHosts = true,
                Users = new[] { new CloudConfigUser("debian", new[] { "sudo", "adm" }, "/bin/bash", "ALL=(ALL) NOPASSWD:ALL", new[] { SshPublicKeyTests.Ed25519Line }, lockPassword: false) },
                IncludeDefaultUser = true,
                PackageUpdate = true,
                Packages = new[] { "nginx", "jq=1.6-2.1", "curl/bookworm-backports" },
                WriteFiles = new[]
                {
                    new CloudConfigFile("/etc/app/config: yes", "key: value\n# not a comment\n", "0o600", "debian:debian", defer: true),
                    CloudConfigFile.FromBytes("/opt/blob.bin", new byte[] { 0, 1, 2, 255 }),
                },
                BootCommands = new[] { CloudConfigCommand.Shell("echo 'boot' > /run/boot-mark") },
                RunCommands = new[] { CloudConfigCommand.Exec("touch", "/tmp/a b") },
                AptProxy = "http://10.0.2.2:3142",
                AptSources = new[] { new CloudConfigAptSource("local", "deb [trusted=yes] http://10.0.2.2:8080/ ./") },
                PowerState = new CloudConfigPowerState(PowerStateMode.Reboot, 1, "bye", TimeSpan.FromSeconds(30)),
                HostKeys = new[] { key },
                SshDeleteKeys = true,
                AdditionalConfig = new OrderedDictionary { ["final_message"] = "done: $UPTIME", ["apt"] = new Hashtable { ["conf"] = "APT::Get::Assume-Yes \"true\";\n" } },
            };
            string yaml = Writer.Write(document);
            using JsonDocument json = JsonDocument.Parse(ExternalTools.PyYamlToJson(yaml));
            JsonElement root = json.RootElement;
            Assert.Equal("debian-vm-a.lab.example", root.GetProperty("fqdn").GetString());
            Assert.Equal("default", root.GetProperty("users")[0].GetString());
            JsonElement user = root.GetProperty("users")[1];
            Assert.Equal("ALL=(ALL) NOPASSWD:ALL", user.GetProperty("sudo").GetString());
            Assert.Equal(JsonValueKind.False, user.GetProperty("lock_passwd").ValueKind);
            JsonElement file = root.GetProperty("write_files")[0];
            Assert.Equal("/etc/app/config: yes", file.GetProperty("path").GetString());
            Assert.Equal("key: value\n# not a comment\n", file.GetProperty("content").GetString());
            Assert.Equal("0600", file.GetProperty("permissions").GetString());
            Assert.Equal("b64", root.GetProperty("write_files")[1].GetProperty("encoding").GetString());
            Assert.Equal("AAEC/w==", root.GetProperty("write_files")[1].GetProperty("content").GetString());
            Assert.Equal(key.PrivateKeyPem, root.GetProperty("ssh_keys").GetProperty("ed25519_private").GetString());
            Assert.Equal(key.PublicKeyLine, root.GetProperty("ssh_keys").GetProperty("ed25519_public").GetString());
            Assert.Equal("APT::Get::Assume-Yes \"true\";\n", root.GetProperty("apt").GetProperty("conf").GetString());
            Assert.Equal("http://10.0.2.2:3142", root.GetProperty("apt").GetProperty("proxy").GetString());
            Assert.Equal(30, root.GetProperty("power_state").GetProperty("timeout").GetInt32());
            Assert.Equal(1, root.GetProperty("power_state").GetProperty("delay").GetInt32());
            Assert.Equal("echo 'boot' > /run/boot-mark", root.GetProperty("bootcmd")[0].GetString());
            Assert.Equal("/tmp/a b", root.GetProperty("runcmd")[0][1].GetString());
            Assert.Equal("done: $UPTIME", root.GetProperty("final_message").GetString());
            Assert.Equal(JsonValueKind.True, root.GetProperty("package_update").ValueKind);
            Assert.Equal("jq=1.6-2.1", root.GetProperty("packages")[1].GetString());
        }

        [Fact]
        public void AdditionalConfigThatClashesWithATypedValueIsRefusedWithItsPath()
        {
            var document = new CloudConfigDocument { HostName = "a", AdditionalConfig = new Hashtable { ["hostname"] = "b" } };
            var error = Assert.Throws<ArgumentException>(() => Writer.Write(document));
            Assert.Contains("'hostname'", error.Message);
        }

        [Fact]
        public void AdditionalConfigRefusesNonStringKeysAndUnknownTypes()
        {
            Assert.Throws<ArgumentException>(() => Writer.Write(new CloudConfigDocument { AdditionalConfig = new Hashtable { [1] = "x" } }));
            var error = Assert.Throws<ArgumentException>(() => Writer.Write(new CloudConfigDocument { AdditionalConfig = new Hashtable { ["k"] = new[] { new object() } } }));
            Assert.Contains("AdditionalConfig.k[0]", error.Message);
        }

        [Fact]
        public void LoneSurrogatesAreRefused()
        {
            Assert.Throws<ArgumentException>(() => Writer.WriteMapping(new Hashtable { ["k"] = "a\uD800b" }));
        }

        private static YamlMap HostileTree()
        {
            var keys = new YamlMap();
            for (int i = 0; i < HostileStrings.Length; i++)
            {
                keys.Add(HostileStrings[i], i);
            }

            return new YamlMap { { "values", HostileStrings.Select(s => (object?)s).ToList() }, { "keys", keys } };
        }
    }
}
