using AptReady.Core.CloudInit;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.CloudInit;

public sealed class CloudInitStatusReportTests
{
    public static TheoryData<string, string, string, CloudInitState> EveryCliSample => new()
    {
        { "22 done", CloudInit22Samples.CliDone, "done", CloudInitState.Done },
        { "22 error", CloudInit22Samples.CliError, "error", CloudInitState.Error },
        { "22 running", CloudInit22Samples.CliRunning, "running", CloudInitState.Running },
        { "22 not run", CloudInit22Samples.CliNotRun, "not run", CloudInitState.Running },
        { "22 disabled", CloudInit22Samples.CliDisabled, "disabled", CloudInitState.Disabled },
        { "25 done", CloudInit25Samples.CliDone, "done", CloudInitState.Done },
        { "25 degraded", CloudInit25Samples.CliDegraded, "done", CloudInitState.Degraded },
        { "25 degraded schema", CloudInit25Samples.CliDegradedSchema, "done", CloudInitState.Degraded },
        { "25 error", CloudInit25Samples.CliError, "error", CloudInitState.Error },
        { "25 running", CloudInit25Samples.CliRunning, "running", CloudInitState.Running },
        { "25 not started", CloudInit25Samples.CliNotRun, "not started", CloudInitState.Running },
        { "25 disabled", CloudInit25Samples.CliDisabled, "disabled", CloudInitState.Disabled },
        { "26.2 done", CloudInit26Samples.CliDone, "done", CloudInitState.Done },
        { "26.2 degraded", CloudInit26Samples.CliDegraded, "done", CloudInitState.Degraded },
        { "26.2 degraded schema", CloudInit26Samples.CliDegradedSchema, "done", CloudInitState.Degraded },
        { "26.2 error", CloudInit26Samples.CliError, "error", CloudInitState.Error },
        { "26.2 running", CloudInit26Samples.CliRunning, "running", CloudInitState.Running },
        { "26.2 not started", CloudInit26Samples.CliNotRun, "not started", CloudInitState.Running },
        { "26.2 disabled", CloudInit26Samples.CliDisabled, "disabled", CloudInitState.Disabled },
        { "26.2 disabled after it ran", CloudInit26Samples.CliDisabledAfterRun, "disabled", CloudInitState.Disabled },
        { "26.2 disabled by kernel cmdline", CloudInit26Samples.CliDisabledByKernelCmdline, "disabled", CloudInitState.Disabled },
        { "26.2 disabled by generator", CloudInit26Samples.CliDisabledByGenerator, "disabled", CloudInitState.Disabled },
    };

    [Theory]
    [MemberData(nameof(EveryCliSample))]
    public void EveryVersionGetsOneClassification(string name, string json, string status, CloudInitState state)
    {
        var report = CloudInitStatusReport.Parse(json);

        Assert.True(status == report.Status, name);
        Assert.True(state == report.State, $"{name}: expected {state}, got {report.State}");
    }

    [Fact]
    public void Version22HasNoExtendedStatusNorRecoverableErrorsNorStages()
    {
        var report = CloudInitStatusReport.Parse(CloudInit22Samples.CliError);

        Assert.Null(report.ExtendedStatus);
        Assert.Empty(report.RecoverableErrors);
        Assert.Empty(report.Stages); // the "schemas" copy is not a stage
        Assert.Equal("enabled-by-sysvinit", report.BootStatusCode);
        Assert.Equal("nocloud", report.Datasource);
        Assert.Equal("Tue, 24 Nov 2026 21:32:37 +0000", report.LastUpdate);
        var error = Assert.Single(report.Errors);
        Assert.Null(error.Stage); // 22.4.2's CLI does not say which stage
        Assert.Contains("Runparts", error.Message);
    }

    [Fact]
    public void Version25DegradedHasStagedRecoverableErrors()
    {
        var report = CloudInitStatusReport.Parse(CloudInit25Samples.CliDegraded);

        Assert.Equal("degraded done", report.ExtendedStatus);
        Assert.True(report.IsDegraded);
        Assert.Empty(report.Errors);
        var warning = Assert.Single(report.RecoverableErrors);
        Assert.Equal("init", warning.Stage);
        Assert.Equal("DEPRECATED", warning.Level);
        Assert.Equal(new[] { "init-local", "init", "modules-config", "modules-final" }, report.Stages.Select(s => s.Name));
        Assert.Equal(972.26, report.Stages[3].Finished);
        Assert.Null(report.CurrentStage);
    }

