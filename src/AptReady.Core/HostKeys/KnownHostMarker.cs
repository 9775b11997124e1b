namespace AptReady.Core.HostKeys
{
    /// <summary>The marker at the start of a known_hosts line, if any.</summary>
    public enum KnownHostMarker
    {
        /// <summary>An ordinary host key entry.</summary>
        None,

        /// <summary><c>@revoked</c>: this key is refused for the matching hosts even if listed elsewhere.</summary>
        Revoked,

        /// <summary><c>@cert-authority</c>: a CA for host certificates. AptReady does not verify host certificates and ignores these lines.</summary>
        CertAuthority,
    }
}
