using System;
using System.Collections.Generic;
using System.Linq;
using Facts = AptReady.Core.HostKeys.HostKeyVerifier.Facts;

namespace AptReady.Core.HostKeys
{
    /// <summary>Builds each kind of verdict with a message that names the facts and the way out.</summary>
    internal static class Verdicts
    {
        private static readonly IReadOnlyList<string> NoTypes = Array.Empty<string>();

        public static HostKeyVerdict TrustedByEntry(Facts f, KnownHostEntry entry) => Make(
            HostKeyVerdictKind.Trusted, f, new[] { entry.Fingerprint }, entry, HostKeyTrustSource.KnownHosts, NoTypes,
            $"The {f.KeyType} host key of {f.LookupName} ({f.Presented}) is known: {entry.Location}.");

        public static HostKeyVerdict TrustedByPin(Facts f, HostKeyFingerprint pin) => Make(
            HostKeyVerdictKind.Trusted, f, new[] { pin }, null, HostKeyTrustSource.PinnedFingerprint, NoTypes,
            $"The {f.KeyType} host key of {f.LookupName} ({f.Presented}) matches the pinned fingerprint {pin}.");

        public static HostKeyVerdict Recorded(Facts f, KnownHostEntry entry, IReadOnlyList<string> otherTypes) => Make(
            HostKeyVerdictKind.Recorded, f, new[] { entry.Fingerprint }, entry, HostKeyTrustSource.TrustOnFirstUse, otherTypes,
            $"The {f.KeyType} host key of {f.LookupName} ({f.Presented}) was not known; trusted on first use as asked and recorded at {entry.Location}.");

        public static HostKeyVerdict Revoked(Facts f, KnownHostEntry revoked) => Make(
            HostKeyVerdictKind.Revoked, f, Array.Empty<HostKeyFingerprint>(), revoked, HostKeyTrustSource.None, NoTypes,
            $"REFUSED: the {f.KeyType} host key {f.Presented} presented by {f.LookupName} is marked @revoked at {revoked.Location}. "
            + $"A revoked key is never accepted: give the host a new key (on the host: {Regenerate(f.KeyType)}), then trust the new one by its fingerprint.");

        public static HostKeyVerdict RevokedAuthority(Facts f, KnownHostEntry revoked) => Make(
            HostKeyVerdictKind.Revoked, f, Array.Empty<HostKeyFingerprint>(), revoked, HostKeyTrustSource.None, NoTypes,
            $"REFUSED: {f.LookupName} presented a host certificate signed by CA {f.Certificate!.CaFingerprint}, which is marked @revoked at {revoked.Location}. "
            + "Nothing that CA signed is accepted: re-sign the host key with a CA that is trusted, or trust the host's own key by its fingerprint.");

        public static HostKeyVerdict TrustedByAuthority(Facts f, Certificates.SshCertificate certificate, KnownHostEntry authority) => Make(
            HostKeyVerdictKind.Trusted, f, new[] { authority.Fingerprint }, authority, HostKeyTrustSource.CertificateAuthority, NoTypes,
            $"The {f.KeyType} host key of {f.LookupName} ({f.Presented}) comes in a host certificate ({certificate.KeyId}) signed by CA {authority.Fingerprint}, listed at {authority.Location}.");

        public static HostKeyVerdict CertificateRefused(Facts f, KnownHostEntry authority, HostKeyVerdictKind kind, string why) => Make(
            kind, f, new[] { authority.Fingerprint }, authority, HostKeyTrustSource.None, NoTypes,
            $"REFUSED: {f.LookupName} presented a host certificate ({f.Certificate!.KeyId}, key {f.Presented}) signed by CA {authority.Fingerprint} "
            + $"(trusted at {authority.Location}), but {why}.");

