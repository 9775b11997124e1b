using AptReady.Core.CloudInit;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.CloudInit;

public sealed class CloudInitFilesTests
{
    [Fact]
    public void StatusFile22HasEpochTimesAndNoRecoverableErrors()
    {
        var file = CloudInitStatusFile.Parse(CloudInit22Samples.StatusFileDone);

        Assert.Equal("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]", file.Datasource);
        Assert.Null(file.CurrentStage);
        Assert.Equal(new[] { "init-local", "init", "modules-init", "modules-config", "modules-final" }, file.Stages.Select(s => s.Name));
        Assert.False(file.Stage("modules-init")!.HasStarted);
        double finished = file.Stage("modules-final")!.Finished!.Value;
        Assert.Equal(1795555953.2768304, finished);
        Assert.True(CloudInitTime.IsEpoch(finished));
        Assert.Empty(file.Errors);
        Assert.Empty(file.RecoverableErrors);
        Assert.Equal("modules-final", file.LastStage);
    }

    [Fact]
    public void StatusFile25HasUptimeTimesAndRecoverableErrors()
    {
        var file = CloudInitStatusFile.Parse(CloudInit25Samples.StatusFileDegraded);

        double finished = file.Stage("modules-final")!.Finished!.Value;
        Assert.Equal(972.26, finished);
        Assert.False(CloudInitTime.IsEpoch(finished));
        Assert.Null(file.Stage("modules-init")); // 25.x no longer lists it
        var warning = Assert.Single(file.RecoverableErrors);
        Assert.Equal("init", warning.Stage);
        Assert.Equal("DEPRECATED", warning.Level);
    }

    [Fact]
    public void StatusFile26HasThe25Shape()
    {
        var file = CloudInitStatusFile.Parse(CloudInit26Samples.StatusFileDegraded);

        Assert.Equal("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]", file.Datasource);
        Assert.Equal(new[] { "init-local", "init", "modules-config", "modules-final" }, file.Stages.Select(s => s.Name));
        double finished = file.Stage("modules-final")!.Finished!.Value;
        Assert.Equal(2769.73, finished);
        Assert.False(CloudInitTime.IsEpoch(finished)); // uptime, as on 25.1.4
        var warning = Assert.Single(file.RecoverableErrors);
        Assert.Equal(("init", "DEPRECATED"), (warning.Stage, warning.Level));
        Assert.Empty(CloudInitStatusFile.Parse(CloudInit26Samples.StatusFileDone).RecoverableErrors);
        Assert.Equal("modules-final", CloudInitStatusFile.Parse(CloudInit26Samples.StatusFileRunning).CurrentStage);
        Assert.Equal("modules-final", Assert.Single(CloudInitStatusFile.Parse(CloudInit26Samples.StatusFileError).Errors).Stage);
    }

    [Fact]
    public void ResultFiles26()
    {
        Assert.Empty(CloudInitResultFile.Parse(CloudInit26Samples.ResultFileDone).Errors);
        var e = Assert.Single(CloudInitResultFile.Parse(CloudInit26Samples.ResultFileError).Errors);
        Assert.Equal("('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))", e.Message);
    }

    [Fact]
    public void StatusFileWhileRunningNamesTheStage()
    {
        Assert.Equal("modules-final", CloudInitStatusFile.Parse(CloudInit22Samples.StatusFileRunning).CurrentStage);
        Assert.Equal("modules-final", CloudInitStatusFile.Parse(CloudInit25Samples.StatusFileRunning).CurrentStage);
        Assert.Null(CloudInitStatusFile.Parse(CloudInit25Samples.StatusFileRunning).Stage("modules-final")!.Finished);
    }

    [Fact]
    public void StatusFileErrorsCarryTheirStage()
    {
        var error22 = Assert.Single(CloudInitStatusFile.Parse(CloudInit22Samples.StatusFileError).Errors);
        var error25 = Assert.Single(CloudInitStatusFile.Parse(CloudInit25Samples.StatusFileError).Errors);

        Assert.Equal("modules-final", error22.Stage);
        Assert.Equal("modules-final", error25.Stage);
        Assert.Equal(error22.Message, error25.Message);
    }

    [Fact]
    public void ResultFiles()
    {
        var done = CloudInitResultFile.Parse(CloudInit22Samples.ResultFileDone);
        var error = CloudInitResultFile.Parse(CloudInit25Samples.ResultFileError);

        Assert.Empty(done.Errors);
        Assert.Equal("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]", done.Datasource);
        var e = Assert.Single(error.Errors);
        Assert.Null(e.Stage);
        Assert.Equal("('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))", e.Message);
        Assert.Empty(error.RecoverableErrors);
        Assert.Empty(CloudInitResultFile.Parse(CloudInit22Samples.ResultFileError).RecoverableErrors);
    }

    [Theory]
    [InlineData("{ \"v2\": {} }")]
    [InlineData("{ \"v1\": { \"datasource\": null } }")]
    [InlineData("{\n \"v1\": {\n  \"datasource\": \"DataSourceNoCloud")]
    [InlineData("null")]
    public void GarbledStatusFileThrows(string json)
    {
        Assert.Throws<ProbeOutputException>(() => CloudInitStatusFile.Parse(json));
    }

    [Fact]
    public void GarbledResultFileThrows()
    {
        Assert.Throws<ProbeOutputException>(() => CloudInitResultFile.Parse("{ \"errors\": [] }"));
    }

    [Theory]
    [InlineData("22", 912.19, 2026, 11, 24, 21, 32, 33, "22.4.2")]
    [InlineData("25", 964.57, 2026, 11, 24, 21, 33, 25, "25.1.4")]
    [InlineData("26.2", 2748.88, 2026, 11, 29, 14, 15, 42, "26.2")]
    public void BootFinishedStamps(string version, double uptime, int y, int mo, int d, int h, int mi, int s, string cloudInitVersion)
    {
        string text = version switch
        {
            "22" => CloudInit22Samples.BootFinishedDone,
            "25" => CloudInit25Samples.BootFinishedDone,
            _ => CloudInit26Samples.BootFinishedDone,
        };

        Assert.True(BootFinishedStamp.TryParse(text, out var stamp));
        Assert.Equal(TimeSpan.FromSeconds(uptime), stamp!.Uptime);
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), stamp.Timestamp);
        Assert.Equal(cloudInitVersion, stamp.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("done")]
    [InlineData("abc - Tue, 24 Nov 2026 21:23:44 +0000 - v. 22.4.2")]
    public void GarbledBootFinishedIsRefused(string text)
    {
        Assert.False(BootFinishedStamp.TryParse(text, out _));
    }

    [Fact]
    public void StageTimesOfBothVersions()
    {
        const long btime = 1795555041;

        Assert.Equal(TimeSpan.FromSeconds(493.26), CloudInitTime.ToUptime(493.26, btime));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795555534260), CloudInitTime.ToWallClock(493.26, btime));
        Assert.Equal(383.88, CloudInitTime.ToUptime(1795555424.8802018, btime)!.Value.TotalSeconds, 2);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795555424880), CloudInitTime.ToWallClock(1795555424.8802018, null));
        Assert.Null(CloudInitTime.ToWallClock(493.26, null));
    }
}
