using AptReady.Core.CloudInit;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.CloudInit;

public sealed class CloudInitProbeParserTests
{
    private const long BootTime = 1795555041; // btime of the host the 22.4 and 25.1 samples were captured on

    private const string BootId = "3eb24f2b-1384-4d91-843e-0797950e2017";

    private static readonly RemoteHost Host = new("vm-a", 2222, "debian");

    public static TheoryData<string, string, CloudInitState> EveryProbeSample => new()
    {
        { "22 done", CloudInit22Samples.ProbeDone, CloudInitState.Done },
        { "22 error", CloudInit22Samples.ProbeError, CloudInitState.Error },
        { "22 running", CloudInit22Samples.ProbeRunning, CloudInitState.Running },
        { "22 timeout", CloudInit22Samples.ProbeTimeout, CloudInitState.Running },
        { "22 waited", CloudInit22Samples.ProbeWaited, CloudInitState.Done },
        { "22 not run", CloudInit22Samples.ProbeNotRun, CloudInitState.Running },
        { "22 disabled", CloudInit22Samples.ProbeDisabled, CloudInitState.Disabled },
        { "22 stale boot-finished", CloudInit22Samples.ProbeStaleBootFinished, CloudInitState.Running },
        { "22 not installed", CloudInit22Samples.ProbeNotInstalled, CloudInitState.NotInstalled },
        { "22 deprecated key", CloudInit22Samples.ProbeDeprecated, CloudInitState.Done },
        { "25 done", CloudInit25Samples.ProbeDone, CloudInitState.Done },
        { "25 degraded (deprecated key)", CloudInit25Samples.ProbeDegraded, CloudInitState.Degraded },
        { "25 degraded (schema)", CloudInit25Samples.ProbeDegradedSchema, CloudInitState.Degraded },
        { "25 error", CloudInit25Samples.ProbeError, CloudInitState.Error },
        { "25 running", CloudInit25Samples.ProbeRunning, CloudInitState.Running },
        { "25 timeout", CloudInit25Samples.ProbeTimeout, CloudInitState.Running },
        { "25 waited", CloudInit25Samples.ProbeWaited, CloudInitState.Done },
        { "25 not started", CloudInit25Samples.ProbeNotRun, CloudInitState.Running },
        { "25 disabled", CloudInit25Samples.ProbeDisabled, CloudInitState.Disabled },
        { "25 disabled after it ran", CloudInit25Samples.ProbeDisabledAfterRun, CloudInitState.Done },
        { "25 disabled by kernel cmdline", CloudInit25Samples.ProbeDisabledByKernelCmdline, CloudInitState.Disabled },
        { "25 disabled by generator", CloudInit25Samples.ProbeDisabledByGenerator, CloudInitState.Disabled },
        { "26.2 done", CloudInit26Samples.ProbeDone, CloudInitState.Done },
        { "26.2 degraded (deprecated key)", CloudInit26Samples.ProbeDegraded, CloudInitState.Degraded },
        { "26.2 degraded (schema)", CloudInit26Samples.ProbeDegradedSchema, CloudInitState.Degraded },
        { "26.2 error", CloudInit26Samples.ProbeError, CloudInitState.Error },
        { "26.2 running", CloudInit26Samples.ProbeRunning, CloudInitState.Running },
        { "26.2 timeout", CloudInit26Samples.ProbeTimeout, CloudInitState.Running },
        { "26.2 waited", CloudInit26Samples.ProbeWaited, CloudInitState.Done },
        { "26.2 not started", CloudInit26Samples.ProbeNotRun, CloudInitState.Running },
        { "26.2 disabled", CloudInit26Samples.ProbeDisabled, CloudInitState.Disabled },
        { "26.2 disabled without systemd", CloudInit26Samples.ProbeDisabledWithoutSystemd, CloudInitState.Disabled },
        { "26.2 disabled after it ran", CloudInit26Samples.ProbeDisabledAfterRun, CloudInitState.Done },
        { "26.2 disabled by kernel cmdline", CloudInit26Samples.ProbeDisabledByKernelCmdline, CloudInitState.Disabled },
        { "26.2 disabled by generator", CloudInit26Samples.ProbeDisabledByGenerator, CloudInitState.Disabled },
        { "26.2 stale boot-finished", CloudInit26Samples.ProbeStaleBootFinished, CloudInitState.Running },
        { "26.2 not installed", CloudInit26Samples.ProbeNotInstalled, CloudInitState.NotInstalled },
    };

