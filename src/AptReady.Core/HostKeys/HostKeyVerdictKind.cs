namespace AptReady.Core.HostKeys
{
    /// <summary>The outcome of checking a presented host key.</summary>
    public enum HostKeyVerdictKind
    {
        /// <summary>A known_hosts entry or a pinned fingerprint names this key: accept.</summary>
        Trusted,

        /// <summary>Unknown, trust on first use allowed: accepted and written to the record file.</summary>
        Recorded,

        /// <summary>No entry for this host and key type, and trust on first use not allowed: refuse.</summary>
        Unknown,

        /// <summary>The host has an entry of this key type with a different key: refuse, always.</summary>
        Changed,

        /// <summary>The key is marked @revoked for this host: refuse.</summary>
        Revoked,

        /// <summary>Fingerprints were pinned and the key matches none: refuse.</summary>
        PinMismatch,

        /// <summary>A trusted CA signed the host certificate, but its validity window has passed: refuse.</summary>
        CertificateExpired,

        /// <summary>A trusted CA signed the host certificate, but its validity window has not begun: refuse.</summary>
        CertificateNotYetValid,

        /// <summary>A trusted CA signed the certificate, but not for this host name: refuse.</summary>
        CertificatePrincipalMismatch,

        /// <summary>The server presented a user certificate as its host key: refuse.</summary>
        CertificateNotHost,
    }
}
