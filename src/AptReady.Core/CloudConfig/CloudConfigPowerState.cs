using System;
using System.Text.RegularExpressions;

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
        private static readonly Regex DelayPattern = new Regex("^(?:now|\\+[0-9]+)$", RegexOptions.CultureInvariant);

        /// <param name="mode">reboot, poweroff or halt.</param>
        /// <param name="delay">'now' or '+N' minutes, as shutdown(8) takes it.</param>
        /// <param name="message">A message for shutdown(8), or null.</param>
        /// <param name="timeout">How long to wait for cloud-init to finish before acting anyway; null for cloud-init's default (30 s).</param>
        /// <param name="condition">false to skip the action; null leaves cloud-init's default (true).</param>
        public CloudConfigPowerState(PowerStateMode mode, string delay = "now", string? message = null, TimeSpan? timeout = null, bool? condition = null)
        {
            if (delay is null || !DelayPattern.IsMatch(delay))
            {
                throw CloudConfigInput.Invalid(nameof(delay), delay ?? string.Empty, "is not a shutdown delay ('now' or '+N' minutes).");
            }

            if (timeout.HasValue && (timeout.Value < TimeSpan.Zero || timeout.Value.TotalSeconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be zero or positive.");
            }

            Mode = mode;
            Delay = delay;
            Message = message == null ? null : CloudConfigInput.SingleLine(message, nameof(message));
            Timeout = timeout;
            Condition = condition;
        }

        public PowerStateMode Mode { get; }

        public string Delay { get; }

        public string? Message { get; }

        public TimeSpan? Timeout { get; }

        public bool? Condition { get; }

        internal YamlMap ToYaml()
        {
            var map = new YamlMap
            {
                { "mode", Mode.ToString().ToLowerInvariant() },
                { "delay", Delay },
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
