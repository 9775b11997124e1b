using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// What AptReady trusts: keys in known_hosts files, pinned fingerprints, and whether an unknown
    /// host's key may be trusted on first use (then recorded into <see cref="RecordFile"/>).
    /// </summary>
    public sealed class HostKeyPolicy
    {
        /// <summary>The file AptReady records first-use keys into, under the user's ~/.ssh.</summary>
        public const string AptReadyKnownHostsFileName = "known_hosts_aptready";

        public HostKeyPolicy(
            IEnumerable<string> knownHostsFiles,
            IEnumerable<HostKeyFingerprint>? pinnedFingerprints = null,
            bool trustOnFirstUse = false,
            string? recordFile = null,
            bool hashRecordedHosts = false)
        {
            if (knownHostsFiles is null)
            {
                throw new ArgumentNullException(nameof(knownHostsFiles));
            }

            if (trustOnFirstUse && string.IsNullOrEmpty(recordFile))
            {
                throw new ArgumentException("Trust on first use needs a known_hosts file to record the key into.", nameof(recordFile));
            }

            var files = knownHostsFiles.Where(f => !string.IsNullOrEmpty(f)).ToList();

            // A recorded key must be read back next time, or the next connection would be "first use" again.
            if (!string.IsNullOrEmpty(recordFile) && !files.Any(f => SamePath(f, recordFile!)))
            {
                files.Add(recordFile!);
            }

            KnownHostsFiles = files;
            PinnedFingerprints = (pinnedFingerprints ?? Enumerable.Empty<HostKeyFingerprint>()).ToList();
            TrustOnFirstUse = trustOnFirstUse;
            RecordFile = string.IsNullOrEmpty(recordFile) ? null : recordFile;
            HashRecordedHosts = hashRecordedHosts;
        }

        /// <summary>The files read, in order (the record file is always among them).</summary>
        public IReadOnlyList<string> KnownHostsFiles { get; }

        /// <summary>
        /// Fingerprints the key must match (any one of them: several may name one key in SHA256 and
        /// MD5 form, or the keys of several types). When any is given, known_hosts does not decide.
        /// </summary>
        public IReadOnlyList<HostKeyFingerprint> PinnedFingerprints { get; }

        public bool TrustOnFirstUse { get; }

        public string? RecordFile { get; }

        /// <summary>Record the host name hashed (<c>|1|salt|hash</c>), as HashKnownHosts yes does.</summary>
        public bool HashRecordedHosts { get; }

        /// <summary>
        /// The files ssh reads for a user (~/.ssh/known_hosts, ~/.ssh/known_hosts2) and AptReady's own
        /// (~/.ssh/known_hosts_aptready), under <paramref name="homeFolder"/>.
        /// </summary>
        public static IReadOnlyList<string> DefaultKnownHostsFiles(string homeFolder) => new[]
        {
            Path.Combine(homeFolder, ".ssh", "known_hosts"),
            Path.Combine(homeFolder, ".ssh", "known_hosts2"),
            DefaultRecordFile(homeFolder),
        };

        public static string DefaultRecordFile(string homeFolder) =>
            Path.Combine(homeFolder ?? throw new ArgumentNullException(nameof(homeFolder)), ".ssh", AptReadyKnownHostsFileName);

        internal static bool SamePath(string a, string b) =>
            string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
    }
}
