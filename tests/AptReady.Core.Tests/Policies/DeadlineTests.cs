using AptReady.Core.Policies;
using Xunit;

namespace AptReady.Core.Tests.Policies;

public class DeadlineTests
{
    [Fact]
    public void TheLargestTimeSpanIsNoDeadlineRatherThanAnOverflow()
    {
        var clock = new ManualClock();
        var deadline = Deadline.After(TimeSpan.MaxValue, clock);

        clock.Advance(TimeSpan.FromDays(1000));
        Assert.False(deadline.IsExpired);
        Assert.Equal(int.MaxValue, deadline.RemainingWholeSeconds());
        Assert.Equal(TimeSpan.MaxValue, deadline.Remaining);
    }

    [Fact]
    public void RemainingShrinksWithTheClockAndStopsAtZero()
    {
        var clock = new ManualClock();
        var deadline = Deadline.After(TimeSpan.FromSeconds(10), clock);

        Assert.Equal(TimeSpan.FromSeconds(10), deadline.Remaining);
        Assert.False(deadline.IsExpired);

        clock.Advance(TimeSpan.FromSeconds(7.5));
        Assert.Equal(TimeSpan.FromSeconds(2.5), deadline.Remaining);
        Assert.Equal(2, deadline.RemainingWholeSeconds());
        Assert.Equal(TimeSpan.FromSeconds(7.5), deadline.ElapsedSinceStart);

        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.True(deadline.IsExpired);
        Assert.Equal(TimeSpan.Zero, deadline.Remaining);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, deadline.Remaining);
        Assert.Equal(0, deadline.RemainingWholeSeconds());
    }

    [Fact]
    public void InfiniteNeverExpires()
    {
        var clock = new ManualClock();
        var deadline = Deadline.After(Timeout.InfiniteTimeSpan, clock);

        clock.Advance(TimeSpan.FromDays(365));

        Assert.False(deadline.IsExpired);
        Assert.True(deadline.IsInfinite);
        Assert.Equal(3600, deadline.RemainingWholeSeconds(cap: 3600));
    }

    [Fact]
    public void ZeroIsExpiredAtOnceAndNegativeIsRefused()
    {
        Assert.True(Deadline.After(TimeSpan.Zero, new ManualClock()).IsExpired);
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.After(TimeSpan.FromSeconds(-1), new ManualClock()));
    }

    [Fact]
    public void TheRealClockMovesForward()
    {
        var deadline = Deadline.After(TimeSpan.FromHours(1));
        Assert.False(deadline.IsExpired);
        Assert.True(deadline.Remaining <= TimeSpan.FromHours(1));
    }
}
