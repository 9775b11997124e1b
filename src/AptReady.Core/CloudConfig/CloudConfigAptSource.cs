using System;
using System.Text.RegularExpressions;

namespace AptReady.Core.CloudConfig
{
    /// <summary>One entry of <c>apt: sources:</c>: a repository line and, optionally, its signing key.</summary>
    public sealed class CloudConfigAptSource
    {
        private static readonly Regex NamePattern = new Regex("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\z", RegexOptions.CultureInvariant);

        /// <param name="name">The entry's name; cloud-init makes it the list file name (NAME.list) unless given.</param>
        /// <param name="source">The sources.list line, e.g. 'deb http://deb.example.org/debian bookworm main'; cloud-init expands $RELEASE and $MIRROR.</param>
        /// <param name="key">An ASCII-armored OpenPGP public key block, or null.</param>
        /// <param name="keyId">A key id to fetch from a key server, or null.</param>
        public CloudConfigAptSource(string name, string source, string? key = null, string? keyId = null)
        {
            if (name is null || !NamePattern.IsMatch(name))
            {
                throw CloudConfigInput.Invalid(nameof(name), name ?? string.Empty, "is not a valid apt source name (letters, digits, '_', '.', '-').");
            }

            Name = name;
            Source = CloudConfigInput.SingleLine(source, nameof(source));
            if (key != null && key.IndexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal) < 0)
            {
                throw new ArgumentException("The apt key is not an ASCII-armored OpenPGP public key block.", nameof(key));
            }

            Key = key;
            KeyId = keyId == null ? null : CloudConfigInput.SingleLine(keyId, nameof(keyId));
        }

        public string Name { get; }

        public string Source { get; }

        public string? Key { get; }

        public string? KeyId { get; }

        internal YamlMap ToYaml()
        {
            var map = new YamlMap { { "source", Source } };
            if (KeyId != null)
            {
                map.Add("keyid", KeyId);
            }

            if (Key != null)
            {
                map.Add("key", Key);
            }

            return map;
        }
    }
}
