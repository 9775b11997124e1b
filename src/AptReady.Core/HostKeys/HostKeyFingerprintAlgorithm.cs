namespace AptReady.Core.HostKeys
{
    /// <summary>The hash behind a host-key fingerprint.</summary>
    public enum HostKeyFingerprintAlgorithm
    {
        /// <summary>SHA-256, printed as <c>SHA256:</c> and unpadded base64 (OpenSSH's default since 6.8).</summary>
        Sha256,

        /// <summary>MD5, printed as <c>MD5:</c> and colon-separated hex (the legacy form).</summary>
        Md5,
    }
}
