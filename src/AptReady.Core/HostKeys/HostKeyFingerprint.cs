using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// The fingerprint of an SSH public key blob, as <c>ssh-keygen -l</c> prints it:
    /// <c>SHA256:</c> + unpadded base64 of SHA-256 over the blob, or <c>MD5:</c> + hex pairs.
    /// </summary>
    public sealed class HostKeyFingerprint : IEquatable<HostKeyFingerprint>
    {
        private const string Sha256Prefix = "SHA256:";
        private const string Md5Prefix = "MD5:";
        private readonly byte[] hash;

        private HostKeyFingerprint(HostKeyFingerprintAlgorithm algorithm, byte[] hash)
        {
            Algorithm = algorithm;
            this.hash = hash;
        }

        public HostKeyFingerprintAlgorithm Algorithm { get; }

        /// <summary>A copy of the hash bytes (32 for SHA-256, 16 for MD5).</summary>
        public byte[] GetHash() => (byte[])hash.Clone();

        /// <summary>The SHA-256 fingerprint of <paramref name="keyBlob"/>.</summary>
        public static HostKeyFingerprint Sha256(byte[] keyBlob) => Compute(keyBlob, HostKeyFingerprintAlgorithm.Sha256);

        /// <summary>The legacy MD5 fingerprint of <paramref name="keyBlob"/>.</summary>
        public static HostKeyFingerprint Md5(byte[] keyBlob) => Compute(keyBlob, HostKeyFingerprintAlgorithm.Md5);

        public static HostKeyFingerprint Compute(byte[] keyBlob, HostKeyFingerprintAlgorithm algorithm)
        {
            if (keyBlob is null)
            {
                throw new ArgumentNullException(nameof(keyBlob));
            }

            if (algorithm == HostKeyFingerprintAlgorithm.Sha256)
            {
                using (var sha = SHA256.Create())
                {
                    return new HostKeyFingerprint(algorithm, sha.ComputeHash(keyBlob));
                }
            }

            // MD5 only to compare with a legacy fingerprint a user gives; never to decide trust alone by default.
            using (var md5 = MD5.Create())
            {
                return new HostKeyFingerprint(algorithm, md5.ComputeHash(keyBlob));
            }
        }

        /// <summary>True when this fingerprint is the one of <paramref name="keyBlob"/>.</summary>
        public bool Matches(byte[] keyBlob) => Equals(Compute(keyBlob, Algorithm));

        /// <summary>
        /// Reads a fingerprint a user gave. Tolerant of form: <c>SHA256:</c> prefix or none, base64
        /// padded or not, <c>MD5:</c> prefix or none, hex pairs with colons or 32 hex digits, surrounding
        /// white space. Strict of content: the hash must have exactly the right length and canonical
        /// encoding, else <see cref="ArgumentException"/> naming the value.
        /// </summary>
        public static HostKeyFingerprint Parse(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (TryParse(value, out HostKeyFingerprint? fingerprint, out string reason))
            {
                return fingerprint!;
            }

            throw new ArgumentException(
                $"{InputExcerpt.Of(value)} is not an SSH host key fingerprint: {reason} Expected the form ssh-keygen -lf prints, e.g. SHA256:nLp87wrTFuPlUdGpbPr9yBG8MYFbfpTNwMvcg2c2X8w or MD5:1f:42:03:eb:96:ac:33:39:fb:cc:28:13:5c:52:fb:08.",
                nameof(value));
        }

        public static bool TryParse(string? value, out HostKeyFingerprint? fingerprint) => TryParse(value, out fingerprint, out _);

        private static bool TryParse(string? value, out HostKeyFingerprint? fingerprint, out string reason)
        {
            fingerprint = null;
            string text = (value ?? string.Empty).Trim();
            if (text.Length == 0)
            {
                reason = "it is empty.";
                return false;
            }

            if (text.StartsWith(Md5Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return TryParseMd5(text.Substring(Md5Prefix.Length), out fingerprint, out reason);
            }

            if (text.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return TryParseSha256(text.Substring(Sha256Prefix.Length), out fingerprint, out reason);
            }

            // No prefix: hex pairs or 32 hex digits can only be MD5 (a SHA-256 in base64 has 43 characters).
            if (text.IndexOf(':') >= 0 || (text.Length == 32 && text.All(IsHex)))
            {
                return TryParseMd5(text, out fingerprint, out reason);
            }

            return TryParseSha256(text, out fingerprint, out reason);
        }

        private static bool TryParseSha256(string text, out HostKeyFingerprint? fingerprint, out string reason)
        {
            fingerprint = null;
            string body = text.Length == 44 && text[43] == '=' ? text.Substring(0, 43) : text;
            if (body.Length != 43)
            {
                reason = $"a SHA256 fingerprint has 43 base64 characters (44 padded), this has {text.Length}.";
                return false;
            }

            if (!body.All(c => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'))
            {
                reason = "it contains a character that is not base64.";
                return false;
            }

            // 43 characters carry 258 bits; the 2 spare bits of the last one are zero in a real fingerprint.
            if ((Base64Value(body[42]) & 0x3) != 0)
            {
                reason = "its last character cannot end a SHA-256 in base64 (a character was mistyped).";
                return false;
            }

            fingerprint = new HostKeyFingerprint(HostKeyFingerprintAlgorithm.Sha256, Convert.FromBase64String(body + "="));
            reason = string.Empty;
            return true;
        }

        private static bool TryParseMd5(string text, out HostKeyFingerprint? fingerprint, out string reason)
        {
            fingerprint = null;
            string hex;
            if (text.IndexOf(':') >= 0)
            {
                string[] pairs = text.Split(':');
                if (pairs.Length != 16 || pairs.Any(p => p.Length != 2))
                {
                    reason = "an MD5 fingerprint has 16 colon-separated hex pairs.";
                    return false;
                }

                hex = string.Concat(pairs);
            }
            else
            {
                hex = text;
            }

            if (hex.Length != 32 || !hex.All(IsHex))
            {
                reason = "an MD5 fingerprint has 32 hex digits.";
                return false;
            }

            var bytes = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                bytes[i] = byte.Parse(hex.Substring(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            fingerprint = new HostKeyFingerprint(HostKeyFingerprintAlgorithm.Md5, bytes);
            reason = string.Empty;
            return true;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int Base64Value(char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return c - 'A';
            }

            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 26;
            }

            if (c >= '0' && c <= '9')
            {
                return c - '0' + 52;
            }

            return c == '+' ? 62 : 63;
        }

        /// <summary>The form ssh-keygen prints: <c>SHA256:…</c> (unpadded) or <c>MD5:aa:bb:…</c>.</summary>
        public override string ToString()
        {
            if (Algorithm == HostKeyFingerprintAlgorithm.Sha256)
            {
                return Sha256Prefix + Convert.ToBase64String(hash).TrimEnd('=');
            }

            var builder = new StringBuilder(Md5Prefix, Md5Prefix.Length + 47);
            for (int i = 0; i < hash.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(':');
                }

                builder.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }

        public bool Equals(HostKeyFingerprint? other) =>
            other is not null && other.Algorithm == Algorithm && other.hash.SequenceEqual(hash);

        public override bool Equals(object? obj) => Equals(obj as HostKeyFingerprint);

        public override int GetHashCode() => BitConverter.ToInt32(hash, 0) ^ (int)Algorithm;
    }
}
