using AptReady.Core.Policies;

namespace AptReady.Core.Tests.Policies;

internal sealed class ManualClock : IMonotonicClock
{
    public TimeSpan Elapsed { get; set; } = TimeSpan.FromHours(1);

    public void Advance(TimeSpan by) => Elapsed += by;
}
