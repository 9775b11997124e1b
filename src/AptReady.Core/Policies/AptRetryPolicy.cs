using System;
using AptReady.Core.Apt;

namespace AptReady.Core.Policies
{
    /// <summary>
    /// Retries apt-get only on lock contention, and only while the deadline leaves time for the delay.
    /// Every other failure is real and is reported at once: retrying it would hide it.
    /// </summary>
    public sealed class AptRetryPolicy
    {
        public AptRetryPolicy(BackoffPolicy backoff, int maxAttempts = 20)
        {
            if (maxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "At least one attempt.");
            }

            Backoff = backoff ?? throw new ArgumentNullException(nameof(backoff));
            MaxAttempts = maxAttempts;
        }

        public BackoffPolicy Backoff { get; }

        public int MaxAttempts { get; }

        /// <summary>
        /// Decides after attempt number <paramref name="attempt"/> (1-based) failed with <paramref name="failure"/>.
        /// <paramref name="previousDelay"/> is the delay chosen last time (zero the first time).
        /// </summary>
        public RetryDecision Decide(AptFailureKind failure, int attempt, Deadline deadline, TimeSpan previousDelay)
        {
            if (deadline is null)
            {
                throw new ArgumentNullException(nameof(deadline));
            }

            if (failure != AptFailureKind.LockContention)
            {
                return RetryDecision.Stop(failure == AptFailureKind.None ? "succeeded" : $"{failure} is not lock contention");
            }

            if (attempt >= MaxAttempts)
            {
                return RetryDecision.Stop($"lock contention after {attempt} attempts, the most allowed");
            }

            if (deadline.IsExpired)
            {
                return RetryDecision.Stop("lock contention and the deadline has passed");
            }

            TimeSpan delay = Backoff.NextDelay(attempt, previousDelay);
            TimeSpan remaining = deadline.Remaining;

            // Sleeping past the deadline would only end in a timeout; retry at once with what is left instead
            // only if at least a second remains for the script to look at the locks.
            if (delay >= remaining)
            {
                return remaining >= TimeSpan.FromSeconds(1)
                    ? RetryDecision.Retry(TimeSpan.Zero, "lock contention; retrying at once with the time left")
                    : RetryDecision.Stop("lock contention and too little time left before the deadline");
            }

            return RetryDecision.Retry(delay, "lock contention");
        }
    }
}