    [Fact]
    public void Version25ErrorNamesItsStage()
    {
        var report = CloudInitStatusReport.Parse(CloudInit25Samples.CliError);

        Assert.Equal("error - done", report.ExtendedStatus);
        Assert.Equal("modules-final", Assert.Single(report.Errors).Stage);
        Assert.Equal(2, report.RecoverableErrors.Count);
    }

    [Fact]
    public void Version25RunningNamesItsStage()
    {
        var report = CloudInitStatusReport.Parse(CloudInit25Samples.CliRunning);

        Assert.Equal("modules-final", report.CurrentStage);
        Assert.Null(report.Stages.Single(s => s.Name == "modules-final").Finished);
    }

    [Fact]
    public void Version26DegradedHasThe25Shape()
    {
        // Same keys, stages, extended_status and uptime-based last_update as 25.1.4; it exited 2.
        var report = CloudInitStatusReport.Parse(CloudInit26Samples.CliDegraded);

        Assert.Equal("degraded done", report.ExtendedStatus);
        Assert.True(report.IsDegraded);
        Assert.Equal("enabled-by-sysvinit", report.BootStatusCode);
        Assert.Equal("Thu, 01 Jan 1970 00:46:09 +0000", report.LastUpdate); // uptime 2769 s printed as a 1970 date
        Assert.Equal(new[] { "init-local", "init", "modules-config", "modules-final" }, report.Stages.Select(s => s.Name));
        Assert.Equal(2769.73, report.Stages[3].Finished);
        var warning = Assert.Single(report.RecoverableErrors);
        Assert.Equal(("init", "DEPRECATED"), (warning.Stage, warning.Level));
    }

    [Fact]
    public void Version26ErrorAndRunningNameTheirStage()
    {
        var error = CloudInitStatusReport.Parse(CloudInit26Samples.CliError);
        var running = CloudInitStatusReport.Parse(CloudInit26Samples.CliRunning);

        Assert.Equal("error - done", error.ExtendedStatus);
        Assert.Equal("modules-final", Assert.Single(error.Errors).Stage);
        Assert.Equal(2, error.RecoverableErrors.Count);
        Assert.Equal("modules-final", running.CurrentStage);
        Assert.Null(running.Stages.Single(s => s.Name == "modules-final").Finished);
    }

    [Theory]
    [InlineData("marker", "disabled-by-marker-file", "Cloud-init disabled by /etc/cloud/cloud-init.disabled")]
    [InlineData("cmdline", "disabled-by-kernel-command-line", "Cloud-init disabled by kernel parameter cloud-init=disabled")]
    [InlineData("generator", "disabled-by-generator", "Cloud-init disabled by cloud-init-generator")]
    public void Version26DisabledBootStatusCodes(string by, string code, string detail)
    {
        var report = CloudInitStatusReport.Parse(by switch
        {
            "marker" => CloudInit26Samples.CliDisabled,
            "cmdline" => CloudInit26Samples.CliDisabledByKernelCmdline,
            _ => CloudInit26Samples.CliDisabledByGenerator,
        });

        Assert.Equal(("disabled", "disabled", code, detail), (report.Status, report.ExtendedStatus, report.BootStatusCode, report.Detail));
        Assert.Null(report.Datasource);
        Assert.Null(report.LastUpdate);
    }

    [Fact]
    public void NotRunHasNoDatasourceNorLastUpdate()
    {
        var report = CloudInitStatusReport.Parse(CloudInit22Samples.CliNotRun);

        Assert.Null(report.Datasource);
        Assert.Null(report.LastUpdate);
        Assert.Equal("Cloud-init enabled on sysvinit", report.Detail);
    }

    [Fact]
    public void ErrorRunningIsErrorForTheReportAlone()
    {
        // 25.x says "error - running" while later stages still run; the probe keeps waiting on it.
        string json = CloudInit25Samples.CliRunning
            .Replace("\"extended_status\": \"running\"", "\"extended_status\": \"error - running\"")
            .Replace("\"status\": \"running\"", "\"status\": \"error\"");

        Assert.Equal(CloudInitState.Error, CloudInitStatusReport.Parse(json).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("status: done")]
    [InlineData("{ \"status\": \"done\", ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"status\": \"finished\" }")]
    [InlineData("{ \"detail\": \"no status\" }")]
    public void GarbledOutputThrowsQuotingIt(string json)
    {
        var e = Assert.Throws<ProbeOutputException>(() => CloudInitStatusReport.Parse(json));

        Assert.Equal(json, e.Output);
    }
}
