using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;
using static AptReady.Core.CloudConfig.CloudConfigNodeChecks;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// The checks of the entries of a cloud-config's lists: each user, each file to write, each command,
    /// package or key. Part of <see cref="CloudConfigValidator"/>.
    /// </summary>
    internal static class CloudConfigEntryChecks
    {
        private static readonly string[] FileEncodings = { "gz", "gzip", "gz+base64", "gzip+base64", "gz+b64", "gzip+b64", "b64", "base64", "text/plain" };

        public static void Users(YamlNode value, List<CloudConfigFinding> findings)
        {
            if (value is YamlScalarNode || value is YamlMappingNode)
            {
                return;
            }

            int index = 0;
            foreach (YamlNode user in ((YamlSequenceNode)value).Children)
            {
                string path = $"users[{index++}]";
                if (user is YamlScalarNode)
                {
                    continue; // 'default' or a user name
                }

                if (!(user is YamlMappingNode map))
                {
                    findings.Add(Error(path, "must be a user name or a mapping with 'name'."));
                    continue;
                }

                YamlNode? name = Child(map, "name");
                if (name == null)
                {
                    findings.Add(Error(path, "has no 'name'."));
                }
                else
                {
                    ExpectScalarString(path + ".name", name, findings);
                }

                YamlNode? lockPassword = Child(map, "lock_passwd");
                if (lockPassword != null)
                {
                    ExpectBoolean(path + ".lock_passwd", lockPassword, findings);
                }

                YamlNode? keys = Child(map, "ssh_authorized_keys");
                if (keys != null && !(keys is YamlSequenceNode))
                {
                    findings.Add(Error(path + ".ssh_authorized_keys", "must be a list."));
                }
            }
        }

        public static void WriteFiles(YamlSequenceNode files, List<CloudConfigFinding> findings)
        {
            int index = 0;
            foreach (YamlNode file in files.Children)
            {
                string path = $"write_files[{index++}]";
                if (!(file is YamlMappingNode map))
                {
                    findings.Add(Error(path, "must be a mapping with 'path'."));
                    continue;
                }

                YamlNode? target = Child(map, "path");
                if (target == null)
                {
                    findings.Add(Error(path, "has no 'path'."));
                }
                else
                {
                    ExpectScalarString(path + ".path", target, findings);
                }

                if (Child(map, "permissions") is YamlScalarNode permissions && TypeOf(permissions) == Yaml11ScalarType.Int)
                {
                    findings.Add(Warning(path + ".permissions", $"{InputExcerpt.Of(permissions.Value)} is unquoted, so YAML reads it as a number (0644 is octal in YAML 1.1 but decimal in 1.2); quote it: '0644'."));
                }

                if (Child(map, "encoding") is YamlScalarNode encoding && !FileEncodings.Contains(encoding.Value))
                {
                    findings.Add(Error(path + ".encoding", $"{InputExcerpt.Of(encoding.Value)} is not one of {string.Join(", ", FileEncodings)}."));
                }

                foreach (string flag in new[] { "append", "defer" })
                {
                    YamlNode? node = Child(map, flag);
                    if (node != null)
                    {
                        ExpectBoolean(path + "." + flag, node, findings);
                    }
                }
            }
        }

        public static void Items(string key, YamlSequenceNode items, List<CloudConfigFinding> findings, bool allowList)
        {
            int index = 0;
            foreach (YamlNode item in items.Children)
            {
                string path = $"{key}[{index++}]";
                if (item is YamlScalarNode scalar)
                {
                    ExpectScalarString(path, scalar, findings);
                }
                else if (!(allowList && item is YamlSequenceNode))
                {
                    findings.Add(Error(path, allowList ? "must be a string or a list of strings." : "must be a string."));
                }
            }
        }
    }
}
