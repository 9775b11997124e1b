using AptReady.Core.Apt;
using AptReady.Core.Remote;
using AptReady.Core.Runs;
using AptReady.Core.Tests.Apt;
using AptReady.Core.Tests.Locks;
using AptReady.Core.Tests.Policies;
using Xunit;

namespace AptReady.Core.Tests.Runs;

/// <summary>Every branch of Invoke-AptGet's attempts on one host, on captured apt outputs and a manual clock.</summary>
public class AptGetRunTests
{
    private const string Header = "aptready-aptget 1\n";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);
    private static readonly AptGetCommand InstallJq = new(AptGetVerb.Install, new[] { "jq" });
    private static readonly AptGetCommand Update = new(AptGetVerb.Update);
    private readonly ManualClock _clock = new();
    private readonly RecordedProgress _progress = new();

    // A real apt failure, as the script tags it once the locks looked free.
    private static string Ran(string fragment) => Header + "free 0\nrun\n" + fragment;

    // The lock probe captured on a bookworm target, its lock list cut to the verb's four locks.
    private static readonly string ProbeHeld = LockProbeParserTests.HeldByPython.Replace("missing - - 4\n", string.Empty);

    private const string HeldLines = "lock 1: POSIX  ADVISORY  WRITE 14 00:2d:830703 0 EOF\nlock 1: -> POSIX  ADVISORY  WRITE 21 00:2d:830703 0 EOF\n";

    // The same probe with no lock held: dpkg's interrupted update still pending, then none.
    private static readonly string ProbeDpkgInterrupted = ProbeHeld.Replace(HeldLines, string.Empty);
    private static readonly string ProbeFree = ProbeDpkgInterrupted.Replace("dpkg-update 0003\n", string.Empty);

    private const string RepairDone = "aptready-dpkgrepair 1\nrun\nout Setting up aptready-slow (1.0) ...\ndpkg-exit 0\n";

    private AptGetRun Run(ScriptedSession session, AptGetCommand? command = null, bool repair = false, RootElevation elevation = RootElevation.SudoNonInteractive, TimeSpan? lockTimeout = null) =>
        new(session, command ?? InstallJq, lockTimeout ?? LockTimeout, repair, elevation,
            () => elevation == RootElevation.SudoPasswordOnStdin ? Sudo.PasswordInput("pw") : null,
            _clock, _progress, new Random(15), _progress.PauseOn(_clock));

    [Fact]
    public async Task AnInstallThatWaitedForALockSucceeds()
    {
        var session = new ScriptedSession(_clock).Answers(AptSamples.ScriptInstallBookworm, taking: TimeSpan.FromSeconds(8));

        AptGetResult result = await Run(session).RunAsync(CancellationToken.None);

        Assert.Equal(AptFailureKind.None, result.Failure);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(8), result.Duration);
        Assert.False(result.RepairedInterruptedDpkg);
        Assert.Equal(new[] { true, false }, _progress.Running);
        Assert.Contains(_progress.Statuses, s => s.Status.StartsWith("waiting for /var/lib/dpkg/lock-frontend", StringComparison.Ordinal));
        Assert.Contains(_progress.Statuses, s => s.Status == "running apt-get install jq");
        Assert.Contains(_progress.Statuses, s => s.Status == "jq: Installed jq (amd64)" && s.Percent == 80);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("Freed after ", StringComparison.Ordinal));
        Assert.Contains(_progress.Verbose, v => v.StartsWith("apt-get runs as root in a session of its own", StringComparison.Ordinal));
        Assert.Contains(_progress.Verbose, v => v.StartsWith("apt-get install jq succeeded after 1 attempt(s)", StringComparison.Ordinal));
        Assert.Equal(new[] { "Done" }, _progress.Completed);
        Assert.Null(session.Sent[0].StandardInput);
    }

    [Fact]
    public async Task TheSimulationOfADpkgVerbSaysNothingAboutCtrlC()
    {
        var simulate = new AptGetCommand(AptGetVerb.Upgrade, (IEnumerable<string>?)null, simulate: true);
        var session = new ScriptedSession(_clock).Answers(Ran("out Reading package lists...\nout 0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\napt-exit 0\n"));

        await Run(session, simulate).RunAsync(CancellationToken.None);

        Assert.DoesNotContain(_progress.Verbose, v => v.Contains("Ctrl+C"));
        Assert.DoesNotContain(_progress.Verbose, v => v.StartsWith("Freed after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LockContentionThenSuccessRetriesAfterABackoff()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptSamples.FragmentInstallFrontendHeldTrixie), exit: 100)
            .Answers(ProbeHeld)
            .Answers(AptSamples.ScriptInstallBookworm);

        AptGetResult result = await Run(session).RunAsync(CancellationToken.None);

        Assert.Equal(AptFailureKind.None, result.Failure);
        Assert.Equal(2, result.Attempts);
        Assert.Single(_progress.Pauses);
        Assert.InRange(_progress.Pauses[0], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1.5));
        Assert.Contains(_progress.Verbose, v => v.StartsWith("Attempt 1 met lock contention (/var/lib/dpkg/", StringComparison.Ordinal) && v.Contains(" held by "));
        Assert.Equal(3, session.Sent.Count);
        Assert.StartsWith("LC_ALL=C", session.Sent[1].Script, StringComparison.Ordinal);
        Assert.True(session.Exhausted);
    }

    [Fact]
    public async Task AnUpdateWhosePackageCacheAnotherAptRemovedIsRetried()
    {
        // No lock is held once it failed (apt rebuilds its caches under none): apt's own words decide.
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptFailureClassifierTests.FragmentUpdateCacheRaceTrixie), exit: 100)
            .Answers(ProbeFree)
            .Answers(AptSamplesForky.ScriptUpdateForky);

        AptGetResult result = await Run(session, Update).RunAsync(CancellationToken.None);

        Assert.Equal(AptFailureKind.None, result.Failure);
        Assert.Equal(2, result.Attempts);
        Assert.Single(_progress.Pauses);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("Attempt 1 met lock contention", StringComparison.Ordinal));
        Assert.True(session.Exhausted);
    }

    [Fact]
    public async Task AnUnreadableLockProbeLeavesItToAptsOwnWords()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptSamples.FragmentUpdateListsHeldBookworm), exit: 100)
            .Answers("garbage\n", exit: 1)
            .Answers(Ran("out Reading package lists...\napt-exit 0\n"));

        AptGetResult result = await Run(session, Update).RunAsync(CancellationToken.None);

        Assert.Equal(2, result.Attempts);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("The lock probe after apt-get's failure gave no answer", StringComparison.Ordinal));
        Assert.Contains(_progress.Verbose, v => v.StartsWith("Attempt 1 met lock contention (apt's own words)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProbeOfLocksThatCannotBeReadLeavesItToAptsOwnWordsToo()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptSamples.FragmentInstallFrontendHeldTrixie), exit: 100)
            .Answers(ProbeHeld.Replace("locks-readable", "locks-unreadable"))
            .Answers(AptSamples.ScriptInstallBookworm);

        AptGetResult result = await Run(session).RunAsync(CancellationToken.None);

        Assert.Equal(2, result.Attempts);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("The lock probe after apt-get's failure gave no answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ContentionUntilTheDeadlineNamesTheHolder()
    {
        var session = new ScriptedSession(_clock);
        for (int i = 0; i < 20; i++)
        {
            session.Answers(Ran(AptSamples.FragmentInstallFrontendHeldTrixie), exit: 100, taking: TimeSpan.FromSeconds(2)).Answers(ProbeHeld);
        }

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session, lockTimeout: TimeSpan.FromSeconds(20)).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.AptLockTimeout, ex.Reason);
        Assert.StartsWith("vm.lab: apt-get install jq kept meeting lock contention until -LockTimeout 00:00:20 ran out (", ex.Message);
        Assert.Contains(" held by ", ex.Message);
        Assert.EndsWith("AptReady never removes a lock file.", ex.Message);
        Assert.Equal(AptFailureKind.LockContention, ex.Result.Failure);
        Assert.True(ex.Result.Attempts > 1);
        Assert.Equal(new[] { "Done" }, _progress.Completed);
    }

    [Fact]
    public async Task ContentionWithoutAProbeNamesAptsLines()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptSamples.FragmentUpdateListsHeldTrixie), exit: 100, taking: TimeSpan.FromSeconds(2))
            .Answers("garbage\n");

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session, Update, lockTimeout: TimeSpan.FromSeconds(2)).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.AptLockTimeout, ex.Reason);
        Assert.Contains("E: Could not get lock /var/lib/apt/lists/lock. It is held by process 13065 (python3)", ex.Message);
    }

    [Fact]
    public async Task TheScriptsOwnLockTimeoutNamesTheLastHolders()
    {
        var session = new ScriptedSession(_clock).Answers(AptSamples.ScriptTimeoutBookworm, exit: 75);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.AptLockTimeout, ex.Reason);
        Assert.StartsWith("vm.lab: gave up on apt-get install jq after waiting 1.2 s (-LockTimeout 00:10:00): /var/lib/dpkg/lock-frontend held by ", ex.Message);
        Assert.Contains("32034", ex.Message);
        Assert.EndsWith(". AptReady never removes a lock file; wait longer or find out why the holder runs.", ex.Message);
    }

    [Fact]
    public async Task ATimeoutWithNoHolderSeenNamesAnotherProcess()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "timeout 500\n", exit: 75);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Contains("after waiting 5 s (-LockTimeout 00:10:00): another process.", ex.Message);
    }

    [Fact]
    public async Task AnInterruptedDpkgFailsWithoutRepair()
    {
        var session = new ScriptedSession(_clock).Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.DpkgInterrupted, ex.Reason);
        Assert.StartsWith("vm.lab: dpkg was interrupted (/var/lib/dpkg/updates/0001); apt refuses to work until 'dpkg --configure -a' runs.", ex.Message);
    }

    [Fact]
    public async Task AnInterruptedDpkgThatAptFoundNamesAptsLine()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran("err " + AptSamples.PlainDpkgInterruptedTrixie + "apt-exit 100\n"), exit: 100)
            .Answers(ProbeDpkgInterrupted);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.DpkgInterrupted, ex.Reason);
        Assert.StartsWith("vm.lab: dpkg was interrupted; apt refuses", ex.Message);
        Assert.Contains("\nE: dpkg was interrupted, you must manually run", ex.Message);
    }

    [Fact]
    public async Task RepairRunsDpkgConfigureOnceThenTheCommandAgain()
    {
        var session = new ScriptedSession(_clock)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77)
            .Answers(RepairDone)
            .Answers(AptSamples.ScriptInstallBookworm);

        AptGetResult result = await Run(session, repair: true, elevation: RootElevation.SudoPasswordOnStdin).RunAsync(CancellationToken.None);

        Assert.True(result.RepairedInterruptedDpkg);
        Assert.Equal(1, result.Attempts);
        Assert.Contains(DpkgRepairScript.Header, session.Sent[1].Script);
        Assert.All(session.Sent, c => Assert.Equal(Sudo.PasswordInput("pw"), c.StandardInput));
        Assert.Contains(_progress.Statuses, s => s.Status == "Repairing an interrupted dpkg: " + DpkgRepairScript.CommandText);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("dpkg was interrupted (/var/lib/dpkg/updates/0001); running", StringComparison.Ordinal));
        Assert.Equal(new[] { true, false, true, false }, _progress.Running);
    }

    [Fact]
    public async Task RepairIsTriedOnlyOnce()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran("err " + AptSamples.PlainDpkgInterruptedTrixie + "apt-exit 100\n"), exit: 100)
            .Answers(ProbeDpkgInterrupted)
            .Answers(RepairDone)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session, repair: true).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.DpkgInterrupted, ex.Reason);
        Assert.True(ex.Result.RepairedInterruptedDpkg);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("dpkg was interrupted (apt says so)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedRepairSaysDpkgsLines()
    {
        var session = new ScriptedSession(_clock)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77)
            .Answers("aptready-dpkgrepair 1\nrun\nout dpkg: error processing package aptready-broken (--configure):\ndpkg-exit 1\n", error: "boom\n");

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session, repair: true).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.DpkgRepairFailed, ex.Reason);
        Assert.Equal($"vm.lab: '{DpkgRepairScript.CommandText}' failed (exit 1):\ndpkg: error processing package aptready-broken (--configure):\nboom", ex.Message);
        Assert.Equal(AptFailureKind.DpkgInterrupted, ex.Result.Failure);
    }

    [Fact]
    public async Task ARepairThatNeverRanSaysExitNone()
    {
        var session = new ScriptedSession(_clock)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77)
            .Answers("aptready-dpkgrepair 1\n", exit: 1);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session, repair: true).RunAsync(CancellationToken.None));

        Assert.Equal($"vm.lab: '{DpkgRepairScript.CommandText}' failed (exit none):\n", ex.Message);
    }

    [Fact]
    public async Task ARepairThatSudoRefusesIsASudoError()
    {
        var session = new ScriptedSession(_clock)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77)
            .Answers("aptready-dpkgrepair 1\n", error: "sudo: a password is required\n", exit: 1);

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(session, repair: true).RunAsync(CancellationToken.None));

        Assert.Equal(RemoteFailure.SudoPasswordRequired, ex.Failure);
        Assert.Equal("vm.lab: sudo wants a password to run dpkg as root. Give -SudoCredential, or allow 'debian' NOPASSWD sudo.", ex.Message.Replace("\u2018", "'").Replace("\u2019", "'"));
    }

    [Fact]
    public async Task ARepairCutOffByADropClearsTheRunningMark()
    {
        var session = new ScriptedSession(_clock)
            .Answers(AptSamples.ScriptDpkgInterruptedTrixie, exit: 77)
            .DropsAfter(RepairDone, lines: 2);

        await Assert.ThrowsAsync<RemoteSessionException>(() => Run(session, repair: true).RunAsync(CancellationToken.None));

        Assert.Equal(new[] { true, false }, _progress.Running);
    }

    [Fact]
    public async Task SudoWantingAPasswordIsASudoError()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "free 0\n", error: "sudo: a password is required\n", exit: 1);

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(RemoteFailure.SudoPasswordRequired, ex.Failure);
        Assert.StartsWith("vm.lab: sudo wants a password to run apt-get as root.", ex.Message);
    }

    [Fact]
    public async Task SudoRefusingTheGivenPasswordSaysSo()
    {
        var session = new ScriptedSession(_clock).Answers(Header, error: "Sorry, try again.\nsudo: 1 incorrect password attempt\n", exit: 1);

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(session, elevation: RootElevation.SudoPasswordOnStdin).RunAsync(CancellationToken.None));

        Assert.Equal("vm.lab: sudo refused the password given with -SudoCredential to run apt-get as root.", ex.Message);
    }

    [Fact]
    public async Task SudoFailingForAnotherReasonIsSudoFailed()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "free 0\nsudo: unknown user root\n", exit: 1);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.SudoFailed, ex.Reason);
        Assert.Equal("vm.lab: sudo did not run apt-get as root. sudo: unknown user root", ex.Message);
    }

    [Fact]
    public async Task SudoFailingSilentlyIsSudoFailed()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "free 0\n", exit: 1);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal("vm.lab: sudo did not run apt-get as root.", ex.Message);
    }

    [Fact]
    public async Task AScriptCutShortIsIncompleteWithItsStderr()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "free 0\nrun\nout Reading package lists...\n", error: "Killed\n", exit: null);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.AptGetIncomplete, ex.Reason);
        Assert.Equal("vm.lab: apt-get install jq ended without a result (the connection or the remote script died). Killed", ex.Message);
        Assert.Equal(new[] { true, false }, _progress.Running);
    }

    [Fact]
    public async Task AScriptCutShortWithoutStderrIsIncomplete()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "free 0\nrun\n", exit: null);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal("vm.lab: apt-get install jq ended without a result (the connection or the remote script died).", ex.Message);
    }

    [Fact]
    public async Task UnreadableLocksAreProcLocksUnreadable()
    {
        var session = new ScriptedSession(_clock).Answers(Header + "locks-unreadable\n", exit: 76);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.ProcLocksUnreadable, ex.Reason);
        Assert.Contains("/proc/locks is not readable by debian", ex.Message);
    }

    [Fact]
    public async Task AFailingPostinstIsAptGetFailedWithDpkgsError()
    {
        var session = new ScriptedSession(_clock)
            .Answers(Ran(AptSamples.FragmentBrokenPostinstTrixie), exit: 100)
            .Answers(ProbeFree);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(AptGetFailureReason.AptGetFailed, ex.Reason);
        Assert.StartsWith("vm.lab: apt-get install jq failed (exit 100):\nE: Sub-process /usr/bin/dpkg returned an error code (1)", ex.Message);
        Assert.Contains(_progress.Statuses, s => s.Status.StartsWith("dpkg failed on aptready-broken: ", StringComparison.Ordinal));
        Assert.Contains(_progress.Statuses, s => s.Status == "downloading: Retrieving file 1 of 1" && s.Percent == 100);
    }

    [Fact]
    public async Task AFailureWithoutErrorLinesEndsWithAFullStop()
    {
        var session = new ScriptedSession(_clock).Answers(Ran("apt-exit 1\n"), exit: 1);

        var ex = await Assert.ThrowsAsync<AptGetRunException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal("vm.lab: apt-get install jq failed (exit 1).", ex.Message);
    }

    [Fact]
    public async Task ADropDuringTheScriptClearsTheRunningMarkAndPropagates()
    {
        var session = new ScriptedSession(_clock).DropsAfter(AptSamples.ScriptInstallBookworm, lines: 6);

        var ex = await Assert.ThrowsAsync<RemoteSessionException>(() => Run(session).RunAsync(CancellationToken.None));

        Assert.Equal(RemoteFailure.ConnectionLost, ex.Failure);
        Assert.Equal(new[] { true, false }, _progress.Running);
        Assert.Equal(new[] { "Done" }, _progress.Completed);
    }

    [Fact]
    public async Task CtrlCLeavesTheRunMarkedRunning()
    {
        using var stop = new CancellationTokenSource();
        var session = new ScriptedSession(_clock).RunsPastDeadline(Header + "free 0\nrun\n", TimeSpan.Zero);
        stop.Cancel();
        var run = Run(session);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(stop.Token));
    }

    [Fact]
    public async Task CtrlCDuringAStreamedRunKeepsItMarkedRunning()
    {
        using var stop = new CancellationTokenSource();
        var session = new ScriptedSession(_clock);
        session.Throws(new OperationCanceledException());
        var progress = new RecordedProgress();
        var run = new AptGetRun(session, InstallJq, LockTimeout, false, RootElevation.SudoNonInteractive, () => null, _clock, progress);
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.RunAsync(stop.Token));
        Assert.Empty(progress.Running);
    }

    [Theory]
    [InlineData(true, "debian", RootElevation.SudoPasswordOnStdin)]
    [InlineData(true, "root", RootElevation.SudoPasswordOnStdin)]
    [InlineData(false, "root", RootElevation.AlreadyRoot)]
    [InlineData(false, "debian", RootElevation.SudoNonInteractive)]
    public void ElevationFollowsThePasswordAndUser(bool password, string user, RootElevation expected) =>
        Assert.Equal(expected, AptGetRun.ElevationFor(password, user));

    [Fact]
    public void NullArgumentsAreRefused()
    {
        var session = new ScriptedSession(_clock);
        Assert.Throws<ArgumentNullException>(() => new AptGetRun(null!, InstallJq, LockTimeout, false, RootElevation.AlreadyRoot, () => null, _clock, _progress));
        Assert.Throws<ArgumentNullException>(() => new AptGetRun(session, null!, LockTimeout, false, RootElevation.AlreadyRoot, () => null, _clock, _progress));
        Assert.Throws<ArgumentNullException>(() => new AptGetRun(session, InstallJq, LockTimeout, false, RootElevation.AlreadyRoot, null!, _clock, _progress));
        Assert.Throws<ArgumentNullException>(() => new AptGetRun(session, InstallJq, LockTimeout, false, RootElevation.AlreadyRoot, () => null, null!, _progress));
        Assert.Throws<ArgumentNullException>(() => new AptGetRun(session, InstallJq, LockTimeout, false, RootElevation.AlreadyRoot, () => null, _clock, null!));
        Assert.Throws<ArgumentNullException>(() => new AptGetRunException("m", null!, AptGetFailureReason.AptGetFailed));
    }
}
