using AptReady.Core.Remote;

namespace AptReady.Transport
{
    /// <summary>The answer to "may this host key be trusted?" for one connection.</summary>
    public sealed class HostKeyCheck
    {
        private HostKeyCheck(bool trusted, RemoteFailure? failure, string message)
        {
            IsTrusted = trusted;
            Failure = failure;
            Message = message;
        }

        public bool IsTrusted { get; }

        /// <summary>HostKeyUnknown, HostKeyMismatch, HostKeyRevoked, KnownHostsUnreadable or KnownHostsUnwritable when refused.</summary>
        public RemoteFailure? Failure { get; }

        /// <summary>Which source trusted the key, or why it was refused and what to do.</summary>
        public string Message { get; }

        public static HostKeyCheck Trust(string source) => new HostKeyCheck(true, null, source);

        public static HostKeyCheck Refuse(RemoteFailure failure, string message) => new HostKeyCheck(false, failure, message);
    }

    /// <summary>Decides whether a host's key is trusted; called once per handshake.</summary>
    /// <param name="computerName">The host as the caller named it.</param>
    /// <param name="port">The SSH port (known_hosts writes non-22 ports as [host]:port).</param>
    /// <param name="keyAlgorithm">The key's type name, e.g. ssh-ed25519.</param>
    /// <param name="keyBlob">The public key blob as sent in the SSH protocol.</param>
    public delegate HostKeyCheck HostKeyTrust(string computerName, int port, string keyAlgorithm, byte[] keyBlob);
}