    [Theory]
    [MemberData(nameof(EveryProbeSample))]
    public void EverySampleGetsOneState(string name, string output, CloudInitState expected)
    {
        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.True(expected == result.State, $"{name}: expected {expected}, got {result.State} ({result.Detail})");
        Assert.Equal("vm-a", result.ComputerName);
        Assert.Equal(2222, result.Port);
        Assert.Equal("debian", result.UserName);
        Assert.Equal(output, result.RawOutput);
        // The 26.2 samples were captured on another boot of the capturing machine.
        bool forky = name.StartsWith("26.", StringComparison.Ordinal);
        Assert.Equal(forky ? CloudInit26Samples.BootId : BootId, result.BootId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(forky ? CloudInit26Samples.BootTime : BootTime), result.BootTime);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void Done22HasVersionDatasourceAndFinishTimeFromEpochStageTimes()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeDone);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal("22.4.2", result.Version);
        Assert.Equal("nocloud", result.Datasource);
        Assert.Equal("enabled-by-sysvinit", result.BootStatusCode);
        Assert.Empty(result.Errors);
        Assert.Empty(result.RecoverableErrors);
        Assert.Equal("modules-final", result.LastStage);
        // status.json modules-final.finished = 1795555953.2768304 (epoch seconds on 22.4.2)
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795555953277), result.FinishedAt);
        Assert.Equal(912.28, result.FinishedAtUptime!.Value.TotalSeconds, 2);
        Assert.False(result.StaleBootFinished);
        Assert.False(result.RemoteDeadlinePassed);
        Assert.True(result.IsFinished);
    }

    [Fact]
    public void Done25HasFinishTimeFromUptimeStageTimes()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit25Samples.ProbeDone);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal("25.1.4", result.Version);
        Assert.Equal("nocloud", result.Datasource);
        // status.json modules-final.finished = 964.57: 25.1.4 writes uptime, not epoch seconds
        Assert.Equal(TimeSpan.FromSeconds(964.57), result.FinishedAtUptime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds((BootTime * 1000) + 964570), result.FinishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 33, 25, TimeSpan.Zero), result.FinishedAt!.Value.AddMilliseconds(-570));
    }

    [Fact]
    public void Error22NamesTheFailingStageOnce()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeError);

        Assert.Equal(CloudInitState.Error, result.State);
        var error = Assert.Single(result.Errors); // status.json, result.json and the CLI all list it
        Assert.Equal("modules-final", error.Stage);
        Assert.Contains("Runparts: 1 failures (runcmd) in 1 attempted commands", error.Message);
        Assert.Contains("Runparts", result.Detail);
        Assert.NotNull(result.FinishedAt);
    }

    [Theory]
    [InlineData("25")]
    [InlineData("26.2")]
    public void ErrorWinsOverItsRecoverableWarnings(string version)
    {
        var result = CloudInitProbeParser.Parse(Host, version == "25" ? CloudInit25Samples.ProbeError : CloudInit26Samples.ProbeError);

        Assert.Equal(CloudInitState.Error, result.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal("modules-final", error.Stage);
        Assert.Equal("('scripts-user', RuntimeError('Runparts: 1 failures (runcmd) in 1 attempted commands'))", error.Message);
        Assert.Equal(2, result.RecoverableErrors.Count);
        Assert.All(result.RecoverableErrors, e => Assert.Equal(("WARNING", "modules-final"), (e.Level, e.Stage)));
    }

    [Theory]
    [InlineData("25", "deprecated key", "DEPRECATED", "Deprecated cloud-config provided: apt_update:")]
    [InlineData("25", "schema", "WARNING", "cloud-config failed schema validation!")]
    [InlineData("26.2", "deprecated key", "DEPRECATED", "Deprecated cloud-config provided: apt_update:")]
    [InlineData("26.2", "schema", "WARNING", "cloud-config failed schema validation!")]
    public void DegradedByARecoverableError(string version, string cause, string level, string message)
    {
        string output = (version, cause) switch
        {
            ("25", "schema") => CloudInit25Samples.ProbeDegradedSchema,
            ("25", _) => CloudInit25Samples.ProbeDegraded,
            (_, "schema") => CloudInit26Samples.ProbeDegradedSchema,
            _ => CloudInit26Samples.ProbeDegraded,
        };

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Degraded, result.State);
        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.RecoverableErrors);
        Assert.Equal(("init", level), (warning.Stage, warning.Level));
        Assert.StartsWith(message, warning.Message);
        Assert.Contains(message, result.Detail);
    }

    [Fact]
    public void SameDeprecatedKeyIsDoneOn22()
    {
        // 22.4.2 only logs deprecations: there is nothing recoverable to report.
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeDeprecated);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Empty(result.RecoverableErrors);
    }

    [Theory]
    [InlineData("22")]
    [InlineData("25")]
    [InlineData("26.2")]
    public void RunningIsNotFinished(string version)
    {
        var result = CloudInitProbeParser.Parse(Host, version switch
        {
            "22" => CloudInit22Samples.ProbeRunning,
            "25" => CloudInit25Samples.ProbeRunning,
            _ => CloudInit26Samples.ProbeRunning,
        });

        Assert.Equal(CloudInitState.Running, result.State);
        Assert.Equal("modules-final", result.LastStage);
        Assert.Null(result.FinishedAt);
        Assert.Null(result.FinishedAtUptime);
        Assert.False(result.IsFinished);
        Assert.False(result.RemoteDeadlinePassed);
        Assert.Contains("modules-final", result.Detail);
    }

    [Theory]
    [InlineData("22")]
    [InlineData("25")]
    [InlineData("26.2")]
    public void DeadlineWhileRunningBecomesTimedOutOnlyThroughTheCaller(string version)
    {
        var result = CloudInitProbeParser.Parse(Host, version switch
        {
            "22" => CloudInit22Samples.ProbeTimeout,
            "25" => CloudInit25Samples.ProbeTimeout,
            _ => CloudInit26Samples.ProbeTimeout,
        });

        Assert.Equal(CloudInitState.Running, result.State);
        Assert.True(result.RemoteDeadlinePassed);

        var timedOut = result.WithWait(TimeSpan.FromSeconds(3.04), rebootDetected: false, deadlinePassed: true);
        Assert.Equal(CloudInitState.TimedOut, timedOut.State);
        Assert.Equal(TimeSpan.FromSeconds(3.04), timedOut.Waited);
        Assert.Equal(result.LastStage, timedOut.LastStage);
    }

    [Fact]
    public void WithWaitKeepsAFinishedState()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit25Samples.ProbeError)
            .WithWait(TimeSpan.FromMinutes(2), rebootDetected: true, deadlinePassed: true);

        Assert.Equal(CloudInitState.Error, result.State);
        Assert.True(result.RebootDetected);
        Assert.Equal(TimeSpan.FromMinutes(2), result.Waited);
    }

    [Theory]
    [InlineData("22")]
    [InlineData("25")]
    [InlineData("26.2")]
    public void DoneWithoutTheVersionLineTakesItFromAFreshBootFinished(string version)
    {
        // The script skips 'cloud-init --version' when boot-finished is fresh: its stamp names the version.
        string sample = version switch
        {
            "22" => CloudInit22Samples.ProbeDone,
            "25" => CloudInit25Samples.ProbeDone,
            _ => CloudInit26Samples.ProbeDone,
        };
        string output = string.Join("\n", sample.Split('\n').Where(l => !l.StartsWith("version ", StringComparison.Ordinal)));
        Assert.DoesNotContain("\nversion ", output);

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal(version switch { "22" => "22.4.2", "25" => "25.1.4", _ => "26.2" }, result.Version);
    }

    [Fact]
    public void WithWaitKeepsTheHost()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit25Samples.ProbeRunning)
            .WithWait(TimeSpan.FromSeconds(1), rebootDetected: false, deadlinePassed: true);

        Assert.Same(Host, result.Host);
        Assert.Equal(("vm-a", 2222, "debian"), (result.ComputerName, result.Port, result.UserName));
    }

    [Fact]
    public void WithoutFactsTimedOutHasNoErrors()
    {
        var result = CloudInitResult.WithoutFacts(Host, CloudInitState.TimedOut, "the host went away", "modules-final", "b1", "hb 1.00 running modules-final\n");

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Empty(result.Errors);
        Assert.Equal("modules-final", result.LastStage);
        Assert.Equal("b1", result.BootId);
        Assert.False(result.IsFinished);
        Assert.Equal(2222, result.Port);
    }

    [Fact]
    public void WithoutFactsErrorCarriesTheDetailAsItsError()
    {
        var result = CloudInitResult.WithoutFacts(Host, CloudInitState.Error, "unreadable: 'garbage'", null, null, "garbage");

        Assert.Equal(CloudInitState.Error, result.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal("unreadable: 'garbage'", error.Message);
        Assert.Null(error.Stage);
    }

    [Fact]
    public void WaitedSampleReportsFinishAfterHeartbeats()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeWaited);

        Assert.Equal(CloudInitState.Done, result.State);
        // modules-final.finished 1795555985.1705012 - btime 1795555041
        Assert.Equal(944.17, result.FinishedAtUptime!.Value.TotalSeconds, 2);
        Assert.Equal(4, CloudInitProbeParser.Heartbeats(CloudInit22Samples.ProbeWaited).Count);
    }

    [Fact]
    public void StaleBootFinishedFromAnEarlierBootIsNotDone()
    {
        // boot-finished says "948.50 - … - v. 22.4.2" but its mtime (1795168800) is before btime.
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeStaleBootFinished);

        Assert.Equal(CloudInitState.Running, result.State);
        Assert.True(result.StaleBootFinished);
        Assert.Null(result.FinishedAt);
        Assert.Null(result.FinishedAtUptime);
        Assert.Contains("not started", result.Detail);
        Assert.Contains("earlier boot", result.Detail);
    }

    [Fact]
    public void FreshBootFinishedAloneGivesTheFinishTime()
    {
        // The script's other finish signal: no status.json (so nothing in /run) but a boot-finished
        // written after boot. Derived from the real stale sample with a fresh mtime.
        string output = CloudInit22Samples.ProbeStaleBootFinished
            .Replace("phase not-started", "phase done\nreason boot-finished")
            .Replace("boot-finished 1795168800 ", "boot-finished 1795555570 ");

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.False(result.StaleBootFinished);
        Assert.Equal(TimeSpan.FromSeconds(948.50), result.FinishedAtUptime);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 33, 9, TimeSpan.Zero), result.FinishedAt);
    }

    [Fact]
    public void NotRun22AndNotStarted25AreRunningAndSayNotStarted()
    {
        foreach (string output in new[] { CloudInit22Samples.ProbeNotRun, CloudInit25Samples.ProbeNotRun })
        {
            var result = CloudInitProbeParser.Parse(Host, output);
            Assert.Equal(CloudInitState.Running, result.State);
            Assert.Null(result.LastStage);
            Assert.Contains("not started", result.Detail);
        }
    }

    [Theory]
    [InlineData("22 marker")]
    [InlineData("25 marker")]
    [InlineData("25 cmdline")]
    [InlineData("25 generator")]
    [InlineData("26.2 marker")]
    [InlineData("26.2 marker, no systemd")]
    [InlineData("26.2 cmdline")]
    [InlineData("26.2 generator")]
    public void DisabledSaysWhy(string which)
    {
        (string output, string code, string detail) = which switch
        {
            "26.2 marker" => (CloudInit26Samples.ProbeDisabled, "disabled-by-marker-file", "/etc/cloud/cloud-init.disabled"),
            "26.2 marker, no systemd" => (CloudInit26Samples.ProbeDisabledWithoutSystemd, "disabled-by-marker-file", "/etc/cloud/cloud-init.disabled"),
            "26.2 cmdline" => (CloudInit26Samples.ProbeDisabledByKernelCmdline, "disabled-by-kernel-command-line", "kernel command line"),
            "26.2 generator" => (CloudInit26Samples.ProbeDisabledByGenerator, "disabled-by-generator", "generator"),
            "22 marker" => (CloudInit22Samples.ProbeDisabled, "disabled-by-marker-file", "/etc/cloud/cloud-init.disabled"),
            "25 marker" => (CloudInit25Samples.ProbeDisabled, "disabled-by-marker-file", "/etc/cloud/cloud-init.disabled"),
            "25 cmdline" => (CloudInit25Samples.ProbeDisabledByKernelCmdline, "disabled-by-kernel-command-line", "kernel command line"),
            _ => (CloudInit25Samples.ProbeDisabledByGenerator, "disabled-by-generator", "generator"),
        };

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Disabled, result.State);
        Assert.Equal(code, result.BootStatusCode);
        Assert.Contains(detail, result.Detail);
        Assert.Null(result.FinishedAt);
    }

    [Fact]
    public void DisabledWinsOverTheClisEnabledBySysvinit()
    {
        // What 25.1.4 printed in a container target without /run/systemd/system, marker file present.
        string output = CloudInit25Samples.ProbeDisabled.Replace("\"boot_status_code\": \"disabled-by-marker-file\"", "\"boot_status_code\": \"enabled-by-sysvinit\"");
        Assert.Contains("enabled-by-sysvinit", output);

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Disabled, result.State);
        Assert.Equal("disabled-by-marker-file", result.BootStatusCode);
    }

    [Theory]
    [InlineData("25")]
    [InlineData("26.2")]
    public void DisabledAfterItRanThisBootIsJudgedByTheRun(string version)
    {
        // 26.2's probe skipped the CLI (the run had finished): its CLI output was captured beside it.
        (string output, string cli) = version == "25"
            ? (CloudInit25Samples.ProbeDisabledAfterRun, ExtractCliJson(CloudInit25Samples.ProbeDisabledAfterRun))
            : (CloudInit26Samples.ProbeDisabledAfterRun, CloudInit26Samples.CliDisabledAfterRun);

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal("disabled-by-marker-file", result.BootStatusCode);
        Assert.NotNull(result.FinishedAt);
        Assert.Contains("disabled for later boots", result.Detail);
        // The CLI alone would have said "disabled" for a boot it fully ran.
        Assert.Equal(CloudInitState.Disabled, CloudInitStatusReport.Parse(cli).State);
    }

    [Fact]
    public void NotInstalledHasNoVersion()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit22Samples.ProbeNotInstalled);

        Assert.Equal(CloudInitState.NotInstalled, result.State);
        Assert.Null(result.Version);
        Assert.Null(result.Datasource);
        Assert.Contains("not installed", result.Detail);
    }

    [Fact]
    public void CrLfLineEndsAreRead()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit25Samples.ProbeDegraded.Replace("\n", "\r\n"));

        Assert.Equal(CloudInitState.Degraded, result.State);
    }

    [Fact]
    public void BannerBeforeTheHeaderIsSkipped()
    {
        var result = CloudInitProbeParser.Parse(Host, "Welcome to the lab!\n" + CloudInit22Samples.ProbeDone);

        Assert.Equal(CloudInitState.Done, result.State);
    }

    [Fact]
    public void NoHeaderThrowsQuotingTheOutput()
    {
        var e = Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, "-bash: /bin/sh: Permission denied\n"));

        Assert.Contains("header", e.Message);
        Assert.Contains("Permission denied", e.Message);
    }

    [Fact]
    public void OutputCutShortThrows()
    {
        // The connection dropped in the middle of the status.json line.
        string output = CloudInit22Samples.ProbeDone;
        string cut = output.Substring(0, output.IndexOf("\"modules-config\"", StringComparison.Ordinal));

        var e = Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, cut));

        Assert.Contains("ended early", e.Message);
        Assert.Equal(cut, e.Output);
    }

    [Fact]
    public void EmptyOutputThrows()
    {
        Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, string.Empty));
    }

    [Fact]
    public void GarbledStatusFileThrowsEvenWhenTheOutputIsComplete()
    {
        string output = ReplaceLine(CloudInit22Samples.ProbeDone, "status-json ", "status-json 1795555424 {  \"v1\": {   \"datasource\": \"DataSo");

        var e = Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, output));

        Assert.Contains("status.json", e.Message);
        Assert.Contains("DataSo", e.Message);
    }

    [Fact]
    public void UnknownPhaseThrows()
    {
        string output = CloudInit22Samples.ProbeDone.Replace("phase done", "phase finished-maybe");

        var e = Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, output));

        Assert.Contains("finished-maybe", e.Message);
    }

    [Fact]
    public void GarbledCliOutputLeavesTheFilesToDecide()
    {
        string output = ReplaceLine(CloudInit25Samples.ProbeError, "cli-status ", "cli-status 1 Traceback (most recent call last): ...");

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Error, result.State);
        Assert.Equal("modules-final", Assert.Single(result.Errors).Stage);
        Assert.Null(result.BootStatusCode);
        Assert.Contains("unreadable", result.Detail);
    }

    [Fact]
    public void ExitCodesAreNotTrusted()
    {
        // Ubuntu 22.04 patches exit 2 to 0: the same degraded facts with exit 0 stay Degraded.
        string output = CloudInit25Samples.ProbeDegraded.Replace("cli-status 2 ", "cli-status 0 ");

        Assert.Equal(CloudInitState.Degraded, CloudInitProbeParser.Parse(Host, output).State);
    }

    [Fact]
    public void Done26HasATwoPartVersionAndUptimeStageTimes()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit26Samples.ProbeDone);

        Assert.Equal(CloudInitState.Done, result.State);
        // 26.2 is the first version of the three with no patch number; the CLI was skipped, boot-finished says it.
        Assert.DoesNotContain("\nversion ", result.RawOutput);
        Assert.Contains("\ncli-skipped\n", result.RawOutput);
        Assert.Equal("26.2", result.Version);
        Assert.Equal("nocloud", result.Datasource);
        Assert.Null(result.BootStatusCode); // only the CLI prints it
        Assert.Empty(result.Errors);
        Assert.Empty(result.RecoverableErrors);
        // status.json modules-final.finished = 2748.93: uptime seconds, as on 25.1.4.
        Assert.Equal(TimeSpan.FromSeconds(2748.93), result.FinishedAtUptime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds((CloudInit26Samples.BootTime * 1000) + 2748930), result.FinishedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 14, 15, 41, 930, TimeSpan.Zero), result.FinishedAt);
    }

    [Fact]
    public void Version26ComesFromTheCliWhenItRan()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit26Samples.ProbeRunning);

        Assert.Contains("\nversion /usr/bin/cloud-init 26.2 \n", result.RawOutput);
        Assert.Equal("26.2", result.Version);
        Assert.Equal("enabled-by-sysvinit", result.BootStatusCode);
    }

    [Fact]
    public void Disabled26WithoutSystemdIsDisabledThoughTheCliSaysNotStarted()
    {
        // Without /run/systemd/system, 26.2's CLI (like 25.1.4's) ignores the marker file.
        var result = CloudInitProbeParser.Parse(Host, CloudInit26Samples.ProbeDisabledWithoutSystemd);
        var cli = CloudInitStatusReport.Parse(ExtractCliJson(CloudInit26Samples.ProbeDisabledWithoutSystemd));

        Assert.Equal(("not started", "enabled-by-sysvinit", CloudInitState.Running), (cli.Status, cli.BootStatusCode, cli.State));
        Assert.Equal(CloudInitState.Disabled, result.State);
        Assert.Equal("disabled-by-marker-file", result.BootStatusCode);
    }

    [Fact]
    public void StaleBootFinishedOf26IsNotDone()
    {
        // boot-finished names 26.2 and an uptime of this boot, but its mtime (2026-01-01) is before btime.
        var result = CloudInitProbeParser.Parse(Host, CloudInit26Samples.ProbeStaleBootFinished);

        Assert.Equal(CloudInitState.Running, result.State);
        Assert.True(result.StaleBootFinished);
        Assert.Null(result.FinishedAt);
        Assert.Equal("26.2", result.Version); // from the CLI's --version, not from the stale stamp
        Assert.Contains("earlier boot", result.Detail);
    }

    [Fact]
    public void NotInstalled26BesideAStaleBootFinished()
    {
        var result = CloudInitProbeParser.Parse(Host, CloudInit26Samples.ProbeNotInstalled);

        Assert.Equal(CloudInitState.NotInstalled, result.State);
        Assert.Null(result.Version); // the stale stamp's "v. 26.2" is not believed
        Assert.True(result.StaleBootFinished);
    }

    internal static string ExtractCliJson(string probeOutput)
    {
        string line = probeOutput.Split('\n').Single(l => l.StartsWith("cli-status ", StringComparison.Ordinal));
        return line.Substring(line.IndexOf(' ', "cli-status ".Length) + 1);
    }

    private static string ReplaceLine(string output, string prefix, string replacement) =>
        string.Join("\n", output.Split('\n').Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? replacement : l));
}

