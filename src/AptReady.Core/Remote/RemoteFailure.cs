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

        /// <summary>A caller's session (Posh-SSH) cannot run a command for a reason not named below.</summary>
        SessionUnusable,

        /// <summary>A known_hosts file exists but cannot be read (a folder, a FIFO, too large, no permission). Not retried.</summary>
        KnownHostsUnreadable,

        /// <summary>Trust on first use could not record the key (read-only file or folder, a folder in its place). Not retried.</summary>
        KnownHostsUnwritable,

        /// <summary>A caller's session is open but its connection is not (dropped, or Disconnect was called).</summary>
        SessionDisconnected,

        /// <summary>A caller's session's client was disposed: it can never connect again.</summary>
        SessionDisposed,

        /// <summary>A caller's Posh-SSH session was closed with Remove-SSHSession.</summary>
        SessionRemoved,

        /// <summary>A caller's session is an SFTP session (New-SFTPSession): it transfers files, it cannot run commands.</summary>
        SessionIsSftp,

        /// <summary>The object given as a session holds no SSH client AptReady can drive (a deserialized copy, another module's object).</summary>
        SessionNotRecognized,

        /// <summary>A jump host on the way to the target could not be used; the message names the hop, the inner exception holds its own failure.</summary>
        JumpHostFailed,
        /// <summary>No SSH agent answers at the socket (or pipe), or the connection to it broke.</summary>
        AgentUnavailable,

        /// <summary>The agent would not sign: its user declined an ssh-add -c confirmation, or the key is gone.</summary>
        AgentRefusedToSign,

        /// <summary>-AgentIdentity names a key the agent does not hold.</summary>
        AgentIdentityNotFound,

        /// <summary>A user certificate is malformed, for another key, or not a user certificate.</summary>
        CertificateInvalid,

        /// <summary>A user certificate's validity window has passed.</summary>
        CertificateExpired,

        /// <summary>A user certificate's validity window has not begun.</summary>
        CertificateNotYetValid,

        /// <summary>The host's certificate, signed by a trusted CA, has expired.</summary>
        HostCertificateExpired,

        /// <summary>The host's certificate, signed by a trusted CA, is not valid yet.</summary>
        HostCertificateNotYetValid,

        /// <summary>The host's certificate, signed by a trusted CA, does not name this host among its principals.</summary>
        HostCertificatePrincipalMismatch,

        /// <summary>The host presented a user certificate, or one whose CA signature does not verify.</summary>
        HostCertificateInvalid,

        /// <summary>The server and AptReady share no key exchange (or other algorithm of the handshake). Not retried.</summary>
        KeyExchangeFailed,
    }
}
