using System;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// cloud-init's stage times: 22.4.2 writes seconds since the epoch (time.time()), 25.1.4 and 26.2
    /// seconds since boot (their status then says "last_update: Thu, 01 Jan 1970 00:07:58"). Seen on all three.
    /// </summary>
    public static class CloudInitTime
    {
        // No machine has been up for 10 years, and no clock reads before 1980: the ranges cannot overlap.
        private const double EpochThreshold = 315532800;

        public static bool IsEpoch(double seconds) => seconds >= EpochThreshold;

        /// <summary>The uptime at <paramref name="seconds"/>, given the boot time as a Unix time.</summary>
        public static TimeSpan? ToUptime(double seconds, long? bootTime)
        {
            if (!IsEpoch(seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            return bootTime is long b && seconds >= b ? TimeSpan.FromSeconds(seconds - b) : null;
        }

        /// <summary>The wall-clock time of <paramref name="seconds"/>, given the boot time as a Unix time.</summary>
        public static DateTimeOffset? ToWallClock(double seconds, long? bootTime)
        {
            if (IsEpoch(seconds))
            {
                return FromUnix(seconds);
            }

            return bootTime is long b ? FromUnix(b + seconds) : null;
        }

        internal static DateTimeOffset FromUnix(double seconds) =>
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }
}
