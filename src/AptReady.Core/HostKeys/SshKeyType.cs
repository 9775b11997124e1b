using System;
using System.Text;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// SSH public key type names as known_hosts stores them (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, …),
    /// read from a key blob or normalised from a negotiated host-key algorithm name.
    /// </summary>
    public static class SshKeyType
    {
        /// <summary>
        /// The key type written at the start of an SSH public key blob (RFC 4253 §6.6: a uint32 length
        /// and that many bytes of name). Throws <see cref="ArgumentException"/> when the blob is not one.
        /// </summary>
        public static string FromBlob(byte[] keyBlob)
        {
            if (keyBlob is null)
            {
                throw new ArgumentNullException(nameof(keyBlob));
            }

            if (!TryFromBlob(keyBlob, out string? type))
            {
                throw new ArgumentException("The host key is not an SSH public key blob (it does not start with a key type name).", nameof(keyBlob));
            }

            return type!;
        }

        /// <summary>Like <see cref="FromBlob"/>, without throwing.</summary>
        public static bool TryFromBlob(byte[] keyBlob, out string? keyType)
        {
            keyType = null;
            if (keyBlob is null || keyBlob.Length < 4)
            {
                return false;
            }

            long length = ((long)keyBlob[0] << 24) | ((long)keyBlob[1] << 16) | ((long)keyBlob[2] << 8) | keyBlob[3];
            if (length < 1 || length > 64 || length > keyBlob.Length - 4)
            {
                return false;
            }

            for (int i = 4; i < 4 + length; i++)
            {
                byte b = keyBlob[i];
                if (b <= 0x20 || b >= 0x7f)
                {
                    return false;
                }
            }

            keyType = Encoding.ASCII.GetString(keyBlob, 4, (int)length);
            return true;
        }

        /// <summary>
        /// The key type for a host-key algorithm name: an SSH library may report the negotiated
        /// signature algorithm (rsa-sha2-256, rsa-sha2-512) where known_hosts stores the key type ssh-rsa.
        /// </summary>
        public static string FromAlgorithm(string algorithm)
        {
            if (algorithm is null)
            {
                throw new ArgumentNullException(nameof(algorithm));
            }

            switch (algorithm)
            {
                case "rsa-sha2-256":
                case "rsa-sha2-512":
                    return "ssh-rsa";
                case "rsa-sha2-256-cert-v01@openssh.com":
                case "rsa-sha2-512-cert-v01@openssh.com":
                    return "ssh-rsa-cert-v01@openssh.com";
                default:
                    return algorithm;
            }
        }

        /// <summary>
        /// A short display name as ssh-keygen prints it in parentheses (ED25519, ECDSA, RSA, DSA),
        /// or the type itself for anything else.
        /// </summary>
        public static string DisplayName(string keyType)
        {
            if (keyType is null)
            {
                throw new ArgumentNullException(nameof(keyType));
            }

            if (keyType == "ssh-ed25519")
            {
                return "ED25519";
            }

            if (keyType.StartsWith("ecdsa-sha2-", StringComparison.Ordinal))
            {
                return "ECDSA";
            }

            if (keyType == "ssh-rsa")
            {
                return "RSA";
            }

            if (keyType == "ssh-dss")
            {
                return "DSA";
            }

            return keyType;
        }
    }
}
