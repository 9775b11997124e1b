using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.CloudConfig
{
    /// <summary>The document as the YAML tree <see cref="CloudConfigYamlWriter"/> writes, in cloud-init's order of concerns.</summary>
    public sealed partial class CloudConfigDocument
    {
        /// <summary>Builds the ordered YAML tree of this document (modelled keys first, then the additional config).</summary>
        internal YamlMap ToYaml()
        {
            var map = new YamlMap();
            AddIf(map, "hostname", HostName);
            AddIf(map, "fqdn", Fqdn);
            AddIf(map, "manage_etc_hosts", ManageEtcHosts);
            AddIf(map, "timezone", Timezone);
            AddIf(map, "locale", Locale);
            if (Users.Count > 0 || IncludeDefaultUser)
            {
                var users = new List<object?>();
                if (IncludeDefaultUser)
                {
                    users.Add("default");
                }

                users.AddRange(Users.Select(u => (object?)u.ToYaml()));
                map.Add("users", users);
            }

            if (SshAuthorizedKeys.Count > 0)
            {
                map.Add("ssh_authorized_keys", SshAuthorizedKeys.Select(k => (object?)k.ToString()).ToList());
            }

            AddIf(map, "ssh_pwauth", SshPasswordAuthentication);
            if (HostKeys.Count > 0)
            {
                var keys = new YamlMap();
                foreach (HostKeyPair key in HostKeys)
                {
                    keys.Add(key.CloudConfigKeyType + "_private", key.PrivateKeyPem);
                    keys.Add(key.CloudConfigKeyType + "_public", key.PublicKeyLine);
                }

                map.Add("ssh_keys", keys);
            }

            AddIf(map, "ssh_deletekeys", SshDeleteKeys);
            if (SshGenerateKeyTypes != null)
            {
                map.Add("ssh_genkeytypes", SshGenerateKeyTypes.Select(t => (object?)t).ToList());
            }

            if (AptProxy != null || AptSources.Count > 0)
            {
                var apt = new YamlMap();
                AddIf(apt, "proxy", AptProxy);
                if (AptSources.Count > 0)
                {
                    var sources = new YamlMap();
                    foreach (CloudConfigAptSource source in AptSources)
                    {
                        if (sources.IndexOfKey(source.Name) >= 0)
                        {
                            throw CloudConfigInput.Invalid(nameof(AptSources), source.Name, "is used by two apt sources.");
                        }

                        sources.Add(source.Name, source.ToYaml());
                    }

                    apt.Add("sources", sources);
                }

                map.Add("apt", apt);
            }

            map.Add("package_update", PackageUpdate);
            map.Add("package_upgrade", PackageUpgrade);
            AddIf(map, "package_reboot_if_required", PackageRebootIfRequired);
            if (Packages.Count > 0)
            {
                map.Add("packages", Packages.Select(p => (object?)p).ToList());
            }

            if (WriteFiles.Count > 0)
            {
                map.Add("write_files", WriteFiles.Select(f => (object?)f.ToYaml()).ToList());
            }

            if (BootCommands.Count > 0)
            {
                map.Add("bootcmd", BootCommands.Select(c => c.ToYaml()).ToList<object?>());
            }

            if (RunCommands.Count > 0)
            {
                map.Add("runcmd", RunCommands.Select(c => c.ToYaml()).ToList<object?>());
            }

            if (PowerState != null)
            {
                map.Add("power_state", PowerState.ToYaml());
            }

            if (AdditionalConfig != null)
            {
                YamlTree.MergeInto(map, YamlTree.FromDictionary(AdditionalConfig, "AdditionalConfig"), "AdditionalConfig");
            }

            return map;
        }

        private static void AddIf(YamlMap map, string key, string? value)
        {
            if (value != null)
            {
                map.Add(key, value);
            }
        }

        private static void AddIf(YamlMap map, string key, bool? value)
        {
            if (value.HasValue)
            {
                map.Add(key, value.Value);
            }
        }
    }
}
