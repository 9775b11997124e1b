namespace AptReady.Core.Remote
{
    /// <summary>
    /// Why a host could not be reached or used. Each kind has its own stable error id in the cmdlets,
    /// and decides whether connecting again can help.
    /// </summary>
    public enum RemoteFailure
    {
        /// <summary>The name does not resolve. Not retried: a typo does not fix itself.</summary>
        HostNotFound,

        /// <summary>Refused, reset, unreachable, or no SSH banner yet: the VM may still be booting. Retried until the connect deadline.</summary>
        ConnectionFailed,

        /// <summary>The connect deadline passed while the host was not accepting connections.</summary>
        ConnectTimedOut,

        /// <summary>The server refused every offered credential. Not retried.</summary>
        AuthenticationFailed,

        /// <summary>The key file is missing, unreadable, or not a private key.</summary>
        KeyFileInvalid,

        /// <summary>The key file is encrypted and no passphrase was given.</summary>
        KeyPassphraseRequired,

        /// <summary>The host's key is not known and trust on first use was not asked for. Not retried.</summary>
        HostKeyUnknown,

        /// <summary>The host presented a different key than the one known or pinned. Never retried, never accepted.</summary>
        HostKeyMismatch,

        /// <summary>The host's key is marked revoked.</summary>
        HostKeyRevoked,

        /// <summary>sudo needs a password and none was given (or the one given was refused).</summary>
        SudoPasswordRequired,

        /// <summary>The connection dropped while a command ran.</summary>
        ConnectionLost,

        /// <summary>A caller's session (Posh-SSH) is not connected or not of a usable shape.</summary>
        SessionUnusable,

        /// <summary>A known_hosts file exists but cannot be read (a folder, a FIFO, too large, no permission). Not retried.</summary>
        KnownHostsUnreadable,

        /// <summary>Trust on first use could not record the key (read-only file or folder, a folder in its place). Not retried.</summary>
        KnownHostsUnwritable,
    }
}
