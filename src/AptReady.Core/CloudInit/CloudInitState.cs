namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// One answer for every cloud-init version: what Wait-CloudInit reports for a host.
    /// </summary>
    public enum CloudInitState
    {
        /// <summary>Not finished this boot: a stage is running, or no stage has started yet.</summary>
        Running,

        /// <summary>Finished this boot without errors.</summary>
        Done,

        /// <summary>Finished this boot with recoverable errors only (25.x "degraded done": warnings, deprecated keys).</summary>
        Degraded,

        /// <summary>Finished this boot with errors in at least one stage.</summary>
        Error,

        /// <summary>Disabled (marker file, kernel command line, generator) and it did not run this boot.</summary>
        Disabled,

        /// <summary>No cloud-init on the host.</summary>
        NotInstalled,

        /// <summary>The caller's deadline passed while cloud-init was still running; set by the caller.</summary>
        TimedOut,
    }
}
