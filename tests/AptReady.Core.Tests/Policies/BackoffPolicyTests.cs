using AptReady.Core.Policies;
using Xunit;

namespace AptReady.Core.Tests.Policies;

public class BackoffPolicyTests
{
    [Fact]
    public void WithoutJitterDelaysGrowByTheFactorUpToTheMax()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 2.0, BackoffJitter.None);

        var delays = Enumerable.Range(1, 6).Select(a => policy.NextDelay(a, TimeSpan.Zero).TotalSeconds).ToArray();

        Assert.Equal(new[] { 1.0, 2.0, 4.0, 8.0, 10.0, 10.0 }, delays);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.NextDelay(10_000, TimeSpan.Zero));
    }

    [Fact]
    public void FullJitterStaysBetweenZeroAndTheExponentialDelay()
    {
        var policy = new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 2.0, BackoffJitter.Full, new Random(42));

        for (int attempt = 1; attempt <= 50; attempt++)
        {
            double cap = Math.Min(10, Math.Pow(2, attempt - 1));
            double d = policy.NextDelay(attempt, TimeSpan.Zero).TotalSeconds;
            Assert.InRange(d, 0, cap);
        }
    }

    [Fact]
    public void DecorrelatedJitterStaysBetweenInitialAndThreeTimesThePrevious()
    {
        var policy = new BackoffPolicy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), 2.0, BackoffJitter.Decorrelated, new Random(7));

        TimeSpan previous = TimeSpan.Zero;
        var seen = new List<double>();
        for (int attempt = 1; attempt <= 50; attempt++)
        {
            TimeSpan d = policy.NextDelay(attempt, previous);
            double upper = Math.Min(10_000, Math.Max(500, previous.TotalMilliseconds) * 3);
            Assert.InRange(d.TotalMilliseconds, 500, upper);
            seen.Add(d.TotalMilliseconds);
            previous = d;
        }

        Assert.True(seen.Distinct().Count() > 40, "the delays should vary");
    }

    [Fact]
    public void TheSameSeedGivesTheSameDelays()
    {
        var a = BackoffPolicy.ForLockContention(new Random(1));
        var b = BackoffPolicy.ForLockContention(new Random(1));

        TimeSpan pa = TimeSpan.Zero, pb = TimeSpan.Zero;
        for (int attempt = 1; attempt <= 10; attempt++)
        {
            pa = a.NextDelay(attempt, pa);
            pb = b.NextDelay(attempt, pb);
            Assert.Equal(pa, pb);
        }
    }

    [Fact]
    public void BadSettingsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => BackoffPolicy.ForLockContention().NextDelay(0, TimeSpan.Zero));
    }
}
