using AptReady.Core.CloudInit;
using AptReady.Core.Remote;
using AptReady.Core.Runs;
using AptReady.Core.Tests.CloudInit;
using AptReady.Core.Tests.Policies;
using Xunit;

namespace AptReady.Core.Tests.Runs;

/// <summary>Every branch of Wait-CloudInit's per-host loop, on captured probe outputs and a manual clock.</summary>
public class CloudInitWaitTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly ManualClock _clock = new();
    private readonly RecordedProgress _progress = new();

    private CloudInitWait Wait(IRemoteSession session, bool connectTimeoutGiven = false, TimeSpan? timeout = null) =>
        new(session, timeout ?? Timeout, connectTimeoutGiven, _clock, _progress, _progress.PauseOn(_clock));

    private static Task<CloudInitResult> Run(CloudInitWait wait) => wait.RunAsync(CancellationToken.None);

    [Fact]
    public async Task AFinishedHostAnswersAtOnce()
    {
        var session = new ScriptedSession(_clock).Answers(CloudInit26Samples.ProbeDone, taking: TimeSpan.FromSeconds(1));

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.False(result.RebootDetected);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Waited);
        Assert.Equal(0, session.ConnectCount);
        Assert.Single(session.Sent);
        Assert.Equal("wait up to 600 s for cloud-init to finish this boot", session.Sent[0].Description);
        Assert.Equal(new[] { "Done" }, _progress.Completed);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("Done after 1.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeartbeatsReportTheStageAndTimeLeft()
    {
        var session = new ScriptedSession(_clock).Answers(CloudInit26Samples.ProbeWaited, taking: TimeSpan.FromSeconds(5));

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal(5, _progress.Statuses.Count);
        Assert.All(_progress.Statuses, s => Assert.Equal(Timeout, s.Remaining));
        Assert.All(_progress.Statuses, s => Assert.Contains("modules-final", s.Status));
    }

    [Fact]
    public async Task AWaitLongerThanTheRemoteDeadlineIsTimedOut()
    {
        var session = new ScriptedSession(_clock).Answers(CloudInit26Samples.ProbeTimeout, taking: TimeSpan.FromSeconds(3));

        CloudInitResult result = await Run(Wait(session, timeout: TimeSpan.FromSeconds(3)));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Equal("modules-final", result.LastStage);
    }

    [Fact]
    public async Task ADropMidOutputConnectsAgainAndANewBootIdIsAReboot()
    {
        // Two heartbeats of a 26.2 boot, the connection drops, the host comes back with another boot id.
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 5, taking: TimeSpan.FromSeconds(2))
            .Connects(TimeSpan.FromSeconds(20))
            .Answers(CloudInit25Samples.ProbeDone, taking: TimeSpan.FromSeconds(1));

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.True(result.RebootDetected);
        Assert.Equal(1, session.ConnectCount);
        Assert.Equal(2, session.Sent.Count);
        Assert.Equal(new[] { CloudInitWait.PauseAfterDrop }, _progress.Pauses);
        Assert.Equal(TimeSpan.FromSeconds(23.5), result.Waited);
        Assert.Contains(_progress.Statuses, s => s.Status == "connection lost; connecting again");
        Assert.Contains(_progress.Statuses, s => s.Status == "connecting again");
        Assert.Contains(_progress.Verbose, v => v.Contains("(attempt 2)"));
    }

    [Fact]
    public async Task ANewBootIdWhileStreamingIsSaidAtOnce()
    {
        string rebooted = CloudInit26Samples.ProbeWaited.Replace(CloudInit26Samples.BootId, "11111111-2222-3333-4444-555555555555");
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 3)
            .Connects(TimeSpan.FromSeconds(30))
            .Answers(rebooted);

        CloudInitResult result = await Run(Wait(session));

        Assert.True(result.RebootDetected);
        Assert.Contains(_progress.Verbose, v => v.Contains("the boot id changed (" + CloudInit26Samples.BootId + " → 11111111-"));
    }

    [Fact]
    public async Task TheSameBootIdAfterADropIsNoReboot()
    {
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4)
            .Connects(TimeSpan.FromSeconds(1))
            .Answers(CloudInit26Samples.ProbeWaited);

        CloudInitResult result = await Run(Wait(session));

        Assert.False(result.RebootDetected);
        Assert.DoesNotContain(_progress.Verbose, v => v.Contains("boot id changed"));
    }

    [Fact]
    public async Task AChannelClosedWithoutAnErrorWhileTheHostWentAwayIsADrop()
    {
        var session = new ScriptedSession(_clock)
            .ClosesAfter(CloudInit26Samples.ProbeTimeout, lines: 4)
            .Connects(TimeSpan.FromSeconds(10))
            .Answers(CloudInit26Samples.ProbeDone);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Contains(_progress.Verbose, v => v == "the connection closed while waiting; connecting again.");
        Assert.Empty(_progress.Pauses);
    }

    [Fact]
    public async Task UnreadableOutputOnALiveConnectionIsAnError()
    {
        var session = new ScriptedSession(_clock).Answers("Welcome to the lab!\n", error: "sh: 1: oops\n", exit: 2);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Error, result.State);
        Assert.StartsWith("The cloud-init state could not be read (exit status 2, stderr 'sh: 1: oops'): ", result.Detail);
    }

    [Fact]
    public async Task UnreadableOutputWithoutStderrOrExitSaysSo()
    {
        var caller = new CallerOnlySession(new ScriptedSession(_clock).Answers(CloudInit26Samples.ProbeTimeout.Substring(0, 60), exit: null));

        CloudInitResult result = await Run(Wait(caller));

        Assert.Equal(CloudInitState.Error, result.State);
        Assert.StartsWith("The cloud-init state could not be read (exit status none): ", result.Detail);
    }

    [Fact]
    public async Task TheDeadlineExpiringWhileConnectingTheFirstTimeIsAConnectTimeout()
    {
        var session = new ScriptedSession(_clock, connected: false)
            .ConnectFails(Timeout, new OperationCanceledException());

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(Wait(session)));

        Assert.Equal(RemoteFailure.ConnectTimedOut, ex.Failure);
        Assert.Equal("vm.lab: no SSH connection within -Timeout 00:10:00.", ex.Message);
        Assert.Empty(session.Sent);
        Assert.Empty(_progress.Completed);
    }

    [Fact]
    public async Task AConnectThatEndsAfterTheDeadlineIsAConnectTimeout()
    {
        var session = new ScriptedSession(_clock, connected: false).Connects(Timeout + TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(Wait(session)));

        Assert.Equal(RemoteFailure.ConnectTimedOut, ex.Failure);
        Assert.Contains(_progress.Statuses, s => s.Status == "connecting");
    }

    [Fact]
    public async Task TheDeadlineExpiringWhileReconnectingIsTimedOutWithWhatWasSeen()
    {
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 5, taking: TimeSpan.FromSeconds(2))
            .Connects(Timeout);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Equal("modules-final", result.LastStage);
        Assert.Equal(CloudInit26Samples.BootId, result.BootId);
        Assert.Contains("hb 1.01 running modules-final", result.RawOutput);
        Assert.StartsWith("no answer from the wait script within 00:10:00", result.Detail);
    }

    [Fact]
    public async Task TheDeadlineExpiringWhileWaitingIsTimedOut()
    {
        string streamed = string.Join("\n", CloudInit26Samples.ProbeTimeout.Split('\n').Take(6));
        var session = new ScriptedSession(_clock).RunsPastDeadline(streamed, Timeout + TimeSpan.FromSeconds(5));

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Equal(Timeout + TimeSpan.FromSeconds(5), result.Waited);
        Assert.Equal(new[] { "TimedOut" }, _progress.Completed);
    }

    [Fact]
    public async Task ADropJustBeforeTheDeadlinePausesOnlyForWhatIsLeft()
    {
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4, taking: Timeout - TimeSpan.FromMilliseconds(200));

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(200) }, _progress.Pauses);
        Assert.Equal(0, session.ConnectCount);
    }

    [Fact]
    public async Task ADropAtTheDeadlineDoesNotPause()
    {
        var session = new ScriptedSession(_clock).DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4, taking: Timeout);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Empty(_progress.Pauses);
    }

    [Fact]
    public async Task AConnectTimeoutAfterTheHostWasReachedIsWaitedThrough()
    {
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4)
            .ConnectFails(TimeSpan.FromMinutes(2), new RemoteSessionException("vm.lab", RemoteFailure.ConnectTimedOut, "vm.lab: no connection within 2 min."))
            .Connects(TimeSpan.FromSeconds(5))
            .Answers(CloudInit25Samples.ProbeDone);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.Done, result.State);
        Assert.Equal(2, session.ConnectCount);
    }

    [Fact]
    public async Task AConnectTimeoutTheCallerAskedForEndsTheWait()
    {
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4)
            .ConnectFails(TimeSpan.FromSeconds(30), new RemoteSessionException("vm.lab", RemoteFailure.ConnectTimedOut, "vm.lab: no connection within 30 s."));

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(Wait(session, connectTimeoutGiven: true)));

        Assert.Equal("vm.lab: no connection within 30 s.", ex.Message);
    }

    [Fact]
    public async Task AConnectTimeoutBeforeTheHostWasEverReachedEndsTheWait()
    {
        var session = new ScriptedSession(_clock, connected: false)
            .ConnectFails(TimeSpan.FromMinutes(2), new RemoteSessionException("vm.lab", RemoteFailure.ConnectTimedOut, "vm.lab: no connection within 2 min."));

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(Wait(session)));

        Assert.Equal("vm.lab: no connection within 2 min.", ex.Message);
    }

    [Fact]
    public async Task OtherSessionFailuresAreNotRetried()
    {
        var session = new ScriptedSession(_clock).Throws(new RemoteSessionException("vm.lab", RemoteFailure.SessionDisconnected, "closed"));

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(Wait(session)));

        Assert.Equal(RemoteFailure.SessionDisconnected, ex.Failure);
    }

    [Fact]
    public async Task CtrlCStopsTheWaitAtOnce()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var session = new ScriptedSession(_clock).Answers(CloudInit26Samples.ProbeDone);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait(session).RunAsync(stop.Token));
    }

    [Fact]
    public async Task CtrlCDuringThePauseAfterADropStops()
    {
        using var stop = new CancellationTokenSource();
        var session = new ScriptedSession(_clock).DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4);
        Pause pause = (_, _) =>
        {
            stop.Cancel();
            throw new OperationCanceledException(stop.Token);
        };
        var wait = new CloudInitWait(session, Timeout, false, _clock, _progress, pause);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.RunAsync(stop.Token));
    }

    [Fact]
    public async Task ABlankBootIdAndAHeartbeatBeforeAnyStageAreKeptButNotTakenForFacts()
    {
        // The lines a wait script prints in the first second of a boot: no stage yet.
        var session = new ScriptedSession(_clock).RunsPastDeadline("boot-id \nhb 0.00 not-started none\n", Timeout);

        CloudInitResult result = await Run(Wait(session));

        Assert.Equal(CloudInitState.TimedOut, result.State);
        Assert.Null(result.BootId);
        Assert.Null(result.LastStage);
        Assert.False(result.RebootDetected);
        Assert.Contains(_progress.Statuses, s => s.Status.StartsWith("cloud-init has not started yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRealPauseWaitsOutTheLastMillisecond()
    {
        // Task.Delay does not move the manual clock: the connect after it does.
        var session = new ScriptedSession(_clock)
            .DropsAfter(CloudInit26Samples.ProbeTimeout, lines: 4, taking: Timeout - TimeSpan.FromMilliseconds(1))
            .Connects(TimeSpan.FromSeconds(1));
        var wait = new CloudInitWait(session, Timeout, false, _clock, _progress);

        CloudInitResult result = await wait.RunAsync(CancellationToken.None);

        Assert.Equal(CloudInitState.TimedOut, result.State);
    }

    [Fact]
    public void NullArgumentsAreRefused()
    {
        var session = new ScriptedSession(_clock);
        Assert.Throws<ArgumentNullException>(() => new CloudInitWait(null!, Timeout, false, _clock, _progress));
        Assert.Throws<ArgumentNullException>(() => new CloudInitWait(session, Timeout, false, null!, _progress));
        Assert.Throws<ArgumentNullException>(() => new CloudInitWait(session, Timeout, false, _clock, null!));
    }
}
