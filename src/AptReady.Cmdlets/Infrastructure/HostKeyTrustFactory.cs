using System;
using System.Collections.Generic;
using AptReady.Core.HostKeys;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// Builds the host-key decision from a cmdlet's -HostKeyFingerprint, -KnownHostsPath and
    /// -TrustOnFirstUse. Keys are always verified; a changed key is always refused.
    /// </summary>
    internal static class HostKeyTrustFactory
    {
        /// <summary>
        /// Reads OpenSSH's known_hosts files (or those given), pins the fingerprint when one is given,
        /// and with trust on first use records new keys into the first -KnownHostsPath file, or
        /// ~/.ssh/known_hosts_aptready when none is given.
        /// </summary>
        /// <param name="pinned">A pinned fingerprint, or null.</param>
        /// <param name="knownHostsPaths">-KnownHostsPath (or ssh_config's UserKnownHostsFile), or null for the defaults.</param>
        /// <param name="trustOnFirstUse">Record an unknown key (-TrustOnFirstUse, or StrictHostKeyChecking accept-new).</param>
        /// <param name="readOnlyKnownHosts">Further files only read (ssh_config's GlobalKnownHostsFile).</param>
        public static HostKeyTrust Create(HostKeyFingerprint? pinned, IReadOnlyList<string>? knownHostsPaths, bool trustOnFirstUse, IReadOnlyList<string>? readOnlyKnownHosts = null)
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            IReadOnlyList<string> files = knownHostsPaths is { Count: > 0 } ? knownHostsPaths : HostKeyPolicy.DefaultKnownHostsFiles(home);
            if (readOnlyKnownHosts is { Count: > 0 })
            {
                files = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Concat(files, readOnlyKnownHosts));
            }

            string? recordFile = trustOnFirstUse
                ? (knownHostsPaths is { Count: > 0 } ? knownHostsPaths[0] : HostKeyPolicy.DefaultRecordFile(home))
                : null;
            var policy = new HostKeyPolicy(
                files,
                pinned == null ? null : new[] { pinned },
                trustOnFirstUse,
                recordFile);
            var verifier = new HostKeyVerifier(policy);

            return (host, port, algorithm, blob) =>
            {
                HostKeyVerdict verdict;
                try
                {
                    verdict = verifier.Verify(host, port, algorithm, blob);
                }
                catch (ArgumentException ex)
                {
                    return HostKeyCheck.Refuse(RemoteFailure.HostKeyUnknown, $"{host}:{port}: the host key could not be checked: {ex.Message}");
                }

                return verdict.IsAccepted
                    ? HostKeyCheck.Trust(verdict.Source.ToString())
                    : HostKeyCheck.Refuse(FailureOf(verdict.Kind), verdict.Message);
            };
        }

        private static RemoteFailure FailureOf(HostKeyVerdictKind kind) => kind switch
        {
            HostKeyVerdictKind.Changed => RemoteFailure.HostKeyMismatch,
            HostKeyVerdictKind.PinMismatch => RemoteFailure.HostKeyMismatch,
            HostKeyVerdictKind.Revoked => RemoteFailure.HostKeyRevoked,
            HostKeyVerdictKind.CertificateExpired => RemoteFailure.HostCertificateExpired,
            HostKeyVerdictKind.CertificateNotYetValid => RemoteFailure.HostCertificateNotYetValid,
            HostKeyVerdictKind.CertificatePrincipalMismatch => RemoteFailure.HostCertificatePrincipalMismatch,
            HostKeyVerdictKind.CertificateNotHost => RemoteFailure.HostCertificateInvalid,
            _ => RemoteFailure.HostKeyUnknown,
        };
    }
}
