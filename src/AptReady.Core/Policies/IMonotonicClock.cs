using System;

namespace AptReady.Core.Policies
{
    /// <summary>A clock that only moves forward: wall-clock jumps (NTP, a VM resume) must not shorten or stretch a wait.</summary>
    public interface IMonotonicClock
    {
        /// <summary>Time elapsed since an arbitrary fixed origin.</summary>
        TimeSpan Elapsed { get; }
    }
}
