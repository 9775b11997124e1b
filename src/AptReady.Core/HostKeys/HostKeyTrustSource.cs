namespace AptReady.Core.HostKeys
{
    /// <summary>Why an accepted key was accepted.</summary>
    public enum HostKeyTrustSource
    {
        /// <summary>Not accepted.</summary>
        None,

        /// <summary>An entry in a known_hosts file (see the verdict's entry for file and line).</summary>
        KnownHosts,

        /// <summary>A fingerprint pinned by the caller.</summary>
        PinnedFingerprint,

        /// <summary>Trust on first use: the key was recorded now.</summary>
        TrustOnFirstUse,

        /// <summary>A host certificate signed by a CA that an @cert-authority line lists for the host.</summary>
        CertificateAuthority,
    }
}
