using AptReady.Core.CloudInit;
using AptReady.Core.Reboot;
using AptReady.Core.Remote;
using AptReady.Core.Tests.CloudInit;
using AptReady.Core.Tests.Policies;
using Xunit;

namespace AptReady.Core.Tests.Reboot;

public class HostRebootTests
{
    private const string OldBoot = "boot-id 11111111-1111-4111-8111-111111111111\n";

    // CloudInit22Samples.ProbeDone's boot.
    private const string NewBootId = "3eb24f2b-1384-4d91-843e-0797950e2017";

    private const string LocksFree = """
aptready-lockprobe 1
file 2d 827520 0
file 2d 830703 1
file 2d 830704 2
file 2d 829164 3
missing - - 4
locks-readable
uptime 20.19
clktck 100
end
""";

    private const string FrontendHeldByAptDaily = """
aptready-lockprobe 1
file 2d 827520 0
file 2d 830703 1
file 2d 830704 2
file 2d 829164 3
missing - - 4
locks-readable
lock 1: POSIX  ADVISORY  WRITE 612 00:2d:830703 0 EOF
comm 612 apt-get
cmdline 612 apt-get -qq -y install aptready-hello
cgroup 612 0::/system.slice/apt-daily-upgrade.service
uptime 21.19
clktck 100
end
""";

    private readonly ManualClock _clock = new();
    private readonly List<string> _progress = new();
    private int _connects;

    private HostReboot For(ScriptedSession session, Func<CancellationToken, Task>? reconnect = null) =>
        new(session, reconnect ?? (_ => { _connects++; return Task.CompletedTask; }), _clock,
            (span, token) => { token.ThrowIfCancellationRequested(); _clock.Advance(span); return Task.CompletedTask; },
            _progress.Add);

    private static ScriptedSession Rebooting() => new ScriptedSession()
        .Answer(OldBoot)
        .Answer("aptready-reboot 1\nroot\nreboot-exit 0\n");

    [Fact]
    public async Task ReturnsOnceANewBootHasSettledCloudInitAndFreeLocks()
    {
        var session = Rebooting()
            .Answer(OldBoot)                    // the old boot still answers for a moment
            .Lost()                             // then sshd goes down with it
            .Then(_ => throw new RemoteSessionException("vm1", RemoteFailure.ConnectTimedOut, "no banner yet"))
            .Answer("boot-id " + NewBootId + "\n")
            .Answer(CloudInit22Samples.ProbeDone)
            .Answer(FrontendHeldByAptDaily)
            .Answer(LocksFree);

        RebootOutcome outcome = await For(session).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal("11111111-1111-4111-8111-111111111111", outcome.PreviousBootId);
        Assert.Equal(NewBootId, outcome.BootId);
        Assert.Equal(CloudInitState.Done, outcome.CloudInit);
        Assert.Equal(TimeSpan.FromSeconds(4), outcome.Duration); // four one-second polls on the manual clock
        Assert.Equal(0, session.Left);
        Assert.Contains(_progress, p => p.Contains("apt-daily-upgrade.service"));
    }

    [Fact]
    public async Task ASudoThatWantsAPasswordIsNotPermittedAndNothingWaits()
    {
        var session = new ScriptedSession()
            .Answer(OldBoot)
            .Answer("aptready-reboot 1\n", "sudo: a password is required\n", 1);

        var ex = await Assert.ThrowsAsync<RebootException>(() => For(session).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal(RebootFailure.NotPermitted, ex.Failure);
        Assert.Equal("RebootNotPermitted", ex.ErrorId);
        Assert.Contains("sudo wants a password", ex.Message);
        Assert.Equal(0, _connects);
    }

    [Fact]
    public async Task AFailedSystemctlIsRebootFailed()
    {
        var session = new ScriptedSession()
            .Answer(OldBoot)
            .Answer("aptready-reboot 1\nroot\nreboot-exit 1\n", "System has not been booted with systemd as init system (PID 1). Can't operate.\n", 0);

        var ex = await Assert.ThrowsAsync<RebootException>(() => For(session).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal("RebootFailed", ex.ErrorId);
        Assert.Contains("System has not been booted with systemd", ex.Message);
    }

    [Fact]
    public async Task AHostThatNeverComesBackTimesOutAtTheDeadline()
    {
        var session = Rebooting();
        Func<CancellationToken, Task> away = _ => throw new RemoteSessionException("vm1", RemoteFailure.ConnectionFailed, "refused");

        var ex = await Assert.ThrowsAsync<RebootException>(() => For(session, away).RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None));

        Assert.Equal("RebootTimedOut", ex.ErrorId);
        Assert.Contains("going down", ex.Message);
        Assert.Equal(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2), _clock.Elapsed);
    }

    [Fact]
    public async Task AChangedHostKeyIsNeverWaitedThrough()
    {
        var session = Rebooting().Lost();
        int calls = 0;
        Func<CancellationToken, Task> reconnect = _ => ++calls == 1 ? Task.CompletedTask
            : throw new RemoteSessionException("vm1", RemoteFailure.HostKeyMismatch, "the host key changed");

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => For(session, reconnect).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal(RemoteFailure.HostKeyMismatch, ex.Failure);
    }

    [Fact]
    public async Task CtrlCStopsTheWaitWhileTheHostIsAway()
    {
        using var cancel = new CancellationTokenSource();
        var session = Rebooting();
        Func<CancellationToken, Task> reconnect = _ =>
        {
            cancel.Cancel();
            throw new RemoteSessionException("vm1", RemoteFailure.ConnectTimedOut, "no banner yet");
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => For(session, reconnect).RunAsync(TimeSpan.FromMinutes(10), cancel.Token));
    }

    [Fact]
    public async Task CloudInitsOwnRebootInTheNewBootIsWaitedFor()
    {
        // The first new boot's cloud-init reports another boot id: it rebooted again (power_state).
        var session = Rebooting()
            .Answer("boot-id 22222222-2222-4222-8222-222222222222\n")
            .Answer(CloudInit22Samples.ProbeDone)
            .Lost()
            .Answer("boot-id " + NewBootId + "\n")
            .Answer(CloudInit22Samples.ProbeDone)
            .Answer(LocksFree);

        RebootOutcome outcome = await For(session).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Equal(NewBootId, outcome.BootId);
        Assert.Equal(0, session.Left);
    }

    [Fact]
    public async Task CloudInitStillRunningAtTheDeadlineIsATimeout()
    {
        var session = Rebooting()
            .Answer("boot-id 3eb24f2b-1384-4d91-843e-0797950e2017\n")
            .Then(_ => { _clock.Advance(TimeSpan.FromMinutes(10)); return new RemoteCommandResult(0, CloudInit22Samples.ProbeTimeout, string.Empty); });

        var ex = await Assert.ThrowsAsync<RebootException>(() => For(session).RunAsync(TimeSpan.FromMinutes(10), CancellationToken.None));

        Assert.Equal(RebootFailure.TimedOut, ex.Failure);
        Assert.Contains("cloud-init", ex.Message);
    }
}
