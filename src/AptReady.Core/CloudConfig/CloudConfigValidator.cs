using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static AptReady.Core.CloudConfig.CloudConfigNodeChecks;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// A local structural check of cloud-config user-data: the header, YAML syntax, top-level keys known to
    /// cloud-init 22.4–26.x, the types of the common keys, and settings that start the apt race. It returns
    /// findings and never throws for bad input; the target's own 'cloud-init schema' remains the last word.
    /// </summary>
    public sealed class CloudConfigValidator
    {
        // Union of the top-level properties of schema-cloud-config-v1.json in cloud-init 22.4.2 (Debian 12),
        // 25.1.4 (Debian 13) and 26.2 (forky: adds "rpi"), plus system-config keys users also put in user-data.
        private static readonly HashSet<string> KnownKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            "allow_public_ssh_keys", "ansible", "apk_repos", "apt", "apt_pipelining", "apt_reboot_if_required", "apt_update",
            "apt_upgrade", "authkey_hash", "autoinstall", "bootcmd", "byobu_by_default", "ca-certs", "ca_certs", "chef", "chpasswd",
            "cloud_config_modules", "cloud_final_modules", "cloud_init_modules", "create_hostname_file", "device_aliases",
            "disable_ec2_metadata", "disable_root", "disable_root_opts", "disk_setup", "drivers", "fan", "final_message", "fqdn",
            "fs_setup", "groups", "growpart", "grub-dpkg", "grub_dpkg", "hostname", "keyboard", "landscape", "launch-index", "locale",
            "locale_configfile", "lxd", "manage_etc_hosts", "manage_resolv_conf", "mcollective", "merge_how", "merge_type", "migrate",
            "mount_default_fields", "mounts", "no_ssh_fingerprints", "ntp", "output", "package_reboot_if_required", "package_update",
            "package_upgrade", "packages", "password", "phone_home", "power_state", "prefer_fqdn_over_hostname", "preserve_hostname",
            "puppet", "random_seed", "reporting", "resize_rootfs", "resolv_conf", "rh_subscription", "rpi", "rsyslog", "runcmd",
            "salt_minion", "snap", "spacewalk", "ssh", "ssh_authorized_keys", "ssh_deletekeys", "ssh_fp_console_blacklist",
            "ssh_genkeytypes", "ssh_import_id", "ssh_key_console_blacklist", "ssh_keys", "ssh_publish_hostkeys", "ssh_pwauth",
            "ssh_quiet_keygen", "swap", "system_info", "timezone", "ubuntu_advantage", "ubuntu_pro", "updates", "user", "users",
            "vendor_data", "version", "wireguard", "write_files", "yum_repo_dir", "yum_repos", "zypper",
            "datasource", "datasource_list", "network", "def_log_file", "log_cfgs", "syslog_fix_perms",
        };

        private static readonly string[] BooleanKeys =
        {
            "package_update", "package_upgrade", "package_reboot_if_required", "apt_update", "apt_upgrade", "apt_reboot_if_required",
            "ssh_deletekeys", "ssh_quiet_keygen", "disable_root", "preserve_hostname", "prefer_fqdn_over_hostname", "create_hostname_file",
            "allow_public_ssh_keys", "disable_ec2_metadata", "no_ssh_fingerprints",
        };

        private static readonly string[] StringKeys = { "hostname", "fqdn", "timezone", "locale", "final_message", "password" };

        private static readonly string[] ListKeys = { "packages", "write_files", "runcmd", "bootcmd", "ssh_authorized_keys", "ssh_genkeytypes", "mounts" };

        private static readonly string[] MappingKeys = { "apt", "ssh_keys", "power_state", "chpasswd", "ntp", "growpart", "ca_certs", "ca-certs", "phone_home", "snap", "ssh" };

        private static readonly Regex SshKeysKey = new Regex("^(dsa|ecdsa|ed25519|rsa)_(public|private|certificate)\\z", RegexOptions.CultureInvariant);

        /// <summary>The top-level keys this validator knows (cloud-init 22.4–26.x).</summary>
        public static IReadOnlyCollection<string> KnownTopLevelKeys => KnownKeys;

        /// <summary>Checks a document this library builds (its YAML as written).</summary>
        public IReadOnlyList<CloudConfigFinding> Validate(CloudConfigDocument document)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(document));
            }

            return Validate(new CloudConfigYamlWriter().Write(document));
        }

        /// <summary>Checks user-data text; an empty list means nothing was found.</summary>
        public IReadOnlyList<CloudConfigFinding> Validate(string userData)
        {
            var findings = new List<CloudConfigFinding>();
            if (userData is null)
            {
                throw new ArgumentNullException(nameof(userData));
            }

            string firstLine = userData.Split('\n')[0].TrimEnd('\r');
            if (firstLine.TrimEnd() != CloudConfigYamlWriter.Header)
            {
                findings.Add(Error(string.Empty, $"The first line is {InputExcerpt.Of(firstLine)}, not '#cloud-config': cloud-init will not read this as cloud-config."));
            }

            YamlNode? root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(userData));
                if (stream.Documents.Count > 1)
                {
                    findings.Add(Error(string.Empty, "The text holds more than one YAML document; cloud-init reads exactly one."));
                }

                root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            }
            catch (YamlException error)
            {
                findings.Add(Error(string.Empty, $"The YAML does not parse at line {error.Start.Line}, column {error.Start.Column}: {error.Message}"));
                return findings;
            }
            catch (ArgumentException error)
            {
                // YamlDotNet's mapping node refuses a repeated key; PyYAML would silently keep the last value.
                findings.Add(Error(string.Empty, "A mapping repeats a key (only the last value would count): " + error.Message));
                return findings;
            }

            if (root == null || (root is YamlScalarNode empty && IsNull(empty)))
            {
                findings.Add(Warning(string.Empty, "The cloud-config is empty."));
                return findings;
            }

            if (!(root is YamlMappingNode top))
            {
                findings.Add(Error(string.Empty, "The top level is not a mapping of keys to values."));
                return findings;
            }

            foreach (KeyValuePair<YamlNode, YamlNode> pair in top.Children)
            {
                string key = pair.Key is YamlScalarNode k ? k.Value ?? string.Empty : "?";
                CheckTopLevel(key, pair.Value, findings);
            }

            CheckAptRace(top, findings);
            return findings;
        }

        private static void CheckTopLevel(string key, YamlNode value, List<CloudConfigFinding> findings)
        {
            if (!KnownKeys.Contains(key))
            {
                string? near = KnownKeys.FirstOrDefault(k => EditDistance(k, key) <= 2);
                findings.Add(Warning(key, "is not a key cloud-init 22.4–26.x knows; it will be ignored." + (near == null ? string.Empty : $" Did you mean '{near}'?")));
                return;
            }

            if (BooleanKeys.Contains(key))
            {
                ExpectBoolean(key, value, findings);
            }
            else if (StringKeys.Contains(key))
            {
                ExpectScalarString(key, value, findings);
            }
            else if (ListKeys.Contains(key) && !(value is YamlSequenceNode))
            {
                findings.Add(Error(key, "must be a list."));
                return;
            }
            else if (MappingKeys.Contains(key) && !(value is YamlMappingNode))
            {
                findings.Add(Error(key, "must be a mapping."));
                return;
            }

            switch (key)
            {
                case "users":
                    CloudConfigEntryChecks.Users(value, findings);
                    break;
                case "write_files":
                    CloudConfigEntryChecks.WriteFiles((YamlSequenceNode)value, findings);
                    break;
                case "packages":
                    CloudConfigEntryChecks.Items(key, (YamlSequenceNode)value, findings, allowList: true);
                    break;
                case "runcmd":
                case "bootcmd":
                    CloudConfigEntryChecks.Items(key, (YamlSequenceNode)value, findings, allowList: true);
                    break;
                case "ssh_authorized_keys":
                case "ssh_genkeytypes":
                    CloudConfigEntryChecks.Items(key, (YamlSequenceNode)value, findings, allowList: false);
                    break;
                case "ssh_keys":
                    foreach (var entry in ((YamlMappingNode)value).Children)
                    {
                        string name = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                        if (!SshKeysKey.IsMatch(name))
                        {
                            findings.Add(Error("ssh_keys." + name, "is not <type>_public, <type>_private or <type>_certificate for rsa, ecdsa, ed25519 or dsa."));
                        }
                        else
                        {
                            ExpectScalarString("ssh_keys." + name, entry.Value, findings);
                        }
                    }

                    break;
                case "power_state":
                    var mode = ((YamlMappingNode)value).Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "mode").Value as YamlScalarNode;
                    if (mode == null || !(mode.Value == "reboot" || mode.Value == "poweroff" || mode.Value == "halt"))
                    {
                        findings.Add(Error("power_state.mode", "must be reboot, poweroff or halt."));
                    }

                    break;
            }
        }

        private static void CheckAptRace(YamlMappingNode top, List<CloudConfigFinding> findings)
        {
            bool upgrade = IsTrue(Child(top, "package_upgrade")) || IsTrue(Child(top, "apt_upgrade"));
            bool update = IsTrue(Child(top, "package_update")) || IsTrue(Child(top, "apt_update"));
            bool packages = Child(top, "packages") is YamlSequenceNode list && list.Children.Count > 0;
            if (upgrade)
            {
                findings.Add(Warning("package_upgrade", "makes cloud-init run apt-get update and upgrade in its final stage, after SSH is up: provisioning steps that use apt must wait for cloud-init and for the apt locks."));
            }
            else if (update)
            {
                findings.Add(Info("package_update", "makes cloud-init run apt-get update in its final stage; provisioning steps that use apt must wait for it."));
            }

            if (packages && !upgrade && !update)
            {
                findings.Add(Info("packages", "a non-empty packages list makes cloud-init run apt-get update and install in its final stage, even with package_update: false."));
            }
        }

        private static int EditDistance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2)
            {
                return 3;
            }

            int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (int i = 1; i <= a.Length; i++)
            {
                int[] current = new int[b.Length + 1];
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
