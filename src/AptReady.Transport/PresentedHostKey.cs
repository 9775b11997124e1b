using System;
using System.Linq;
using AptReady.Core.Certificates;
using AptReady.Core.Remote;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Security;

namespace AptReady.Transport
{
    /// <summary>
    /// Remembers the host certificate a server sent. SSH.NET checks a certificate's CA signature and
    /// validity before it raises HostKeyReceived, and a certificate that fails ends the handshake with a
    /// bare "key exchange failed"; this says which check failed instead.
    /// </summary>
    internal sealed class PresentedHostKey
    {
        private byte[]? _certificate;

        /// <summary>The certificate blob the server sent, if it sent one.</summary>
        public byte[]? Certificate => _certificate;

        /// <summary>Wraps the certificate host-key algorithms of <paramref name="info"/> so the certificate is kept.</summary>
        public void Watch(ConnectionInfo info)
        {
            foreach (string name in info.HostKeyAlgorithms.Keys.Where(SshCertificate.IsCertificateType).ToList())
            {
                Func<byte[], KeyHostAlgorithm> create = info.HostKeyAlgorithms[name];
                info.HostKeyAlgorithms[name] = data =>
                {
                    _certificate = data;
                    return create(data);
                };
            }
        }

        /// <summary>
        /// Why the handshake failed when the server sent a certificate that SSH.NET refused before asking
        /// whether to trust it; null when that is not what happened.
        /// </summary>
        public HostKeyCheck? CertificateRefusal(SshTarget target, Exception failure)
        {
            byte[]? blob = _certificate;
            if (blob == null || !(failure is SshConnectionException))
            {
                return null;
            }

            SshCertificate certificate;
            try
            {
                certificate = SshCertificate.Parse(blob);
            }
            catch (FormatException ex)
            {
                return HostKeyCheck.Refuse(RemoteFailure.HostCertificateInvalid, $"{target}: the host certificate cannot be read: {ex.Message}");
            }

            string what = $"{target}: the host presented a certificate ({certificate.KeyId}, key {certificate.KeyFingerprint}, CA {certificate.CaFingerprint}) that ";
            switch (certificate.ValidityAt(DateTimeOffset.UtcNow))
            {
                case SshCertificateValidity.Expired:
                    return HostKeyCheck.Refuse(RemoteFailure.HostCertificateExpired, what + $"has EXPIRED: it is valid {certificate.ValidityWindow}. Renew the host certificate.");
                case SshCertificateValidity.NotYetValid:
                    return HostKeyCheck.Refuse(RemoteFailure.HostCertificateNotYetValid, what + $"is NOT YET VALID: it is valid {certificate.ValidityWindow}. Check both clocks.");
                default:
                    return HostKeyCheck.Refuse(RemoteFailure.HostCertificateInvalid, what + "does not verify: its CA signature or its key's signature of the handshake is wrong.");
            }
        }
    }
}