public sealed class CloudInitProbeParserFailureTests
{
    private static readonly RemoteHost Host = new("vm-a", 22, "debian");

    [Fact]
    public void FailedFinalUnitIsAnErrorWithoutWaitingForTheDeadline()
    {
        // The script's systemd branch (not reproducible in a chroot): the real running sample, ended
        // the way the script ends it when cloud-final.service failed without writing result.json.
        string output = CloudInit25Samples.ProbeRunning
            .Replace("outcome checked 0.00", "outcome finished 5.02")
            .Replace("phase running", "phase failed\nreason cloud-final-failed");

        var result = CloudInitProbeParser.Parse(Host, output);

        Assert.Equal(CloudInitState.Error, result.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal("modules-final", error.Stage);
        Assert.Contains("cloud-final.service failed", error.Message);
        Assert.True(result.IsFinished);
    }

    [Fact]
    public void BootIdComesFirstSoACutOutputStillHasIt()
    {
        string output = CloudInit22Samples.ProbeTimeout;
        string cut = output.Substring(0, output.IndexOf("hb 1.", StringComparison.Ordinal));

        Assert.Equal("3eb24f2b-1384-4d91-843e-0797950e2017", CloudInitProbeParser.BootIdOf(cut));
        Assert.Null(CloudInitProbeParser.BootIdOf(CloudInitProbe.Header + "\n"));
        Assert.Throws<ProbeOutputException>(() => CloudInitProbeParser.Parse(Host, cut));
    }
}
