using System;

namespace AptReady.Core.Policies
{
    /// <summary>Whether to run an operation again, after how long, and why (for verbose output).</summary>
    public sealed class RetryDecision
    {
        private RetryDecision(bool shouldRetry, TimeSpan delay, string reason)
        {
            ShouldRetry = shouldRetry;
            Delay = delay;
            Reason = reason;
        }

        public bool ShouldRetry { get; }

        public TimeSpan Delay { get; }

        public string Reason { get; }

        public static RetryDecision Retry(TimeSpan delay, string reason) => new RetryDecision(true, delay, reason);

        public static RetryDecision Stop(string reason) => new RetryDecision(false, TimeSpan.Zero, reason);

        public override string ToString() => ShouldRetry ? $"retry in {Delay.TotalSeconds:0.##} s: {Reason}" : $"stop: {Reason}";
    }
}
