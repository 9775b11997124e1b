namespace AptReady.Core.Apt
{
    /// <summary>Why an apt-get run did not succeed, as far as AptReady can tell.</summary>
    public enum AptFailureKind
    {
        /// <summary>It succeeded.</summary>
        None,

        /// <summary>
        /// Another process held one of this verb's locks, or another apt rebuilt the package cache beside this
        /// run (apt writes it under no lock): retryable.
        /// </summary>
        LockContention,

        /// <summary>The lock wait ran out with a lock still held (the holder is named).</summary>
        LockTimeout,

        /// <summary>An earlier dpkg was interrupted; 'dpkg --configure -a' must run first. Not retried: AptReady does not repair.</summary>
        DpkgInterrupted,

        /// <summary>sudo refused to run apt-get as root.</summary>
        ElevationFailed,

        /// <summary>/proc/locks is unreadable, so waiting is impossible.</summary>
        LocksUnreadable,

        /// <summary>The run ended without a result (connection lost, killed).</summary>
        Incomplete,

        /// <summary>apt or dpkg failed for another reason (unknown package, failing maintainer script, network…).</summary>
        AptError,
    }
}
