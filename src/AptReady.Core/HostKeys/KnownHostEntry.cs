using System;
using System.Linq;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// One key line of a known_hosts file (or of ssh-keyscan output):
    /// <c>[@marker] hosts keytype base64-key [comment]</c>, with where it was read.
    /// </summary>
    public sealed class KnownHostEntry
    {
        private readonly byte[] keyBlob;

        public KnownHostEntry(KnownHostMarker marker, string hosts, string keyType, byte[] keyBlob, string? comment, string? source, int lineNumber)
        {
            Marker = marker;
            Hosts = hosts ?? throw new ArgumentNullException(nameof(hosts));
            KeyType = keyType ?? throw new ArgumentNullException(nameof(keyType));
            this.keyBlob = (byte[])(keyBlob ?? throw new ArgumentNullException(nameof(keyBlob))).Clone();
            Comment = comment;
            Source = source;
            LineNumber = lineNumber;
            Fingerprint = HostKeyFingerprint.Sha256(this.keyBlob);
        }

        public KnownHostMarker Marker { get; }

        /// <summary>The host field as written: a pattern list (<c>a,b,[c]:2222,*.lab,!x.lab</c>) or a hashed name <c>|1|salt|hash</c>.</summary>
        public string Hosts { get; }

        public bool IsHashed => HostPatternList.IsHashed(Hosts);

        /// <summary>The key type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …).</summary>
        public string KeyType { get; }

        public string? Comment { get; }

        /// <summary>The file the entry was read from, or a description such as "ssh-keyscan"; null when parsed from a bare line.</summary>
        public string? Source { get; }

        /// <summary>1-based line number in <see cref="Source"/>.</summary>
        public int LineNumber { get; }

        /// <summary>The SHA-256 fingerprint of the key.</summary>
        public HostKeyFingerprint Fingerprint { get; }

        /// <summary><c>file:line</c>, as OpenSSH names an offending entry.</summary>
        public string Location => (Source ?? "(line)") + ":" + LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public byte[] GetKeyBlob() => (byte[])keyBlob.Clone();

        /// <summary>True when the entry applies to <paramref name="host"/> on <paramref name="port"/> (a negated pattern excludes it).</summary>
        public bool AppliesTo(string host, int port) => AppliesToLookupName(HostLookupName.For(host, port));

        /// <summary>True when the entry applies to a lookup name as ssh forms it (<c>host</c> or <c>[host]:port</c>, lower case).</summary>
        public bool AppliesToLookupName(string lookupName) =>
            HostPatternList.Match(Hosts, (lookupName ?? throw new ArgumentNullException(nameof(lookupName))).ToLowerInvariant()) == HostPatternMatch.Match;

        /// <summary>True when the entry's key is exactly <paramref name="blob"/>.</summary>
        public bool HasKey(byte[] blob) => blob != null && keyBlob.SequenceEqual(blob);

        /// <summary>
        /// Parses one known_hosts line. Returns null for a blank or comment line; throws
        /// <see cref="FormatException"/> naming what is wrong for a line OpenSSH would skip as invalid.
        /// </summary>
        public static KnownHostEntry? Parse(string line, string? source = null, int lineNumber = 0)
        {
            if (line is null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            string text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                return null;
            }

            string[] fields = SplitFields(text, 5);
            int next = 0;
            var marker = KnownHostMarker.None;
            if (fields[0].StartsWith("@", StringComparison.Ordinal))
            {
                switch (fields[0])
                {
                    case "@revoked":
                        marker = KnownHostMarker.Revoked;
                        break;
                    case "@cert-authority":
                        marker = KnownHostMarker.CertAuthority;
                        break;
                    default:
                        throw new FormatException($"unknown marker {InputExcerpt.Of(fields[0])} (OpenSSH knows @revoked and @cert-authority).");
                }

                next = 1;
            }
            else
            {
                // Without a marker the comment may be the 4th field onwards: re-split so it stays whole.
                fields = SplitFields(text, 4);
            }

            if (fields.Length < next + 3)
            {
                throw new FormatException("a known_hosts line has hosts, a key type and a base64 key.");
            }

            string hosts = fields[next];
            string keyType = fields[next + 1];
            string base64 = fields[next + 2];
            string? comment = fields.Length > next + 3 ? fields[next + 3] : null;

            if (HostPatternList.IsHashed(hosts) && !HostPatternList.TryParseHashed(hosts, out _, out _))
            {
                throw new FormatException($"the hashed host {InputExcerpt.Of(hosts)} is not of the form |1|salt|hash with 20-byte salt and hash.");
            }

            if (keyType.All(char.IsDigit))
            {
                throw new FormatException("this is an SSH protocol 1 (RSA1) key, which no SSH-2 server presents.");
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new FormatException($"the key of type {keyType} is not valid base64.");
            }

            if (!SshKeyType.TryFromBlob(blob, out string? blobType) || blobType != keyType)
            {
                throw new FormatException($"the key does not hold a {keyType} key" + (blobType != null ? $" (it holds {blobType})." : "."));
            }

            return new KnownHostEntry(marker, hosts, keyType, blob, comment, source, lineNumber);
        }

        /// <summary>Splits on runs of spaces/tabs into at most <paramref name="max"/> fields; the last keeps its inner spaces.</summary>
        private static string[] SplitFields(string text, int max)
        {
            var fields = new System.Collections.Generic.List<string>(max);
            int i = 0;
            while (i < text.Length && fields.Count < max)
            {
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    break;
                }

                if (fields.Count == max - 1)
                {
                    fields.Add(text.Substring(i).TrimEnd());
                    break;
                }

                int start = i;
                while (i < text.Length && text[i] != ' ' && text[i] != '\t')
                {
                    i++;
                }

                fields.Add(text.Substring(start, i - start));
            }

            return fields.ToArray();
        }

        public override string ToString() =>
            (Marker == KnownHostMarker.Revoked ? "@revoked " : Marker == KnownHostMarker.CertAuthority ? "@cert-authority " : string.Empty)
            + Hosts + " " + KeyType + " " + Convert.ToBase64String(keyBlob) + (Comment != null ? " " + Comment : string.Empty);
    }
}
