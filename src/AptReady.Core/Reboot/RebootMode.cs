namespace AptReady.Core.Reboot
{
    /// <summary>When Invoke-AptGet reboots a host after a successful run.</summary>
    public enum RebootMode
    {
        /// <summary>Never.</summary>
        None,

        /// <summary>When the host asks for it (<see cref="RebootRequirement.Required"/>).</summary>
        IfRequired,

        /// <summary>After every successful run.</summary>
        Always,
    }
}
