using AptReady.Core.Locks;
using AptReady.Core.Remote;
using AptReady.Core.Runs;
using AptReady.Core.Tests.Locks;
using AptReady.Core.Tests.Policies;
using Xunit;

namespace AptReady.Core.Tests.Runs;

/// <summary>Test-AptLock's one probe per host, on the probe output captured from a bookworm target.</summary>
public class AptLockCheckTests
{
    private readonly ManualClock _clock = new();
    private readonly RecordedProgress _progress = new();

    [Fact]
    public async Task AHeldLockIsNamedInTheReportAndSaidVerbosely()
    {
        var session = new ScriptedSession(_clock).Answers(LockProbeParserTests.HeldByPython);

        AptLockReport report = await AptLockCheck.RunAsync(session, AptLockFile.All, _progress, CancellationToken.None);

        Assert.False(report.AllFree);
        Assert.True(report.DpkgInterrupted);
        Assert.Contains(_progress.Verbose, v => v.StartsWith("/var/lib/dpkg/lock-frontend is held by ", StringComparison.Ordinal));
        Assert.Equal("vm.lab", report.Locks[0].ComputerName);
    }

    [Fact]
    public async Task AProbeThatFailedIsUnreadableOutput()
    {
        var session = new ScriptedSession(_clock).Answers("aptready-lockprobe 1\n", error: "sh: 3: cannot open /proc/locks\n", exit: 2);

        var ex = await Assert.ThrowsAsync<ProbeOutputException>(() => AptLockCheck.RunAsync(session, AptLockFile.All, _progress, CancellationToken.None));

        Assert.StartsWith("The lock probe exited with status 2: sh: 3: cannot open /proc/locks", ex.Message);
    }

    [Fact]
    public async Task AProbeEndedBySignalSaysNone()
    {
        var session = new ScriptedSession(_clock).Answers(string.Empty, exit: null);

        var ex = await Assert.ThrowsAsync<ProbeOutputException>(() => AptLockCheck.RunAsync(session, AptLockFile.All, _progress, CancellationToken.None));

        Assert.StartsWith("The lock probe exited with status none", ex.Message);
    }

    [Fact]
    public async Task UnreadableProcLocksIsALockProbeError()
    {
        var session = new ScriptedSession(_clock).Answers(LockProbeParserTests.HeldByPython.Replace("locks-readable", "locks-unreadable"));

        await Assert.ThrowsAsync<LockProbeException>(() => AptLockCheck.RunAsync(session, AptLockFile.All, _progress, CancellationToken.None));
    }

    [Fact]
    public async Task NoSessionIsRefused() =>
        await Assert.ThrowsAsync<ArgumentNullException>(() => AptLockCheck.RunAsync(null!, AptLockFile.All, _progress, CancellationToken.None));
}
