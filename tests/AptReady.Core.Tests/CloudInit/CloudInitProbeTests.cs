using AptReady.Core.CloudInit;
using Xunit;

namespace AptReady.Core.Tests.CloudInit;

public sealed class CloudInitProbeTests
{
    [Fact]
    public void WaitScriptCarriesTheDeadline()
    {
        var command = CloudInitProbe.BuildWait(600);

        Assert.Contains("\nlimit=600\n", command.Script);
        Assert.Contains("printf '%s\\n' '" + CloudInitProbe.Header + "'", command.Script);
        Assert.DoesNotContain("@LIMIT@", command.Script);
        Assert.StartsWith("exec /bin/sh -c '", command.ToExecLine());
        Assert.Contains("600 s", command.Description);
    }

    [Fact]
    public void CheckScriptLooksOnce()
    {
        Assert.Contains("\nlimit=0\n", CloudInitProbe.BuildCheck().Script);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(86401)]
    public void DeadlineOutOfRangeIsRefused(int seconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CloudInitProbe.BuildWait(seconds));
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.2, 1)]
    [InlineData(1.2, 2)]
    [InlineData(600.0, 600)]
    [InlineData(1e7, 86400)]
    public void DeadlineSecondsRoundUp(double seconds, int expected)
    {
        Assert.Equal(expected, CloudInitProbe.DeadlineSeconds(TimeSpan.FromSeconds(seconds)));
    }
}
