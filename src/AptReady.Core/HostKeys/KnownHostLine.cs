using System;
using System.Security.Cryptography;

namespace AptReady.Core.HostKeys
{
    /// <summary>Writes known_hosts lines as ssh does when it records a host key.</summary>
    public static class KnownHostLine
    {
        /// <summary>
        /// <c>host keytype base64</c> (or <c>[host]:port …</c> for a port other than 22), the key type read
        /// from the blob. With <paramref name="hashed"/> the name is written <c>|1|salt|hash</c> with a fresh
        /// random salt, as ssh does with HashKnownHosts yes.
        /// </summary>
        public static string Format(string host, int port, byte[] keyBlob, bool hashed = false, string? comment = null)
        {
            if (keyBlob is null)
            {
                throw new ArgumentNullException(nameof(keyBlob));
            }

            if (comment != null && (comment.IndexOf('\n') >= 0 || comment.IndexOf('\r') >= 0))
            {
                throw new ArgumentException("A known_hosts comment is one line of text.", nameof(comment));
            }

            string lookupName = HostLookupName.For(host, port);
            string keyType = SshKeyType.FromBlob(keyBlob);
            string hosts = lookupName;
            if (hashed)
            {
                var salt = new byte[20];
                using (var random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(salt);
                }

                hosts = HostPatternList.FormatHashed(salt, lookupName);
            }

            string line = hosts + " " + keyType + " " + Convert.ToBase64String(keyBlob);
            return string.IsNullOrEmpty(comment) ? line : line + " " + comment;
        }
    }
}
