using System;
using AptReady.Core.Certificates;
using Facts = AptReady.Core.HostKeys.HostKeyVerifier.Facts;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// The checks ssh makes on a host certificate whose CA a known_hosts @cert-authority line lists for
    /// the host: it is a host (not user) certificate, the host's name is a principal, and now is within
    /// its validity window. The CA's signature itself is checked by the SSH layer in the handshake.
    /// </summary>
    internal static class HostCertificateCheck
    {
        public static HostKeyVerdict Decide(Facts facts, SshCertificate certificate, KnownHostEntry authority, DateTimeOffset now)
        {
            if (certificate.Kind != SshCertificateKind.Host)
            {
                return Verdicts.CertificateRefused(facts, authority, HostKeyVerdictKind.CertificateNotHost,
                    $"it is a {certificate.Kind.ToString().ToLowerInvariant()} certificate, not a host certificate (made without ssh-keygen -h)");
            }

            if (!NamesHost(certificate, facts))
            {
                string principals = certificate.Principals.Count == 0 ? "(none)" : string.Join(", ", certificate.Principals);
                return Verdicts.CertificateRefused(facts, authority, HostKeyVerdictKind.CertificatePrincipalMismatch,
                    $"its principals ({principals}) do not include {facts.Host} or {facts.LookupName}; re-sign it with ssh-keygen -s CA -h -n including that name");
            }

            switch (certificate.ValidityAt(now))
            {
                case SshCertificateValidity.Expired:
                    return Verdicts.CertificateRefused(facts, authority, HostKeyVerdictKind.CertificateExpired,
                        $"it has EXPIRED: it is valid {certificate.ValidityWindow}; renew the host certificate");
                case SshCertificateValidity.NotYetValid:
                    return Verdicts.CertificateRefused(facts, authority, HostKeyVerdictKind.CertificateNotYetValid,
                        $"it is NOT YET VALID: it is valid {certificate.ValidityWindow} (check both clocks)");
                default:
                    return Verdicts.TrustedByAuthority(facts, certificate, authority);
            }
        }

        /// <summary>ssh compares principals with the host name; AptReady also accepts [host]:port.</summary>
        private static bool NamesHost(SshCertificate certificate, Facts facts)
        {
            if (certificate.Principals.Count == 0)
            {
                // A host certificate without principals would vouch for any host: refused, not read as a wildcard.
                return false;
            }

            return certificate.HasPrincipal(facts.Host)
                || certificate.HasPrincipal(facts.Host.ToLowerInvariant())
                || certificate.HasPrincipal(facts.LookupName);
        }
    }
}
