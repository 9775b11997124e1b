using System;
using System.Net;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// An ed25519 SSH host key generated ahead of the VM, so the client can pin it from the first connection.
    /// The private key is a secret: <see cref="ToString"/> shows only the fingerprint.
    /// </summary>
    public sealed class HostKeyPair
    {
        private const string KeyType = "ssh-ed25519";
        private readonly byte[] _seed;

        private HostKeyPair(byte[] seed, byte[] publicKey, string comment, uint checkInt)
        {
            _seed = seed;
            PublicKeyBlob = new SshWireWriter().String(KeyType).String(publicKey).ToArray();
            RawPublicKey = publicKey;
            Comment = comment;
            PrivateKeyPem = BuildPrivateKeyPem(checkInt);
        }

        /// <summary>The cloud-config key type prefix of this pair ('ed25519' in ed25519_private / ed25519_public).</summary>
        public string CloudConfigKeyType => "ed25519";

        public string Comment { get; }

        /// <summary>The public key in SSH wire format (string "ssh-ed25519", string key).</summary>
        public byte[] PublicKeyBlob { get; }

        /// <summary>The OpenSSH public key line: 'ssh-ed25519 AAAA… comment'.</summary>
        public string PublicKeyLine => KeyType + " " + Convert.ToBase64String(PublicKeyBlob) + (Comment.Length == 0 ? string.Empty : " " + Comment);

        /// <summary>The private key in the unencrypted openssh-key-v1 format (cipher 'none'), PEM-armored. A secret.</summary>
        public string PrivateKeyPem { get; }

        /// <summary>The fingerprint as <c>ssh-keygen -lf</c> prints it: 'SHA256:' and unpadded base64 of SHA-256 over the blob.</summary>
        public string Fingerprint => SshPublicKey.FingerprintOf(PublicKeyBlob);

        private byte[] RawPublicKey { get; }

        /// <summary>Generates a new key pair from a cryptographically secure random source.</summary>
        public static HostKeyPair Generate(string comment = "")
        {
            var random = new SecureRandom();
            var generator = new Ed25519KeyPairGenerator();
            generator.Init(new Ed25519KeyGenerationParameters(random));
            AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
            byte[] seed = ((Ed25519PrivateKeyParameters)pair.Private).GetEncoded();
            byte[] publicKey = ((Ed25519PublicKeyParameters)pair.Public).GetEncoded();
            return new HostKeyPair(seed, publicKey, CheckComment(comment), (uint)random.NextInt());
        }

        /// <summary>Rebuilds a pair from its 32-byte private seed (e.g. a stored key); the PEM is then deterministic.</summary>
        public static HostKeyPair FromSeed(byte[] seed, string comment = "")
        {
            if (seed is null || seed.Length != Ed25519PrivateKeyParameters.KeySize)
            {
                throw new ArgumentException("An ed25519 private seed is exactly 32 bytes.", nameof(seed));
            }

            var privateKey = new Ed25519PrivateKeyParameters(seed, 0);
            byte[] publicKey = privateKey.GeneratePublicKey().GetEncoded();
            return new HostKeyPair((byte[])seed.Clone(), publicKey, CheckComment(comment), BitConverter.ToUInt32(publicKey, 0));
        }

        /// <summary>
        /// A known_hosts line for <paramref name="host"/>: 'host ssh-ed25519 AAAA…', or '[host]:port …' when
        /// the port is not 22 (as OpenSSH writes it).
        /// </summary>
        public string ToKnownHostsLine(string host, int port = 22)
        {
            if (port < 1 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is 1 to 65535.");
            }

            if (host is null || !(IPAddress.TryParse(host, out _) || IsHostName(host)))
            {
                throw CloudConfigInput.Invalid(nameof(host), host ?? string.Empty, "is not a host name or IP address.");
            }

            string name = host.ToLowerInvariant();
            string pattern = port == 22 ? name : "[" + name + "]:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return pattern + " " + KeyType + " " + Convert.ToBase64String(PublicKeyBlob);
        }

        /// <summary>Returns the fingerprint only: the private key must never reach output or logs.</summary>
        public override string ToString() => "ED25519 " + Fingerprint;

        private static bool IsHostName(string host)
        {
            try
            {
                CloudConfigInput.HostName(host, nameof(host));
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string CheckComment(string comment)
        {
            return string.IsNullOrEmpty(comment) ? string.Empty : CloudConfigInput.SingleLine(comment, nameof(comment)).Trim();
        }

        private string BuildPrivateKeyPem(uint checkInt)
        {
            // openssh-key-v1 (PROTOCOL.key): magic, cipher, kdf, kdf options, key count, public key, private section.
            byte[] privateAndPublic = new byte[64];
            Buffer.BlockCopy(_seed, 0, privateAndPublic, 0, 32);
            Buffer.BlockCopy(RawPublicKey, 0, privateAndPublic, 32, 32);

            var section = new SshWireWriter()
                .UInt32(checkInt)
                .UInt32(checkInt)
                .String(KeyType)
                .String(RawPublicKey)
                .String(privateAndPublic)
                .String(Comment);

            // Pad with 1, 2, 3, … to the cipher block size (8 for 'none').
            for (byte pad = 1; section.Length % 8 != 0; pad++)
            {
                section.Byte(pad);
            }

            byte[] body = new SshWireWriter()
                .Raw(Encoding.ASCII.GetBytes("openssh-key-v1\0"))
                .String("none")
                .String("none")
                .String(Array.Empty<byte>())
                .UInt32(1)
                .String(PublicKeyBlob)
                .String(section.ToArray())
                .ToArray();

            string base64 = Convert.ToBase64String(body);
            var pem = new StringBuilder();
            pem.Append("-----BEGIN OPENSSH PRIVATE KEY-----\n");
            for (int i = 0; i < base64.Length; i += 70)
            {
                pem.Append(base64, i, Math.Min(70, base64.Length - i)).Append('\n');
            }

            pem.Append("-----END OPENSSH PRIVATE KEY-----\n");
            return pem.ToString();
        }
    }
}
