using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Certificates;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// Decides whether to accept the host key a server presents, the way ssh does with
    /// StrictHostKeyChecking yes (or accept-new when trust on first use is allowed), plus pinning.
    /// Order: @revoked (the key, or the CA of its certificate) refuses; pinned fingerprints, when given,
    /// decide alone on the key (inside a certificate too); then a host certificate whose CA an
    /// @cert-authority line lists for the host is checked (host type, principal, validity); then a
    /// known_hosts entry of the key's type accepts (same key) or refuses (Changed); else the key is
    /// Unknown and is recorded only if the policy allows trust on first use. Thread-safe.
    /// </summary>
    public sealed class HostKeyVerifier
    {
        public HostKeyVerifier(HostKeyPolicy policy)
        {
            Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        }

        public HostKeyPolicy Policy { get; }

        /// <summary>Checks a key whose type is read from its blob.</summary>
        public HostKeyVerdict Verify(string host, int port, byte[] keyBlob) => Verify(host, port, null, keyBlob);

        /// <summary>
        /// Checks the key <paramref name="keyBlob"/> (the SSH wire-format public key) presented by
        /// <paramref name="host"/>:<paramref name="port"/>. <paramref name="keyAlgorithm"/> is the name the SSH
        /// library reports (ssh-ed25519, rsa-sha2-512, …); it must agree with the blob's key type.
        /// </summary>
        public HostKeyVerdict Verify(string host, int port, string? keyAlgorithm, byte[] keyBlob)
        {
            if (keyBlob is null)
            {
                throw new ArgumentNullException(nameof(keyBlob));
            }

            string lookupName = HostLookupName.For(host, port);
            string keyType = SshKeyType.FromBlob(keyBlob);
            if (keyAlgorithm != null && SshKeyType.FromAlgorithm(keyAlgorithm) != keyType)
            {
                throw new ArgumentException($"The host key algorithm {InputExcerpt.Of(keyAlgorithm)} does not fit the key, which is of type {keyType}.", nameof(keyAlgorithm));
            }

            // A host certificate is checked against @cert-authority lines; everything else (pins,
            // @revoked, plain known_hosts entries) looks at the key inside it, as ssh does.
            SshCertificate? certificate = null;
            if (SshCertificate.IsCertificateType(keyType))
            {
                try
                {
                    certificate = SshCertificate.Parse(keyBlob);
                }
                catch (FormatException ex)
                {
                    throw new ArgumentException("The host certificate cannot be read: " + ex.Message, nameof(keyBlob), ex);
                }
            }

            var facts = certificate == null
                ? new Facts(host, port, lookupName, keyType, keyBlob)
                : new Facts(host, port, lookupName, certificate.KeyType, certificate.GetPublicKey()) { Certificate = certificate };
            var files = Policy.KnownHostsFiles.Select(KnownHostsFile.LoadUnlessUnchanged).ToList();
            foreach (KnownHostsFile file in files)
            {
                facts.Notes.AddRange(file.Notes);
            }

            List<KnownHostEntry> applicable = Applicable(files.SelectMany(f => f.Entries), lookupName, facts.Notes);

            HostKeyVerdict? decided = Decide(facts, applicable);
            if (decided != null)
            {
                return decided;
            }

            if (!Policy.TrustOnFirstUse)
            {
                return Verdicts.Unknown(facts, OtherTypes(applicable, keyType), Policy);
            }

            return Record(facts, applicable);
        }

        /// <summary>
        /// The key types known_hosts holds for a host (plain entries only), so a caller can prefer those
        /// host-key algorithms when negotiating, as ssh does.
        /// </summary>
        public IReadOnlyList<string> KnownKeyTypes(string host, int port)
        {
            string lookupName = HostLookupName.For(host, port);
            var entries = Policy.KnownHostsFiles.Select(KnownHostsFile.LoadUnlessUnchanged).SelectMany(f => f.Entries);
            return Applicable(entries, lookupName, new List<string>())
                .Where(e => e.Marker == KnownHostMarker.None)
                .Select(e => e.KeyType)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        private static List<KnownHostEntry> Applicable(IEnumerable<KnownHostEntry> entries, string lookupName, List<string> notes)
        {
            var applicable = new List<KnownHostEntry>();
            foreach (KnownHostEntry entry in entries.Where(e => e.AppliesToLookupName(lookupName)))
            {
                applicable.Add(entry);
            }

            return applicable;
        }

        private static IReadOnlyList<string> OtherTypes(IEnumerable<KnownHostEntry> applicable, string keyType) =>
            applicable.Where(e => e.Marker == KnownHostMarker.None && e.KeyType != keyType)
                .Select(e => e.KeyType).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>The verdict from what is known, or null when the key is unknown for this host and type.</summary>
        private HostKeyVerdict? Decide(Facts facts, List<KnownHostEntry> applicable)
        {
            KnownHostEntry? revoked = applicable.FirstOrDefault(e => e.Marker == KnownHostMarker.Revoked && e.HasKey(facts.KeyBlob));
            if (revoked != null)
            {
                return Verdicts.Revoked(facts, revoked);
            }

            SshCertificate? certificate = facts.Certificate;
            byte[]? caKey = certificate?.GetCaKey();
            KnownHostEntry? revokedCa = caKey == null ? null : applicable.FirstOrDefault(e => e.Marker == KnownHostMarker.Revoked && e.HasKey(caKey));
            if (revokedCa != null)
            {
                return Verdicts.RevokedAuthority(facts, revokedCa);
            }

            if (Policy.PinnedFingerprints.Count > 0)
            {
                HostKeyFingerprint? pin = Policy.PinnedFingerprints.FirstOrDefault(p => p.Matches(facts.KeyBlob));
                return pin != null ? Verdicts.TrustedByPin(facts, pin) : Verdicts.PinMismatch(facts, Policy.PinnedFingerprints);
            }

            if (certificate != null)
            {
                KnownHostEntry? authority = applicable.FirstOrDefault(e => e.Marker == KnownHostMarker.CertAuthority && e.HasKey(caKey!));
                if (authority != null)
                {
                    return HostCertificateCheck.Decide(facts, certificate, authority, DateTimeOffset.UtcNow);
                }

                // No listed CA signed it: like ssh, fall back to the plain key inside.
                facts.Notes.Add($"{facts.LookupName} presented a host certificate signed by CA {certificate.CaFingerprint}, which no @cert-authority line for it lists; its key was checked as a plain key.");
            }

            var sameType = applicable.Where(e => e.Marker == KnownHostMarker.None && e.KeyType == facts.KeyType).ToList();
            KnownHostEntry? match = sameType.FirstOrDefault(e => e.HasKey(facts.KeyBlob));
            if (match != null)
            {
                return Verdicts.TrustedByEntry(facts, match);
            }

            return sameType.Count > 0 ? Verdicts.Changed(facts, sameType) : null;
        }

        private HostKeyVerdict Record(Facts facts, List<KnownHostEntry> applicable)
        {
            string recordFile = Policy.RecordFile!;
            HostKeyVerdict? verdict = null;

            // Decide again under the file's lock: a parallel connection may have recorded this host meanwhile.
            OwnerOnlyFile.Append(recordFile, existing =>
            {
                KnownHostsFile current = KnownHostsFile.Parse(existing, recordFile);
                var recordedNow = Applicable(current.Entries, facts.LookupName, new List<string>());
                verdict = Decide(facts, recordedNow);
                if (verdict != null)
                {
                    return null;
                }

                string line = KnownHostLine.Format(facts.Host, facts.Port, facts.KeyBlob, Policy.HashRecordedHosts);
                int lineNumber = existing.Count(c => c == '\n') + (existing.Length > 0 && !existing.EndsWith("\n", StringComparison.Ordinal) ? 1 : 0) + 1;
                var entry = KnownHostEntry.Parse(line, recordFile, lineNumber)!;
                verdict = Verdicts.Recorded(facts, entry, OtherTypes(applicable, facts.KeyType));
                return line + "\n";
            });

            return verdict!;
        }

        /// <summary>What every verdict for one presented key shares.</summary>
        internal sealed class Facts
        {
            public Facts(string host, int port, string lookupName, string keyType, byte[] keyBlob)
            {
                Host = host;
                Port = port;
                LookupName = lookupName;
                KeyType = keyType;
                KeyBlob = keyBlob;
                Presented = HostKeyFingerprint.Sha256(keyBlob);
            }

            public string Host { get; }

            public int Port { get; }

            public string LookupName { get; }

            public string KeyType { get; }

            public byte[] KeyBlob { get; }

            public HostKeyFingerprint Presented { get; }

            public List<string> Notes { get; } = new List<string>();

            /// <summary>The host certificate the key came in, if it came in one.</summary>
            public SshCertificate? Certificate { get; set; }
        }
    }
}
