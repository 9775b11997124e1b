using System;
using System.Diagnostics;

namespace AptReady.Core.Policies
{
    /// <summary>The real monotonic clock, backed by <see cref="Stopwatch"/>.</summary>
    public sealed class StopwatchClock : IMonotonicClock
    {
        private readonly Stopwatch stopwatch = Stopwatch.StartNew();

        /// <summary>One shared instance; a Stopwatch's reads are thread-safe.</summary>
        public static StopwatchClock Instance { get; } = new StopwatchClock();

        public TimeSpan Elapsed => stopwatch.Elapsed;
    }
}
