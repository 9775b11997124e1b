using System;
using System.Collections.Generic;
using System.Text;
using AptReady.Core.CloudConfig;
using AptReady.Core.HostKeys;

namespace AptReady.Core.Certificates
{
    /// <summary>
    /// An OpenSSH certificate (PROTOCOL.certkeys, the *-cert-v01@openssh.com key types): the certified
    /// public key and what the CA said about it. Parsing does not check the CA's signature; the SSH
    /// layer checks it during the handshake (host certificates) or the server does (user certificates).
    /// </summary>
    public sealed class SshCertificate
    {
        /// <summary>The suffix every certificate key type carries.</summary>
        public const string TypeSuffix = "-cert-v01@openssh.com";

        private const ulong Forever = ulong.MaxValue;

        private readonly byte[] _blob;
        private readonly byte[] _publicKey;
        private readonly byte[] _caKey;

        private SshCertificate(
            byte[] blob, string certificateType, byte[] publicKey, ulong serial, SshCertificateKind kind, string keyId,
            IReadOnlyList<string> principals, ulong validAfter, ulong validBefore, IReadOnlyList<string> criticalOptions,
            IReadOnlyList<string> extensions, byte[] caKey)
        {
            _blob = blob;
            CertificateType = certificateType;
            _publicKey = publicKey;
            Serial = serial;
            Kind = kind;
            KeyId = keyId;
            Principals = principals;
            ValidAfterSeconds = validAfter;
            ValidBeforeSeconds = validBefore;
            CriticalOptions = criticalOptions;
            Extensions = extensions;
            _caKey = caKey;
            KeyType = certificateType.Substring(0, certificateType.Length - TypeSuffix.Length);
            KeyFingerprint = HostKeyFingerprint.Sha256(publicKey);
            CaFingerprint = HostKeyFingerprint.Sha256(caKey);
        }

        /// <summary>The certificate's own type, e.g. ssh-ed25519-cert-v01@openssh.com.</summary>
        public string CertificateType { get; }

        /// <summary>The type of the certified key, e.g. ssh-ed25519.</summary>
        public string KeyType { get; }

        public ulong Serial { get; }

        public SshCertificateKind Kind { get; }

        /// <summary>The identity the CA wrote (ssh-keygen -I); servers log it.</summary>
        public string KeyId { get; }

        /// <summary>User names (user certificates) or host names (host certificates); empty means any.</summary>
        public IReadOnlyList<string> Principals { get; }

        /// <summary>Seconds since the Unix epoch; 0 means from the beginning.</summary>
        public ulong ValidAfterSeconds { get; }

        /// <summary>Seconds since the Unix epoch; ulong.MaxValue means forever.</summary>
        public ulong ValidBeforeSeconds { get; }

        /// <summary>The names of the critical options (force-command, source-address, …).</summary>
        public IReadOnlyList<string> CriticalOptions { get; }

        /// <summary>The names of the extensions (permit-pty, …).</summary>
        public IReadOnlyList<string> Extensions { get; }

        /// <summary>The SHA-256 fingerprint of the certified key.</summary>
        public HostKeyFingerprint KeyFingerprint { get; }

        /// <summary>The SHA-256 fingerprint of the CA key that signed the certificate.</summary>
        public HostKeyFingerprint CaFingerprint { get; }

        /// <summary>The whole certificate as sent on the wire.</summary>
        public byte[] GetBlob() => (byte[])_blob.Clone();

        /// <summary>The certified public key as a plain key blob (what known_hosts and pins name).</summary>
        public byte[] GetPublicKey() => (byte[])_publicKey.Clone();

        /// <summary>The CA's public key blob.</summary>
        public byte[] GetCaKey() => (byte[])_caKey.Clone();

        /// <summary>True when <paramref name="keyType"/> is a certificate type.</summary>
        public static bool IsCertificateType(string? keyType) =>
            keyType != null && keyType.EndsWith(TypeSuffix, StringComparison.Ordinal);

        /// <summary>Whether the certificate is valid at <paramref name="now"/>.</summary>
        public SshCertificateValidity ValidityAt(DateTimeOffset now)
        {
            long seconds = now.ToUnixTimeSeconds();
            ulong unix = seconds < 0 ? 0 : (ulong)seconds;
            if (unix < ValidAfterSeconds)
            {
                return SshCertificateValidity.NotYetValid;
            }

            // OpenSSH treats valid-before as exclusive.
            return unix >= ValidBeforeSeconds ? SshCertificateValidity.Expired : SshCertificateValidity.Valid;
        }

        /// <summary>The validity window as ssh-keygen -L says it, in UTC: "from 2026-01-01T00:00:00Z to forever".</summary>
        public string ValidityWindow => ValidAfterSeconds == 0 && ValidBeforeSeconds == Forever
            ? "forever"
            : "from " + Moment(ValidAfterSeconds, "always") + " to " + Moment(ValidBeforeSeconds, "forever");