        public static HostKeyVerdict PinMismatch(Facts f, IReadOnlyList<HostKeyFingerprint> pins)
        {
            // Show the presented key in each form that was pinned, so the two can be compared by eye.
            var forms = pins.Select(p => p.Algorithm).Distinct().Select(a => HostKeyFingerprint.Compute(f.KeyBlob, a).ToString());
            return Make(
                HostKeyVerdictKind.PinMismatch, f, pins, null, HostKeyTrustSource.None, NoTypes,
                $"REFUSED: {f.LookupName} presented the {f.KeyType} host key {string.Join(" / ", forms)}, which matches none of the pinned fingerprints ({string.Join(", ", pins)}). "
                + $"Check the fingerprint on the host itself (ssh-keygen -lf {ServerKeyFile(f.KeyType)}); if the server offers keys of several types, "
                + "pin the one of the type it presents, or pin them all by passing -HostKeyFingerprint several values.");
        }

        public static HostKeyVerdict Changed(Facts f, IReadOnlyList<KnownHostEntry> known)
        {
            KnownHostEntry first = known[0];
            string where = string.Join(", ", known.Select(e => e.Fingerprint + " at " + e.Location));
            return Make(
                HostKeyVerdictKind.Changed, f, known.Select(e => e.Fingerprint).ToList(), first, HostKeyTrustSource.None, NoTypes,
                $"REFUSED: the {f.KeyType} host key of {f.LookupName} has CHANGED. Expected {where}; presented {f.Presented}. "
                + "Someone may be intercepting the connection (man in the middle), or the host was re-created with a new key. "
                + $"If you know it was re-created, check the new key on the host (ssh-keygen -lf {ServerKeyFile(f.KeyType)}), remove the old entry "
                + $"(ssh-keygen -R '{f.LookupName}' -f '{first.Source}'), then connect with -HostKeyFingerprint {f.Presented} or -TrustOnFirstUse.");
        }

        public static HostKeyVerdict Unknown(Facts f, IReadOnlyList<string> otherTypes, HostKeyPolicy policy)
        {
            string searched = string.Join(", ", policy.KnownHostsFiles);
            string what = otherTypes.Count == 0
                ? $"no host key for {f.LookupName} is known (searched {searched})."
                : $"known_hosts has {string.Join(", ", otherTypes)} host keys for {f.LookupName} but no {f.KeyType} key (searched {searched}); "
                  + "like ssh with StrictHostKeyChecking yes, a key of a type not known for the host is refused.";
            string certificate = f.Certificate == null
                ? string.Empty
                : $"The key came in a host certificate signed by CA {f.Certificate.CaFingerprint}, which no @cert-authority line for {f.LookupName} lists. ";
            return Make(
                HostKeyVerdictKind.Unknown, f, Array.Empty<HostKeyFingerprint>(), null, HostKeyTrustSource.None, otherTypes,
                $"REFUSED: {f.LookupName} presented the {f.KeyType} host key {f.Presented}, and {what} " + certificate
                + $"Check the fingerprint on the host (ssh-keygen -lf {ServerKeyFile(f.KeyType)}) and pass -HostKeyFingerprint {f.Presented}, "
                + $"or add the key to known_hosts (ssh-keyscan -p {f.Port} -t {f.KeyType} {f.Host}, after checking it), "
                + "or opt in with -TrustOnFirstUse to record it on this first connection.");
        }

        private static HostKeyVerdict Make(
            HostKeyVerdictKind kind, Facts f, IReadOnlyList<HostKeyFingerprint> expected, KnownHostEntry? entry,
            HostKeyTrustSource source, IReadOnlyList<string> otherTypes, string message) =>
            new HostKeyVerdict(kind, f.Host, f.Port, f.KeyType, f.Presented, expected, entry, source, otherTypes, f.Notes.ToList(), message);

        /// <summary>Where a Debian sshd keeps the public host key of a type.</summary>
        private static string ServerKeyFile(string keyType) => "/etc/ssh/ssh_host_" + ShortType(keyType) + "_key.pub";

        private static string Regenerate(string keyType) =>
            $"rm /etc/ssh/ssh_host_{ShortType(keyType)}_key*; ssh-keygen -A; systemctl restart ssh";

        private static string ShortType(string keyType) => SshKeyType.DisplayName(keyType).ToLowerInvariant();
    }
}
