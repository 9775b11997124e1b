using AptReady.Core.CloudInit;
using Xunit;

namespace AptReady.Core.Tests.CloudInit;

public sealed class CloudInitHeartbeatTests
{
    [Fact]
    public void HeartbeatsOfARealWait()
    {
        var beats = CloudInitProbeParser.Heartbeats(CloudInit25Samples.ProbeTimeout);

        Assert.Equal(new[] { 0.00, 1.01, 2.03 }, beats.Select(b => b.Elapsed.TotalSeconds));
        Assert.All(beats, b => Assert.Equal("modules-final", b.Stage));
        Assert.All(beats, b => Assert.True(b.HasStarted));
        Assert.All(beats, b => Assert.Equal(CloudInitState.Running, b.State));
        Assert.Equal("cloud-init running modules-final (1 s)", beats[1].ToString());
    }

    [Fact]
    public void HeartbeatsOfARealWaitOn26()
    {
        var timeout = CloudInitProbeParser.Heartbeats(CloudInit26Samples.ProbeTimeout);
        var waited = CloudInitProbeParser.Heartbeats(CloudInit26Samples.ProbeWaited);

        Assert.Equal(3, timeout.Count);
        Assert.Equal(5, waited.Count);
        Assert.All(timeout.Concat(waited), b => Assert.Equal(("modules-final", CloudInitState.Running), (b.Stage, b.State)));
        Assert.Equal(TimeSpan.Zero, waited[0].Elapsed);
        Assert.True(waited[4].Elapsed > TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void OnlyWaitsHaveHeartbeats()
    {
        Assert.Empty(CloudInitProbeParser.Heartbeats(CloudInit22Samples.ProbeDone));
        Assert.Equal(3, CloudInitProbeParser.Heartbeats(CloudInit22Samples.ProbeTimeout).Count);
    }

    [Theory]
    [InlineData("hb 0.00 not-started -", false, null, 0.0)]
    [InlineData("hb 12.40 running none", true, null, 12.4)]
    [InlineData("hb 3.03 running init-local\r", true, "init-local", 3.03)]
    public void HeartbeatLines(string line, bool started, string? stage, double seconds)
    {
        Assert.True(CloudInitHeartbeat.TryParse(line, out var beat));
        Assert.Equal(started, beat!.HasStarted);
        Assert.Equal(stage, beat.Stage);
        Assert.Equal(seconds, beat.Elapsed.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hb")]
    [InlineData("hb 1.00 running")]
    [InlineData("hb x running init")]
    [InlineData("hb -1.00 running init")]
    [InlineData("hb 1.00 done init")]
    [InlineData("phase running")]
    [InlineData("hb 1.00 running init extra")]
    public void NotHeartbeats(string line)
    {
        Assert.False(CloudInitHeartbeat.TryParse(line, out var beat));
        Assert.Null(beat);
    }
}
