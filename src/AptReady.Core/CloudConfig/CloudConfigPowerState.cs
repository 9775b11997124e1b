using System;

namespace AptReady.Core.CloudConfig
{
    /// <summary>What <c>power_state:</c> does when cloud-init's final stage ends.</summary>
    public enum PowerStateMode
    {
        Reboot,
        Poweroff,
        Halt,
    }

    /// <summary>cloud-config's <c>power_state:</c>: reboot or power off once cloud-init has finished.</summary>
    public sealed class CloudConfigPowerState
    {
        /// <param name="mode">reboot, poweroff or halt.</param>
        /// <param name="delayMinutes">Minutes to wait before acting; null for 'now'. Written as an integer: cloud-init 22.3+ deprecates the '+N' string form.</param>
        /// <param name="message">A message for shutdown(8), or null.</param>
        /// <param name="timeout">How long to wait for cloud-init to finish before acting anyway; null for cloud-init's default (30 s).</param>
        /// <param name="condition">false to skip the action; null leaves cloud-init's default (true).</param>
        public CloudConfigPowerState(PowerStateMode mode, int? delayMinutes = null, string? message = null, TimeSpan? timeout = null, bool? condition = null)
        {
            if (delayMinutes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(delayMinutes), delayMinutes, "The delay must be zero or more minutes.");
            }

            if (timeout.HasValue && (timeout.Value < TimeSpan.Zero || timeout.Value.TotalSeconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or positive.");
            }

            Mode = mode;
            DelayMinutes = delayMinutes;
            Message = message == null ? null : CloudConfigInput.SingleLine(message, nameof(message));
            Timeout = timeout;
            Condition = condition;
        }

        public PowerStateMode Mode { get; }

        /// <summary>Minutes before acting; null means 'now'.</summary>
        public int? DelayMinutes { get; }

        public string? Message { get; }

        public TimeSpan? Timeout { get; }

        public bool? Condition { get; }

        internal YamlMap ToYaml()
        {
            var map = new YamlMap
            {
                { "mode", Mode.ToString().ToLowerInvariant() },
                { "delay", DelayMinutes.HasValue ? (object)DelayMinutes.Value : "now" },
            };
            if (Message != null)
            {
                map.Add("message", Message);
            }

            if (Timeout.HasValue)
            {
                map.Add("timeout", (long)Math.Ceiling(Timeout.Value.TotalSeconds));
            }

            if (Condition.HasValue)
            {
                map.Add("condition", Condition.Value);
            }

            return map;
        }
    }
}