        /// <summary>True when <paramref name="name"/> is one of the principals, or the certificate names none (any).</summary>
        public bool HasPrincipal(string name)
        {
            if (Principals.Count == 0)
            {
                return true;
            }

            foreach (string principal in Principals)
            {
                if (string.Equals(principal, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Parses a certificate blob; throws <see cref="FormatException"/> saying what is wrong.</summary>
        public static SshCertificate Parse(byte[] blob)
        {
            if (blob is null)
            {
                throw new ArgumentNullException(nameof(blob));
            }

            var reader = new SshWireReader(blob);
            string type = ReadText(reader, "key type");
            if (!IsCertificateType(type))
            {
                throw new FormatException($"'{type}' is not an OpenSSH certificate type (those end in {TypeSuffix}).");
            }

            string keyType = type.Substring(0, type.Length - TypeSuffix.Length);
            Need(reader.TryReadString(out _), "nonce");
            var publicKey = new SshWireWriter().String(keyType);
            for (int i = 0; i < KeyFieldCount(keyType); i++)
            {
                Need(reader.TryReadString(out byte[] field), "public key");
                publicKey.String(field);
            }

            Need(reader.TryReadUInt64(out ulong serial), "serial");
            Need(reader.TryReadUInt32(out uint kind), "certificate type");
            if (kind != (uint)SshCertificateKind.User && kind != (uint)SshCertificateKind.Host)
            {
                throw new FormatException($"the certificate type is {kind}; 1 (user) or 2 (host) was expected.");
            }

            string keyId = ReadText(reader, "key id");
            IReadOnlyList<string> principals = ReadNames(reader, "principals", pairs: false);
            Need(reader.TryReadUInt64(out ulong validAfter), "valid after");
            Need(reader.TryReadUInt64(out ulong validBefore), "valid before");
            IReadOnlyList<string> critical = ReadNames(reader, "critical options", pairs: true);
            IReadOnlyList<string> extensions = ReadNames(reader, "extensions", pairs: true);
            Need(reader.TryReadString(out _), "reserved");
            Need(reader.TryReadString(out byte[] caKey), "signature key");
            if (!SshKeyType.TryFromBlob(caKey, out string? caType) || IsCertificateType(caType))
            {
                throw new FormatException("the signature (CA) key is not a plain public key.");
            }

            Need(reader.TryReadString(out _), "signature");
            if (!reader.AtEnd)
            {
                throw new FormatException("there are bytes after the signature.");
            }

            return new SshCertificate((byte[])blob.Clone(), type, publicKey.ToArray(), serial, (SshCertificateKind)kind, keyId,
                principals, validAfter, validBefore, critical, extensions, caKey);
        }

        /// <summary>
        /// Parses a certificate file's text (one line: <c>type base64 [comment]</c>, as ssh-keygen -s writes
        /// it); throws <see cref="FormatException"/> saying what is wrong.
        /// </summary>
        public static SshCertificate ParseLine(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            string[] fields = text.Trim().Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2 || !IsCertificateType(fields[0]))
            {
                throw new FormatException($"it is not an OpenSSH certificate line ('<type>{TypeSuffix} base64 [comment]').");
            }

            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(fields[1]);
            }
            catch (FormatException)
            {
                throw new FormatException("its second field is not valid base64.");
            }

            SshCertificate certificate = Parse(blob);
            if (certificate.CertificateType != fields[0])
            {
                throw new FormatException($"the line says {fields[0]} but the certificate is a {certificate.CertificateType}.");
            }

            return certificate;
        }

        public override string ToString() =>
            $"{Kind.ToString().ToLowerInvariant()} certificate {KeyId} ({KeyType} {KeyFingerprint}, signed by CA {CaFingerprint}, valid {ValidityWindow})";

        /// <summary>How many wire fields follow the nonce for each certified key type.</summary>
        private static int KeyFieldCount(string keyType) => keyType switch
        {
            "ssh-ed25519" => 1,
            "ssh-rsa" => 2,
            "ssh-dss" => 4,
            "sk-ssh-ed25519@openssh.com" => 2,
            "sk-ecdsa-sha2-nistp256@openssh.com" => 3,
            _ when keyType.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) => 2,
            _ => throw new FormatException($"certificates of {keyType} keys are not known."),
        };

        private static IReadOnlyList<string> ReadNames(SshWireReader reader, string what, bool pairs)
        {
            Need(reader.TryReadString(out byte[] packed), what);
            var inner = new SshWireReader(packed);
            var names = new List<string>();
            while (!inner.AtEnd)
            {
                names.Add(ReadText(inner, what));
                if (pairs)
                {
                    Need(inner.TryReadString(out _), what);
                }
            }

            return names;
        }

        private static string ReadText(SshWireReader reader, string what)
        {
            Need(reader.TryReadString(out byte[] bytes), what);
            return Encoding.UTF8.GetString(bytes);
        }

        private static void Need(bool read, string what)
        {
            if (!read)
            {
                throw new FormatException($"the certificate is truncated at its {what}.");
            }
        }

        private static string Moment(ulong seconds, string unbounded)
        {
            if (seconds == 0 && unbounded == "always")
            {
                return unbounded;
            }

            if (seconds >= 253402300800UL)
            {
                return unbounded;
            }

            return DateTimeOffset.FromUnixTimeSeconds((long)seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
