using System;
using AptReady.Core.CloudInit;

namespace AptReady.Core.Reboot
{
    /// <summary>A reboot that ended with the host back, cloud-init settled and apt's locks free.</summary>
    public sealed class RebootOutcome
    {
        public RebootOutcome(string previousBootId, string bootId, TimeSpan duration, CloudInitState cloudInit)
        {
            PreviousBootId = previousBootId;
            BootId = bootId;
            Duration = duration;
            CloudInit = cloudInit;
        }

        public string PreviousBootId { get; }

        /// <summary>The id of the boot the host came back in.</summary>
        public string BootId { get; }

        /// <summary>From asking for the reboot to the host being ready again.</summary>
        public TimeSpan Duration { get; }

        /// <summary>How cloud-init's run in the new boot ended (Done, Degraded, Error, Disabled, NotInstalled).</summary>
        public CloudInitState CloudInit { get; }
    }
}
