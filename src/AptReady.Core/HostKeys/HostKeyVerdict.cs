using System;
using System.Collections.Generic;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// The decision on one presented host key, with the facts behind it and a message that says
    /// what to do when it is a refusal.
    /// </summary>
    public sealed class HostKeyVerdict
    {
        public HostKeyVerdict(
            HostKeyVerdictKind kind,
            string host,
            int port,
            string keyType,
            HostKeyFingerprint presentedFingerprint,
            IReadOnlyList<HostKeyFingerprint> expectedFingerprints,
            KnownHostEntry? entry,
            HostKeyTrustSource source,
            IReadOnlyList<string> otherKnownKeyTypes,
            IReadOnlyList<string> notes,
            string message)
        {
            Kind = kind;
            Host = host ?? throw new ArgumentNullException(nameof(host));
            Port = port;
            KeyType = keyType ?? throw new ArgumentNullException(nameof(keyType));
            PresentedFingerprint = presentedFingerprint ?? throw new ArgumentNullException(nameof(presentedFingerprint));
            ExpectedFingerprints = expectedFingerprints ?? throw new ArgumentNullException(nameof(expectedFingerprints));
            Entry = entry;
            Source = source;
            OtherKnownKeyTypes = otherKnownKeyTypes ?? throw new ArgumentNullException(nameof(otherKnownKeyTypes));
            Notes = notes ?? throw new ArgumentNullException(nameof(notes));
            Message = message ?? throw new ArgumentNullException(nameof(message));
        }

        public HostKeyVerdictKind Kind { get; }

        /// <summary>True for <see cref="HostKeyVerdictKind.Trusted"/> and <see cref="HostKeyVerdictKind.Recorded"/>.</summary>
        public bool IsAccepted => Kind == HostKeyVerdictKind.Trusted || Kind == HostKeyVerdictKind.Recorded;

        public string Host { get; }

        public int Port { get; }

        /// <summary>The name looked up in known_hosts: <c>host</c> or <c>[host]:port</c>.</summary>
        public string LookupName => HostLookupName.For(Host, Port);

        /// <summary>The key type of the presented key (from its blob).</summary>
        public string KeyType { get; }

        /// <summary>The SHA-256 fingerprint of the presented key.</summary>
        public HostKeyFingerprint PresentedFingerprint { get; }

        /// <summary>
        /// Changed: the fingerprints known_hosts has for this host and type. PinMismatch: the pinned
        /// fingerprints. Otherwise what matched (or nothing).
        /// </summary>
        public IReadOnlyList<HostKeyFingerprint> ExpectedFingerprints { get; }

        /// <summary>
        /// The entry that decided: the matching one (Trusted), the known one of this type (Changed, with
        /// its file:line), the @revoked line (Revoked), the line written (Recorded); else null.
        /// </summary>
        public KnownHostEntry? Entry { get; }

        public HostKeyTrustSource Source { get; }

        /// <summary>Key types known_hosts has for this host other than the presented one (matters for Unknown).</summary>
        public IReadOnlyList<string> OtherKnownKeyTypes { get; }

        /// <summary>Skipped lines and ignored @cert-authority entries met on the way.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>What happened, and for a refusal what to do about it.</summary>
        public string Message { get; }

        /// <summary>Throws <see cref="HostKeyRejectedException"/> unless the key was accepted.</summary>
        public HostKeyVerdict EnsureAccepted()
        {
            if (!IsAccepted)
            {
                throw new HostKeyRejectedException(this);
            }

            return this;
        }

        public override string ToString() => Kind + ": " + Message;
    }
}
