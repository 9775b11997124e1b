using System;

namespace AptReady.Core.Policies
{
    /// <summary>Exponential backoff with jitter between retries of one operation.</summary>
    /// <remarks>
    /// Not thread-safe: <see cref="Random"/> is not. Make one per host (each with its own seed)
    /// rather than sharing one across a fan-out.
    /// </remarks>
    public sealed class BackoffPolicy
    {
        private readonly Random random;

        public BackoffPolicy(TimeSpan initial, TimeSpan max, double factor = 2.0, BackoffJitter jitter = BackoffJitter.Full, Random? random = null)
        {
            if (initial <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(initial), initial, "The initial delay must be positive.");
            }

            if (max < initial)
            {
                throw new ArgumentOutOfRangeException(nameof(max), max, "The maximum delay cannot be shorter than the initial delay.");
            }

            if (double.IsNaN(factor) || factor < 1.0)
            {
                throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be at least 1.");
            }

            Initial = initial;
            Max = max;
            Factor = factor;
            Jitter = jitter;
            this.random = random ?? new Random();
        }

        /// <summary>Lock contention on a fresh VM: start at half a second, never sleep more than 10 s between tries.</summary>
        public static BackoffPolicy ForLockContention(Random? random = null) =>
            new BackoffPolicy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), 2.0, BackoffJitter.Decorrelated, random);

        public TimeSpan Initial { get; }

        public TimeSpan Max { get; }

        public double Factor { get; }

        public BackoffJitter Jitter { get; }

        /// <summary>
        /// The delay before retry number <paramref name="attempt"/> (1 for the first retry).
        /// <paramref name="previousDelay"/> is the delay used before the previous retry (ignored except
        /// by decorrelated jitter; pass <see cref="TimeSpan.Zero"/> for the first).
        /// </summary>
        public TimeSpan NextDelay(int attempt, TimeSpan previousDelay)
        {
            if (attempt < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Retries are numbered from 1.");
            }

            double initialMs = Initial.TotalMilliseconds;
            double maxMs = Max.TotalMilliseconds;
            double ms;
            switch (Jitter)
            {
                case BackoffJitter.None:
                    ms = Exponential(attempt, initialMs, maxMs);
                    break;
                case BackoffJitter.Full:
                    ms = random.NextDouble() * Exponential(attempt, initialMs, maxMs);
                    break;
                case BackoffJitter.Decorrelated:
                    {
                        double previous = Math.Max(initialMs, previousDelay.TotalMilliseconds);
                        double upper = Math.Min(maxMs, previous * 3);
                        ms = initialMs + (random.NextDouble() * (upper - initialMs));
                        break;
                    }

                default:
                    throw new InvalidOperationException($"Unknown jitter {Jitter}.");
            }

            return TimeSpan.FromMilliseconds(Math.Min(ms, maxMs));
        }

        // initial * factor^(attempt-1), computed so that a large attempt saturates at max instead of overflowing.
        private double Exponential(int attempt, double initialMs, double maxMs)
        {
            double ms = initialMs * Math.Pow(Factor, attempt - 1);
            return double.IsInfinity(ms) || ms > maxMs ? maxMs : ms;
        }
    }
}
