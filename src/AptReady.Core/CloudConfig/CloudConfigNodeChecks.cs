using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// How <see cref="CloudConfigValidator"/> reads YAML nodes as cloud-init does (YAML 1.1 scalar types,
    /// as PyYAML resolves them) and words its findings.
    /// </summary>
    internal static class CloudConfigNodeChecks
    {
        public static void ExpectBoolean(string key, YamlNode value, List<CloudConfigFinding> findings)
        {
            if (!(value is YamlScalarNode scalar) || TypeOf(scalar) != Yaml11ScalarType.Bool)
            {
                findings.Add(Error(key, "must be true or false" + (value is YamlScalarNode s && s.Style != ScalarStyle.Plain ? " (it is a quoted string)." : ".")));
            }
        }

        public static void ExpectScalarString(string key, YamlNode value, List<CloudConfigFinding> findings)
        {
            if (!(value is YamlScalarNode scalar))
            {
                findings.Add(Error(key, "must be a string."));
            }
            else if (TypeOf(scalar) != Yaml11ScalarType.String)
            {
                findings.Add(Warning(key, $"{InputExcerpt.Of(scalar.Value ?? string.Empty)} is unquoted and YAML 1.1 reads it as a {TypeOf(scalar).ToString().ToLowerInvariant()}, not a string; quote it."));
            }
        }

        public static Yaml11ScalarType TypeOf(YamlScalarNode scalar)
        {
            if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
            {
                return scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:str" || scalar.Tag.Value == "!" ? Yaml11ScalarType.String : Yaml11Resolver.Resolve(scalar.Value ?? string.Empty);
            }

            return Yaml11Resolver.Resolve(scalar.Value ?? string.Empty);
        }

        public static bool IsNull(YamlScalarNode scalar) => TypeOf(scalar) == Yaml11ScalarType.Null;

        public static bool IsTrue(YamlNode? node) =>
            node is YamlScalarNode scalar && TypeOf(scalar) == Yaml11ScalarType.Bool && Regex.IsMatch(scalar.Value ?? string.Empty, "^(?:yes|Yes|YES|true|True|TRUE|on|On|ON|y|Y)\\z");

        public static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == key).Value;

        public static CloudConfigFinding Error(string key, string message) => new CloudConfigFinding(key, message, CloudConfigFindingSeverity.Error);

        public static CloudConfigFinding Warning(string key, string message) => new CloudConfigFinding(key, message, CloudConfigFindingSeverity.Warning);

        public static CloudConfigFinding Info(string key, string message) => new CloudConfigFinding(key, message, CloudConfigFindingSeverity.Info);
    }
}
