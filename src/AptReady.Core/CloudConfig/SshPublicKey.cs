using System;
using System.Security.Cryptography;
using System.Text;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// An OpenSSH public key line (<c>type base64-blob [comment]</c>) whose blob has been parsed: its embedded
    /// type must match the line's type and its fields must be complete. authorized_keys options before the
    /// type are not accepted.
    /// </summary>
    public sealed class SshPublicKey
    {
        private SshPublicKey(string keyType, byte[] blob, string? comment)
        {
            KeyType = keyType;
            Blob = blob;
            Comment = comment;
        }

        /// <summary>ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com or sk-ecdsa-sha2-nistp256@openssh.com.</summary>
        public string KeyType { get; }

        /// <summary>The wire-format public key (the base64-decoded second field).</summary>
        public byte[] Blob { get; }

        public string? Comment { get; }

        /// <summary>The key as <c>ssh-keygen -lf</c> prints its fingerprint: 'SHA256:' and unpadded base64.</summary>
        public string Fingerprint => FingerprintOf(Blob);

        /// <summary>The normalised line: type, base64 blob and (if any) the comment, separated by single spaces.</summary>
        public override string ToString()
        {
            string line = KeyType + " " + Convert.ToBase64String(Blob);
            return Comment == null ? line : line + " " + Comment;
        }

        /// <summary>Parses an OpenSSH public key line; throws <see cref="ArgumentException"/> naming the line when it is not one.</summary>
        public static SshPublicKey Parse(string line, string parameterName = "publicKey")
        {
            if (line is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            string trimmed = line.Trim();
            if (trimmed.IndexOfAny(new[] { '\n', '\r', '\0' }) >= 0)
            {
                throw CloudConfigInput.Invalid(parameterName, line, "is more than one line; give one public key per value.");
            }

            string[] fields = trimmed.Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw CloudConfigInput.Invalid(parameterName, line, "is not an SSH public key line ('type base64 [comment]').");
            }

            string type = fields[0];
            if (!IsSupportedType(type))
            {
                throw CloudConfigInput.Invalid(parameterName, line, $"has the key type {InputExcerpt.Of(type)}, which is not supported (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521, sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com).");
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(fields[1]);
            }
            catch (FormatException)
            {
                throw CloudConfigInput.Invalid(parameterName, line, "does not hold valid base64 in its second field.");
            }

            string? problem = CheckBlob(type, blob);
            if (problem != null)
            {
                throw CloudConfigInput.Invalid(parameterName, line, problem);
            }

            string? comment = fields.Length == 3 ? fields[2].Trim() : null;
            return new SshPublicKey(type, blob, string.IsNullOrEmpty(comment) ? null : comment);
        }

        internal static string FingerprintOf(byte[] blob)
        {
            using (var sha = SHA256.Create())
            {
                return "SHA256:" + Convert.ToBase64String(sha.ComputeHash(blob)).TrimEnd('=');
            }
        }

        private static bool IsSupportedType(string type)
        {
            switch (type)
            {
                case "ssh-ed25519":
                case "ssh-rsa":
                case "ecdsa-sha2-nistp256":
                case "ecdsa-sha2-nistp384":
                case "ecdsa-sha2-nistp521":
                case "sk-ssh-ed25519@openssh.com":
                case "sk-ecdsa-sha2-nistp256@openssh.com":
                    return true;
                default:
                    return false;
            }
        }

        // Returns why the blob is not a well-formed key of this type, or null when it is.
        private static string? CheckBlob(string type, byte[] blob)
        {
            var reader = new SshWireReader(blob);
            if (!reader.TryReadString(out byte[] embedded) || Encoding.ASCII.GetString(embedded) != type)
            {
                return $"has a blob whose embedded key type does not match {InputExcerpt.Of(type)}.";
            }

            bool complete;
            switch (type)
            {
                case "ssh-ed25519":
                    complete = reader.TryReadString(out byte[] ed) && ed.Length == 32;
                    break;
                case "sk-ssh-ed25519@openssh.com":
                    complete = reader.TryReadString(out byte[] sked) && sked.Length == 32 && reader.TryReadString(out _);
                    break;
                case "ssh-rsa":
                    complete = reader.TryReadString(out byte[] e) && e.Length > 0 && reader.TryReadString(out byte[] n) && n.Length >= 128;
                    break;
                case "sk-ecdsa-sha2-nistp256@openssh.com":
                    complete = ReadCurve(reader, "nistp256") && reader.TryReadString(out _);
                    break;
                default:
                    complete = ReadCurve(reader, type.Substring("ecdsa-sha2-".Length));
                    break;
            }

            if (!complete)
            {
                return $"has a truncated or malformed {InputExcerpt.Of(type)} key blob.";
            }

            return reader.AtEnd ? null : $"has trailing bytes after its {InputExcerpt.Of(type)} key blob.";
        }

        private static bool ReadCurve(SshWireReader reader, string curve)
        {
            // The point is uncompressed: 0x04 then two coordinates of the curve's size.
            int coordinate = curve == "nistp256" ? 32 : curve == "nistp384" ? 48 : 66;
            return reader.TryReadString(out byte[] name) && Encoding.ASCII.GetString(name) == curve
                && reader.TryReadString(out byte[] point) && point.Length == 1 + (2 * coordinate) && point[0] == 4;
        }
    }
}
