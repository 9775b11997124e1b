using AptReady.Core.Apt;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class AptGetOutputParserTests
{
    private static readonly IReadOnlyList<AptLockFile> InstallLocks = AptVerbLocks.ToWaitFor(AptGetVerb.Install);

    // The root fragment's lines captured alone, put behind the lines the waiting part prints.
    private static AptGetTranscript Fragment(string fragmentOutput, AptGetVerb verb = AptGetVerb.Install) =>
        AptGetOutputParser.Parse("aptready-aptget 1\nfree 0\nrun\n" + fragmentOutput, AptVerbLocks.ToWaitFor(verb));

    private static string AsOut(string plainAptOutput) =>
        string.Concat(plainAptOutput.Split('\n').Where(l => l.Length > 0).Select(l => "out " + l + "\n"));

    [Theory]
    [InlineData(AptSamples.ScriptInstallTrixie, "1.7.1-6+deb13u4", 5, 2260)]
    [InlineData(AptSamples.ScriptInstallBookworm, "1.6-2.1+deb12u3", 15, 2090)]
    public void AWaitThenInstallRunIsReadWhole(string output, string jqVersion, int notUpgraded, int waitedMs)
    {
        var t = AptGetOutputParser.Parse(output, InstallLocks);

        Assert.Equal(AptGetScriptOutcome.Ran, t.Outcome);
        Assert.Equal(0, t.AptExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(waitedMs), t.LockWait);

        var sighting = Assert.Single(t.LockHolders);
        Assert.Equal(AptLockFile.DpkgFrontend, sighting.LockFile);
        Assert.Equal("python3", sighting.Holder.ProcessName);
        Assert.True(sighting.Holder.Pid > 0);
        Assert.Null(sighting.Holder.Unit); // the chroot's holder ran in the root cgroup "/"

        Assert.NotNull(t.Summary);
        Assert.Equal(0, t.Summary!.Upgraded);
        Assert.Equal(1, t.Summary.NewlyInstalled);
        Assert.Equal(0, t.Summary.Removed);
        Assert.Equal(notUpgraded, t.Summary.NotUpgraded);

        Assert.Contains(t.Changes, c => c.Action == AptPackageAction.Unpacked && c.Package == "jq" && c.Version == jqVersion);
        Assert.Contains(t.Changes, c => c.Action == AptPackageAction.SetUp && c.Package == "jq" && c.Version == jqVersion);
        Assert.Contains(t.Status, s => s.Kind == AptStatusKind.PackageManager && s.Subject == "jq" && s.Percent == 80 && s.Message == "Installed jq (amd64)");
        Assert.Empty(t.Errors);
        Assert.Empty(t.OtherLines);
        Assert.Equal("Reading package lists...", t.AptOutput[0]);
    }

    [Fact]
    public void ALockTimeoutNamesTheHolderAtTheEnd()
    {
        var t = AptGetOutputParser.Parse(AptSamples.ScriptTimeoutBookworm, AptVerbLocks.ToWaitFor(AptGetVerb.Update));

        Assert.Equal(AptGetScriptOutcome.LockTimeout, t.Outcome);
        Assert.Null(t.AptExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1240), t.LockWait);
        var holder = Assert.Single(t.HoldersAtTimeout);
        Assert.Equal(AptLockFile.Lists, holder.LockFile);
        Assert.Equal(32034, holder.Holder.Pid);
        Assert.Equal("python3", holder.Holder.ProcessName);
    }

    [Fact]
    public void AnInterruptedDpkgStopsTheRunBeforeApt()
    {
        var t = AptGetOutputParser.Parse(AptSamples.ScriptDpkgInterruptedTrixie, AptVerbLocks.ToWaitFor(AptGetVerb.Remove));

        Assert.Equal(AptGetScriptOutcome.DpkgInterrupted, t.Outcome);
        Assert.Equal("0001", t.InterruptedDpkgUpdate);
        Assert.Null(t.AptExitCode);
    }

    [Fact]
    public void StatusFdDownloadAndDpkgLinesAreTyped()
    {
        var t = Fragment(AptSamples.FragmentInstallJqBookworm);

        Assert.Equal(0, t.AptExitCode);
        Assert.Contains(t.Status, s => s.Kind == AptStatusKind.Download && s.Subject == "2" && s.Percent == 45.3224 && s.Message == "Retrieving file 2 of 3");
        Assert.Contains(t.Status, s => s.Kind == AptStatusKind.PackageManager && s.Subject == "dpkg-exec" && s.Message == "Running dpkg");
        Assert.Equal(new[] { "libonig5", "libjq1", "jq" }, t.Changes.Where(c => c.Action == AptPackageAction.SetUp).Select(c => c.Package));
        Assert.Equal("amd64", t.Changes.First(c => c.Package == "libonig5").Architecture);
        Assert.Equal(3, t.Summary!.NewlyInstalled);
    }

    [Fact]
    public void AnELineWithExitZeroIsAnErrorLineButNotAFailure()
    {
        // apt 2.6 in a chroot without /dev/pts: "E: Can not write log" and still exit 0.
        var t = Fragment(AptSamples.FragmentInstallLocalBookworm);

        Assert.Equal(0, t.AptExitCode);
        Assert.Single(t.Errors, e => e.StartsWith("Can not write log", StringComparison.Ordinal));
        Assert.Equal(AptFailureKind.None, AptFailureClassifier.Classify(new AptGetCommand(AptGetVerb.Install, new[] { "aptready-hello" }), t, null));
        Assert.Contains(t.Changes, c => c.Action == AptPackageAction.SetUp && c.Package == "aptready-hello" && c.Version == "1:1.2.3~rc1-0+deb12u1");
    }

    [Fact]
    public void AFailingMaintainerScriptGivesPmerror()
    {
        var t = Fragment(AptSamples.FragmentBrokenPostinstTrixie);

        Assert.Equal(100, t.AptExitCode);
        var pmerror = Assert.Single(t.PackageErrors);
        Assert.Equal("aptready-broken", pmerror.Subject);
        Assert.Equal(60, pmerror.Percent);
        Assert.Equal("installed aptready-broken package post-installation script subprocess returned error exit status 1", pmerror.Message);
        Assert.Equal(new[] { "Sub-process /usr/bin/dpkg returned an error code (1)" }, t.Errors);
    }

    [Fact]
    public void RemovalAndPurgeAreListed()
    {
        var t = Fragment(AptSamples.FragmentPurgeBookworm, AptGetVerb.Purge);

        Assert.Equal(2, t.Summary!.Removed);
        Assert.Equal(new[] { "aptready-hello", "jq" }, t.Changes.Where(c => c.Action == AptPackageAction.Removed).Select(c => c.Package));
        Assert.Equal("aptready-hello", Assert.Single(t.Changes, c => c.Action == AptPackageAction.Purged).Package);
    }

    [Theory]
    [InlineData(AptSamples.SimulateUpgradeTrixie, 4, 1, new[] { "libk5crypto3", "libgssapi-krb5-2", "libkrb5support0", "libkrb5-3" })]
    [InlineData(AptSamples.SimulateUpgradeBookworm, 14, 1, null)]
    public void SimulatedUpgradesListInstLines(string plain, int upgraded, int notUpgraded, string[]? names)
    {
        var t = Fragment(AsOut(plain) + "apt-exit 0\n", AptGetVerb.Upgrade);

        Assert.Equal(upgraded, t.Summary!.Upgraded);
        Assert.Equal(notUpgraded, t.Summary.NotUpgraded);
        var inst = t.Changes.Where(c => c.Action == AptPackageAction.SimulatedInstall).ToList();
        Assert.Equal(upgraded, inst.Count);
        if (names != null)
        {
            Assert.Equal(names, inst.Select(c => c.Package));
            Assert.Equal("1.21.3-5+deb13u1", inst[0].PreviousVersion);
            Assert.Equal("1.21.3-5+deb13u2", inst[0].Version);
        }
    }

    [Fact]
    public void Apt33AWaitThenInstallRunIsReadWhole()
    {
        var t = AptGetOutputParser.Parse(AptSamplesForky.ScriptInstallForky, InstallLocks);

        Assert.Equal(AptGetScriptOutcome.Ran, t.Outcome);
        Assert.Equal(0, t.AptExitCode);
        Assert.Equal(TimeSpan.FromMilliseconds(2010), t.LockWait);
        var sighting = Assert.Single(t.LockHolders);
        Assert.Equal((AptLockFile.DpkgFrontend, 55, "python3"), (sighting.LockFile, sighting.Holder.Pid, sighting.Holder.ProcessName));
        Assert.Equal((0, 1, 0, 0), (t.Summary!.Upgraded, t.Summary.NewlyInstalled, t.Summary.Removed, t.Summary.NotUpgraded));
        Assert.Contains(t.Changes, c => c.Action == AptPackageAction.Unpacked && c.Package == "aptready-hello" && c.Version == "1.0");
        Assert.Contains(t.Changes, c => c.Action == AptPackageAction.SetUp && c.Package == "aptready-hello" && c.Version == "1.0");
        Assert.Contains(t.Status, s => s.Kind == AptStatusKind.Download && s.Subject == "1" && s.Percent == 100);
        Assert.Contains(t.Status, s => s.Kind == AptStatusKind.PackageManager && s.Subject == "aptready-hello" && s.Percent == 80 && s.Message == "Installed aptready-hello (amd64)");
        // In a chroot without /dev/pts, as apt 2.6.1 did: an E: line with exit 0.
        Assert.Single(t.Errors, e => e.StartsWith("Can not write log", StringComparison.Ordinal));
        Assert.Empty(t.OtherLines);
    }

    [Theory]
    [InlineData(AptSamplesForky.ScriptInstallForky, AptGetVerb.Install)]
    [InlineData(AptSamplesForky.ScriptInstallSimulateForky, AptGetVerb.Install)]
    [InlineData(AptSamplesForky.ScriptRemoveForky, AptGetVerb.Remove)]
    [InlineData(AptSamplesForky.FragmentPurgeForky, AptGetVerb.Purge)]
    [InlineData(AptSamplesForky.FragmentInstallArchivesHeldForky, AptGetVerb.Install)]
    public void Apt33SaysSolvingDependenciesWhichIsOnlyOutput(string output, AptGetVerb verb)
    {
        // apt 3.3.3 prints "Solving dependencies..." after "Reading state information..." (3.0.4 and 2.6.1 do not).
        var t = output.StartsWith(AptGetScript.Header, StringComparison.Ordinal)
            ? AptGetOutputParser.Parse(output, AptVerbLocks.ToWaitFor(verb))
            : Fragment(output, verb);

        Assert.Equal(3, t.AptOutput.IndexOf("Solving dependencies..."));
        Assert.Equal("Reading state information...", t.AptOutput[2]);
        Assert.DoesNotContain(t.Changes, c => c.Package == "dependencies...");
        Assert.DoesNotContain(t.Errors, e => e.Contains("Solving"));
        Assert.Empty(t.OtherLines);
    }

    [Theory]
    [InlineData(AptSamples.ScriptInstallTrixie)]
    [InlineData(AptSamples.ScriptInstallBookworm)]
    public void Apt30And26SayNoSolvingDependencies(string output)
    {
        var t = AptGetOutputParser.Parse(output, InstallLocks);

        Assert.Equal("Reading state information...", t.AptOutput[2]);
        Assert.DoesNotContain("Solving dependencies...", t.AptOutput);
    }

    [Fact]
    public void Apt33UpdateHasDownloadStatusAndNoSummary()
    {
        var t = AptGetOutputParser.Parse(AptSamplesForky.ScriptUpdateForky, AptVerbLocks.ToWaitFor(AptGetVerb.Update));

        Assert.Equal((AptGetScriptOutcome.Ran, 0), (t.Outcome, t.AptExitCode));
        Assert.Null(t.Summary);
        Assert.Empty(t.Changes);
        Assert.Empty(t.Errors);
        Assert.All(t.Status, s => Assert.Equal(AptStatusKind.Download, s.Kind));
        Assert.Contains(t.Status, s => s.Percent == 100);
        Assert.Contains(t.AptOutput, l => l.StartsWith("Fetched ", StringComparison.Ordinal));
        Assert.Equal("Reading package lists...", t.AptOutput[^1]);
    }

    [Fact]
    public void Apt33PrintUrisUpdateListsIndexFiles()
    {
        var t = AptGetOutputParser.Parse(AptSamplesForky.ScriptUpdateSimulateForky, AptVerbLocks.ToWaitFor(AptGetVerb.Update));

        Assert.Equal(0, t.AptExitCode);
        Assert.Equal(3, t.AptOutput.Count);
        Assert.All(t.AptOutput, l => Assert.StartsWith("'http://127.0.0.1:", l));
        Assert.Empty(t.Status);
    }

    [Fact]
    public void Apt33SimulatedInstallAndUpgrade()
    {
        var install = AptGetOutputParser.Parse(AptSamplesForky.ScriptInstallSimulateForky, InstallLocks);
        var upgrade = AptGetOutputParser.Parse(AptSamplesForky.ScriptUpgradeSimulateForky, AptVerbLocks.ToWaitFor(AptGetVerb.Upgrade));

        var inst = Assert.Single(install.Changes, c => c.Action == AptPackageAction.SimulatedInstall);
        Assert.Equal(("aptready-extra", "1.0", (string?)null), (inst.Package, inst.Version, inst.PreviousVersion));
        Assert.Equal(1, install.Summary!.NewlyInstalled);
        var up = Assert.Single(upgrade.Changes, c => c.Action == AptPackageAction.SimulatedInstall);
        Assert.Equal(("aptready-hello", "1.1", "1.0"), (up.Package, up.Version, up.PreviousVersion));
        Assert.Equal(1, upgrade.Summary!.Upgraded);
        Assert.Empty(upgrade.Status); // a simulation runs no dpkg and downloads nothing
    }

    [Fact]
    public void Apt33UpgradeRemoveAndPurge()
    {
        var upgrade = AptGetOutputParser.Parse(AptSamplesForky.ScriptUpgradeForky, AptVerbLocks.ToWaitFor(AptGetVerb.Upgrade));
        var remove = AptGetOutputParser.Parse(AptSamplesForky.ScriptRemoveForky, AptVerbLocks.ToWaitFor(AptGetVerb.Remove));
        var purge = Fragment(AptSamplesForky.FragmentPurgeForky, AptGetVerb.Purge);

        Assert.Equal(1, upgrade.Summary!.Upgraded);
        var unpacked = Assert.Single(upgrade.Changes, c => c.Action == AptPackageAction.Unpacked);
        Assert.Equal(("aptready-hello", "1.1"), (unpacked.Package, unpacked.Version)); // "Unpacking aptready-hello (1.1) over (1.0) ..."
        Assert.Contains(upgrade.Status, s => s.Subject == "aptready-hello" && s.Message == "Installed aptready-hello (amd64)");
        Assert.Equal(1, remove.Summary!.Removed);
        var removed = Assert.Single(remove.Changes, c => c.Action == AptPackageAction.Removed);
        Assert.Equal(("aptready-extra", "1.0"), (removed.Package, removed.Version));
        Assert.Equal("aptready-hello", Assert.Single(purge.Changes, c => c.Action == AptPackageAction.Removed).Package);
        Assert.Contains(purge.Status, s => s.Message == "Completely removed aptready-hello (amd64)");
        Assert.All(new[] { upgrade, remove, purge }, t => Assert.Equal(0, t.AptExitCode));
    }

    [Fact]
    public void Apt33LockTimeoutAndInterruptedDpkgOfTheScript()
    {
        var timeout = AptGetOutputParser.Parse(AptSamplesForky.ScriptTimeoutForky, AptVerbLocks.ToWaitFor(AptGetVerb.Update));
        var interrupted = AptGetOutputParser.Parse(AptSamplesForky.ScriptDpkgInterruptedForky, AptVerbLocks.ToWaitFor(AptGetVerb.Remove));

        Assert.Equal(AptGetScriptOutcome.LockTimeout, timeout.Outcome);
        Assert.Equal(TimeSpan.FromMilliseconds(1280), timeout.LockWait);
        var holder = Assert.Single(timeout.HoldersAtTimeout);
        Assert.Equal((AptLockFile.Lists, 393, "python3"), (holder.LockFile, holder.Holder.Pid, holder.Holder.ProcessName));
        Assert.Equal(AptGetScriptOutcome.DpkgInterrupted, interrupted.Outcome);
        Assert.Equal("0000", interrupted.InterruptedDpkgUpdate);
    }

    [Fact]
    public void GarbageBeforeTheHeaderIsKeptAndNoHeaderIsAnError()
    {
        var t = AptGetOutputParser.Parse("Welcome to the lab\n" + AptSamples.ScriptTimeoutBookworm, AptVerbLocks.ToWaitFor(AptGetVerb.Update));
        Assert.Equal(new[] { "Welcome to the lab" }, t.OtherLines);

        Assert.Throws<ProbeOutputException>(() => AptGetOutputParser.Parse("sh: 1: stat: not found\n", InstallLocks));
    }

    [Fact]
    public void FreeWithoutRunMeansSudoRefused()
    {
        var t = AptGetOutputParser.Parse("aptready-aptget 1\nfree 0\n", InstallLocks);

        Assert.Equal(AptGetScriptOutcome.ElevationFailed, t.Outcome);
    }

    [Fact]
    public void OutputCutShortIsIncomplete()
    {
        var t = AptGetOutputParser.Parse("aptready-aptget 1\nfree 0\nrun\nout Reading package lists...\n", InstallLocks);

        Assert.Equal(AptGetScriptOutcome.Incomplete, t.Outcome);
    }

    [Fact]
    public void HeldLinesCarryTheSystemdUnit()
    {
        var t = AptGetOutputParser.Parse(
            "aptready-aptget 1\nheld 0 576 /system.slice/cloud-final.service apt-get\nheld 2 577 /system.slice/apt-daily.service apt-get\nfree 1234\n",
            InstallLocks);

        Assert.Equal(2, t.LockHolders.Count);
        Assert.Equal("cloud-final.service", t.LockHolders[0].Holder.Unit);
        Assert.Equal(AptLockFile.DpkgFrontend, t.LockHolders[0].LockFile);
        Assert.Equal(AptLockFile.Archives, t.LockHolders[1].LockFile);
        Assert.Equal(TimeSpan.FromMilliseconds(12340), t.LockWait);
        Assert.Throws<ProbeOutputException>(() => AptGetOutputParser.Parse("aptready-aptget 1\nheld 9 1 - x\n", InstallLocks));
    }
}
