using AptReady.Core.Apt;
using AptReady.Core.Policies;
using Xunit;

namespace AptReady.Core.Tests.Policies;

public class AptRetryPolicyTests
{
    private static AptRetryPolicy Policy(int maxAttempts = 20) =>
        new(new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), 2.0, BackoffJitter.None), maxAttempts);

    [Fact]
    public void LockContentionIsRetriedWithBackoffWithinTheDeadline()
    {
        var clock = new ManualClock();
        var deadline = Deadline.After(TimeSpan.FromMinutes(5), clock);

        var first = Policy().Decide(AptFailureKind.LockContention, 1, deadline, TimeSpan.Zero);
        var third = Policy().Decide(AptFailureKind.LockContention, 3, deadline, TimeSpan.Zero);

        Assert.True(first.ShouldRetry);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Delay);
        Assert.Equal(TimeSpan.FromSeconds(4), third.Delay);
    }

    [Theory]
    [InlineData(AptFailureKind.None)]
    [InlineData(AptFailureKind.AptError)]
    [InlineData(AptFailureKind.DpkgInterrupted)]
    [InlineData(AptFailureKind.LockTimeout)]
    [InlineData(AptFailureKind.ElevationFailed)]
    [InlineData(AptFailureKind.LocksUnreadable)]
    [InlineData(AptFailureKind.Incomplete)]
    public void NothingButLockContentionIsRetried(AptFailureKind failure)
    {
        var decision = Policy().Decide(failure, 1, Deadline.After(TimeSpan.FromMinutes(5), new ManualClock()), TimeSpan.Zero);

        Assert.False(decision.ShouldRetry);
    }

    [Fact]
    public void NoRetryPastTheDeadlineOrTheAttemptLimit()
    {
        var clock = new ManualClock();
        var deadline = Deadline.After(TimeSpan.FromSeconds(30), clock);

        Assert.False(Policy(maxAttempts: 3).Decide(AptFailureKind.LockContention, 3, deadline, TimeSpan.Zero).ShouldRetry);

        clock.Advance(TimeSpan.FromSeconds(27));
        var late = Policy().Decide(AptFailureKind.LockContention, 4, deadline, TimeSpan.Zero);
        Assert.True(late.ShouldRetry);
        Assert.Equal(TimeSpan.Zero, late.Delay); // 8 s of backoff would overrun; retry at once with the 3 s left

        clock.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(Policy().Decide(AptFailureKind.LockContention, 5, deadline, TimeSpan.Zero).ShouldRetry);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(Policy().Decide(AptFailureKind.LockContention, 5, deadline, TimeSpan.Zero).ShouldRetry);
    }
}
