using System;

namespace AptReady.Core.Policies
{
    /// <summary>A point in monotonic time by which a wait must end.</summary>
    public sealed class Deadline
    {
        private readonly IMonotonicClock clock;
        private readonly TimeSpan start;
        private readonly TimeSpan end;

        private Deadline(IMonotonicClock clock, TimeSpan timeout)
        {
            this.clock = clock;
            Timeout = timeout;
            start = clock.Elapsed;
            // A timeout too large to add (TimeSpan.MaxValue) is no deadline, not an OverflowException.
            end = timeout == System.Threading.Timeout.InfiniteTimeSpan || timeout >= TimeSpan.MaxValue - start ? TimeSpan.MaxValue : start + timeout;
        }

        /// <summary>The whole span this deadline was made from (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none).</summary>
        public TimeSpan Timeout { get; }

        public bool IsInfinite => end == TimeSpan.MaxValue;

        /// <summary>Time left, never negative.</summary>
        public TimeSpan Remaining
        {
            get
            {
                if (IsInfinite)
                {
                    return TimeSpan.MaxValue;
                }

                TimeSpan left = end - clock.Elapsed;
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        public TimeSpan ElapsedSinceStart => clock.Elapsed - start;

        public bool IsExpired => !IsInfinite && clock.Elapsed >= end;

        /// <summary>
        /// Whole seconds left, rounded down and capped, for remote options that take integer seconds
        /// (apt's DPkg::Lock::Timeout): rounding down keeps the remote side from outliving the deadline.
        /// </summary>
        public int RemainingWholeSeconds(int cap = int.MaxValue)
        {
            if (IsInfinite)
            {
                return cap;
            }

            double seconds = Math.Floor(Remaining.TotalSeconds);
            return seconds >= cap ? cap : (int)seconds;
        }

        /// <summary>A deadline <paramref name="timeout"/> from now on the real monotonic clock.</summary>
        public static Deadline After(TimeSpan timeout) => After(timeout, StopwatchClock.Instance);

        public static Deadline After(TimeSpan timeout, IMonotonicClock clock)
        {
            if (clock is null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (timeout < TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A deadline's timeout cannot be negative.");
            }

            return new Deadline(clock, timeout);
        }

        public override string ToString() => IsInfinite ? "no deadline" : $"{Remaining} left of {Timeout}";
    }
}
