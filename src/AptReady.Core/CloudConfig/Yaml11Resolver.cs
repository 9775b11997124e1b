using System.Text.RegularExpressions;

namespace AptReady.Core.CloudConfig
{
    /// <summary>The type a YAML 1.1 parser gives a plain (unquoted) scalar.</summary>
    internal enum Yaml11ScalarType
    {
        String,
        Null,
        Bool,
        Int,
        Float,
        Timestamp,

        /// <summary>The merge key <c>&lt;&lt;</c>.</summary>
        Merge,

        /// <summary>The value key <c>=</c> (PyYAML resolves it to tag:yaml.org,2002:value).</summary>
        Value,
    }

    /// <summary>
    /// The implicit resolution rules of YAML 1.1 as PyYAML (cloud-init's parser) applies them to plain
    /// scalars. The writer uses them to decide when a string must be quoted, the validator to type plain values.
    /// </summary>
    internal static class Yaml11Resolver
    {
        // y/n are booleans in the YAML 1.1 spec though PyYAML leaves them strings; other 1.1 parsers do not.
        private static readonly Regex BoolPattern = new Regex(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)\\z", RegexOptions.CultureInvariant);

        private static readonly Regex NullPattern = new Regex("^(?:~|null|Null|NULL|)\\z", RegexOptions.CultureInvariant);

        private static readonly Regex IntPattern = new Regex(
            "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\\z",
            RegexOptions.CultureInvariant);

        private static readonly Regex FloatPattern = new Regex(
            @"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z",
            RegexOptions.CultureInvariant);

        private static readonly Regex TimestampPattern = new Regex(
            @"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\z",
            RegexOptions.CultureInvariant);

        /// <summary>Returns the type YAML 1.1 gives <paramref name="plain"/> when it appears unquoted.</summary>
        public static Yaml11ScalarType Resolve(string plain)
        {
            if (NullPattern.IsMatch(plain))
            {
                return Yaml11ScalarType.Null;
            }

            if (BoolPattern.IsMatch(plain))
            {
                return Yaml11ScalarType.Bool;
            }

            if (IntPattern.IsMatch(plain))
            {
                return Yaml11ScalarType.Int;
            }

            if (FloatPattern.IsMatch(plain))
            {
                return Yaml11ScalarType.Float;
            }

            if (TimestampPattern.IsMatch(plain))
            {
                return Yaml11ScalarType.Timestamp;
            }

            if (plain == "<<")
            {
                return Yaml11ScalarType.Merge;
            }

            return plain == "=" ? Yaml11ScalarType.Value : Yaml11ScalarType.String;
        }

        /// <summary>
        /// Whether <paramref name="value"/> can be written unquoted and still read back as the same string by
        /// YAML 1.1 and 1.2 parsers. Deliberately narrow: a letter, '_' or '/' first, then only
        /// [A-Za-z0-9_./+@=-], and no implicit type. Everything else is quoted.
        /// </summary>
        public static bool IsSafePlainString(string value)
        {
            if (value.Length == 0 || value.Length > 256)
            {
                return false;
            }

            char first = value[0];
            if (!(IsAsciiLetter(first) || first == '_' || first == '/'))
            {
                return false;
            }

            foreach (char c in value)
            {
                if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == '+' || c == '@' || c == '=' || c == '-'))
                {
                    return false;
                }
            }

            return Resolve(value) == Yaml11ScalarType.String;
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
