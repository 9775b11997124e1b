using System;
using AptReady.Core.Certificates;
using AptReady.Core.HostKeys;

namespace AptReady.Transport.Agent
{
    /// <summary>One identity an agent holds: its public key (or certificate) blob and comment. Never a private key.</summary>
    public sealed class AgentKey
    {
        private readonly byte[] _blob;

        public AgentKey(byte[] blob, string comment)
        {
            _blob = (byte[])(blob ?? throw new ArgumentNullException(nameof(blob))).Clone();
            Comment = comment ?? string.Empty;
            KeyType = SshKeyType.TryFromBlob(_blob, out string? type) ? type! : "unknown";
            Fingerprint = HostKeyFingerprint.Sha256(_blob);
            if (SshCertificate.IsCertificateType(KeyType))
            {
                try
                {
                    Certificate = SshCertificate.Parse(_blob);
                }
                catch (FormatException)
                {
                    // A certificate AptReady cannot read is still offered as the agent holds it.
                }
            }
        }

        /// <summary>ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa, or a *-cert-v01@openssh.com type.</summary>
        public string KeyType { get; }

        public string Comment { get; }

        /// <summary>SHA256 fingerprint of the blob (of the certificate, for a certificate).</summary>
        public HostKeyFingerprint Fingerprint { get; }

        /// <summary>The parsed certificate when the identity is one.</summary>
        public SshCertificate? Certificate { get; }

        /// <summary>The fingerprint that names the key itself: inside a certificate, the certified key's.</summary>
        public HostKeyFingerprint KeyFingerprint => Certificate?.KeyFingerprint ?? Fingerprint;

        public byte[] GetBlob() => (byte[])_blob.Clone();

        public override string ToString() => $"{KeyType} {Fingerprint}" + (Comment.Length > 0 ? $" ({Comment})" : string.Empty);
    }
}
