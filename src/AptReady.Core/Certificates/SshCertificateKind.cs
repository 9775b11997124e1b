namespace AptReady.Core.Certificates
{
    /// <summary>Who a certificate is for.</summary>
    public enum SshCertificateKind
    {
        /// <summary>A user certificate: logs its key in as one of the principals.</summary>
        User = 1,

        /// <summary>A host certificate: vouches for a server's host key under its names.</summary>
        Host = 2,
    }

    /// <summary>Where now falls in a certificate's validity window.</summary>
    public enum SshCertificateValidity
    {
        Valid,
        NotYetValid,
        Expired,
    }
}
