using AptReady.Core.Apt;
using AptReady.Core.Locks;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class AptFailureClassifierTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AptGetTranscript Fragment(string fragmentOutput, AptGetVerb verb) =>
        AptGetOutputParser.Parse("aptready-aptget 1\nfree 0\nrun\n" + fragmentOutput, AptVerbLocks.ToWaitFor(verb));

    private static readonly AptReady.Core.Remote.RemoteHost Vm = new AptReady.Core.Remote.RemoteHost("vm", 22, "debian");

    private static AptLockReport Probe(AptLockFile? held, params string[] pendingDpkgUpdates)
    {
        var statuses = AptLockFile.All
            .Select(l => new AptLockStatus(Vm, l, true, l == held ? new LockHolder(576, "apt-get", "apt-get update", "apt-daily.service", null) : null, Now))
            .ToList();
        return new AptLockReport(Vm, statuses, Array.Empty<LockHolder>(), pendingDpkgUpdates, Now);
    }

    public static TheoryData<string, AptGetVerb> RealLockFailures => new()
    {
        { AptSamples.FragmentUpdateListsHeldBookworm, AptGetVerb.Update },
        { AptSamples.FragmentUpdateListsHeldTrixie, AptGetVerb.Update },
        { AptSamples.FragmentInstallFrontendHeldTrixie, AptGetVerb.Install },
        { AptSamples.FragmentInstallFrontendHeldWaitingBookworm, AptGetVerb.Install },
        { AptSamples.FragmentInstallFrontendHeldWaitingTrixie, AptGetVerb.Install },
        { AptSamples.FragmentRemoveDpkgHeldBookworm, AptGetVerb.Remove },
        { AptSamples.FragmentInstallArchivesHeldTrixie, AptGetVerb.Install },
        { AptSamplesForky.FragmentUpdateListsHeldForky, AptGetVerb.Update },
        { AptSamplesForky.FragmentInstallFrontendHeldForky, AptGetVerb.Install },
        { AptSamplesForky.FragmentInstallFrontendHeldWaitingForky, AptGetVerb.Install },
        { AptSamplesForky.FragmentRemoveDpkgHeldForky, AptGetVerb.Remove },
        { AptSamplesForky.FragmentInstallArchivesHeldForky, AptGetVerb.Install },
    };

    [Theory]
    [MemberData(nameof(RealLockFailures))]
    public void RealLockFailuresAreContentionFromTheMessagesAlone(string fragment, AptGetVerb verb)
    {
        var t = Fragment(fragment, verb);

        Assert.Equal(100, t.AptExitCode);
        Assert.All(t.Errors, e => Assert.True(AptFailureClassifier.IsLockMessage(e), e));
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(verb, 100, t.Errors, probeAfterFailure: null));
    }

    // The E: lines of an `apt-get update` on trixie (apt 3.0.4) whose temporary source cache another update on
    // the same root file system removed before the rename (JumpHost.Tests, 50 hosts on shared targets, two busy loops).
    public const string FragmentUpdateCacheRaceTrixie =
        "out Reading package lists...\n" +
        "err E: Problem renaming the file /var/cache/apt/srcpkgcache.bin.RNVPZ3 to /var/cache/apt/srcpkgcache.bin - rename (2: No such file or directory)\n" +
        "err E: The package cache file is corrupted.\n" +
        "apt-exit 100\n";

    [Fact]
    public void AnotherAptRebuildingThePackageCacheIsContention()
    {
        var t = Fragment(FragmentUpdateCacheRaceTrixie, AptGetVerb.Update);

        Assert.True(AptFailureClassifier.IsCacheRebuildRace(t.Errors[0]));
        Assert.False(AptFailureClassifier.IsCacheRebuildRace(t.Errors[1]));
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(AptGetVerb.Update, 100, t.Errors, probeAfterFailure: null));
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(AptGetVerb.Install, 100, t.Errors, Probe(held: null)));
    }

    [Theory]
    // A rename of something else, or one that failed for another reason, is not that race.
    [InlineData("E: Problem renaming the file /var/lib/apt/lists/partial/x_InRelease to /var/lib/apt/lists/x_InRelease - rename (2: No such file or directory)")]
    [InlineData("E: Problem renaming the file /var/cache/apt/pkgcache.bin.Ab12Cd to /var/cache/apt/pkgcache.bin - rename (28: No space left on device)")]
    [InlineData("E: The package cache file is corrupted.")]
    public void OtherRenameFailuresAreAptErrors(string line)
    {
        Assert.False(AptFailureClassifier.IsCacheRebuildRace(line));
        Assert.Equal(AptFailureKind.AptError, AptFailureClassifier.Classify(AptGetVerb.Update, 100, new[] { line }, probeAfterFailure: null));
    }

    [Fact]
    public void Apt33WaitingOnALockNamesNoHolder()
    {
        // apt 3.0.4 and 2.6.1 print "Waiting for cache lock: Could not get lock … It is held by process N (…)…"
        // on stdout while DPkg::Lock::Timeout runs; apt 3.3.3 (stdout not a terminal) prints nothing until
        // the one E: line at the end, so apt's own output names no holder: the lock probe must.
        var t = Fragment(AptSamplesForky.FragmentInstallFrontendHeldWaitingForky, AptGetVerb.Install);

        Assert.DoesNotContain(t.AptOutput, l => l.StartsWith("Waiting for cache lock", StringComparison.Ordinal));
        Assert.DoesNotContain(t.AptOutput, l => l.Contains("held by process"));
        Assert.Equal(new[] { "Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" }, t.Errors);
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(new AptGetCommand(AptGetVerb.Install, new[] { "aptready-extra" }), t, Probe(AptLockFile.DpkgFrontend)));
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(AptGetVerb.Install, 100, t.Errors, null));
        Assert.Contains(Fragment(AptSamples.FragmentInstallFrontendHeldWaitingBookworm, AptGetVerb.Install).AptOutput, l => l.Contains("It is held by process 13023 (python3)"));
        Assert.Contains(Fragment(AptSamples.FragmentInstallFrontendHeldWaitingTrixie, AptGetVerb.Install).AptOutput, l => l.Contains("It is held by process 464 (python3)"));
    }

    [Fact]
    public void Apt33InterruptedDpkgWordingsThroughSudoAndAsRoot()
    {
        string sudo = AptSamplesForky.PlainDpkgInterruptedSudoForky.Trim().Substring(3);
        string root = AptSamplesForky.PlainDpkgInterruptedRootForky.Trim().Substring(3);

        Assert.Contains("'sudo dpkg --configure -a'", sudo);
        Assert.Contains("'dpkg --configure -a'", root);
        Assert.DoesNotContain("sudo", root);
        Assert.All(new[] { sudo, root }, e => Assert.Equal(AptFailureKind.DpkgInterrupted, AptFailureClassifier.Classify(AptGetVerb.Remove, 100, new[] { e }, null)));
    }

    [Fact]
    public void AHeldLockOfTheVerbIsContentionWhateverAptSaid()
    {
        // Translated or unknown text: the probe decides.
        var errors = new[] { "Konnte Sperre /var/lib/dpkg/lock-frontend nicht bekommen." };

        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(AptGetVerb.Install, 100, errors, Probe(AptLockFile.DpkgFrontend)));
        Assert.Equal(AptFailureKind.LockContention, AptFailureClassifier.Classify(AptGetVerb.Install, 100, errors, Probe(AptLockFile.UnattendedUpgrades)));
    }

    [Fact]
    public void ALockOfAnotherVerbHeldIsNotContention()
    {
        // Update takes only the lists lock; a held dpkg lock did not make it fail.
        var errors = new[] { "Failed to fetch http://mirror.example/debian/dists/bookworm/InRelease  Temporary failure resolving 'mirror.example'" };

        Assert.Equal(AptFailureKind.AptError, AptFailureClassifier.Classify(AptGetVerb.Update, 100, errors, Probe(AptLockFile.DpkgFrontend)));
    }

    [Fact]
    public void OtherRealFailuresAreAptErrors()
    {
        var broken = Fragment(AptSamples.FragmentBrokenPostinstTrixie, AptGetVerb.Install);
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "aptready-broken" });

        Assert.Equal(AptFailureKind.AptError, AptFailureClassifier.Classify(command, broken, Probe(null)));
        Assert.Equal(AptFailureKind.AptError, AptFailureClassifier.Classify(AptGetVerb.Install, 100, new[] { "Unable to locate package no-such-pkg-xyz" }, Probe(null)));
        Assert.Equal(AptFailureKind.None, AptFailureClassifier.Classify(AptGetVerb.Install, 0, Array.Empty<string>(), null));
        Assert.Equal(AptFailureKind.AptError, AptFailureClassifier.Classify(AptGetVerb.Install, 1, Array.Empty<string>(), null));
    }

    [Fact]
    public void InterruptedDpkgIsDetectedInBothWordings()
    {
        string plain = AptSamples.PlainDpkgInterruptedTrixie.Trim().Substring(3);
        Assert.Equal(AptFailureKind.DpkgInterrupted, AptFailureClassifier.Classify(AptGetVerb.Remove, 100, new[] { plain }, null));

        // Through sudo apt 3.0 says "run 'sudo dpkg --configure -a'".
        const string sudoWording = "dpkg was interrupted, you must manually run 'sudo dpkg --configure -a' to correct the problem. ";
        Assert.Equal(AptFailureKind.DpkgInterrupted, AptFailureClassifier.Classify(AptGetVerb.Remove, 100, new[] { sudoWording }, null));

        Assert.Equal(AptFailureKind.DpkgInterrupted, AptFailureClassifier.Classify(AptGetVerb.Install, 100, Array.Empty<string>(), Probe(null, "0001")));
    }

    [Fact]
    public void ScriptOutcomesComeBeforeExitCodes()
    {
        var command = new AptGetCommand(AptGetVerb.Remove, new[] { "jq" });
        var interrupted = AptGetOutputParser.Parse(AptSamples.ScriptDpkgInterruptedTrixie, command.LocksToWaitFor);
        Assert.Equal(AptFailureKind.DpkgInterrupted, AptFailureClassifier.Classify(command, interrupted, null));

        var update = new AptGetCommand(AptGetVerb.Update);
        var timeout = AptGetOutputParser.Parse(AptSamples.ScriptTimeoutBookworm, update.LocksToWaitFor);
        Assert.Equal(AptFailureKind.LockTimeout, AptFailureClassifier.Classify(update, timeout, null));
    }

    [Fact]
    public void AResultSummarisesTheTranscript()
    {
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "jq" });
        var t = AptGetOutputParser.Parse(AptSamples.ScriptInstallTrixie, command.LocksToWaitFor);

        var result = AptGetResult.FromAttempt(Vm, command, t, AptFailureClassifier.Classify(command, t, null), TimeSpan.FromSeconds(5));

        Assert.True(result.Succeeded);
        Assert.Equal("apt-get install jq", result.Command);
        Assert.Equal(new[] { "jq" }, result.Packages);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, result.NewlyInstalled);
        Assert.Equal(5, result.NotUpgraded);
        Assert.Equal(new[] { "jq" }, result.ChangedPackages);
        Assert.Equal(26159, Assert.Single(result.LockHolders).Pid);
        Assert.Equal(TimeSpan.FromMilliseconds(2260), result.LockWait);
        Assert.StartsWith("Reading package lists...\n", result.FullOutput);
        Assert.Empty(result.Errors);
        Assert.Equal("vm", result.ComputerName);
        Assert.Equal(22, result.Port);
        Assert.Equal("debian", result.UserName);
        Assert.Same(Vm, result.Host);
        Assert.False(result.RepairedInterruptedDpkg);
    }

    [Fact]
    public void AResultSaysWhenDpkgWasRepairedFirst()
    {
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "jq" });
        var t = AptGetOutputParser.Parse(AptSamples.ScriptInstallTrixie, command.LocksToWaitFor);

        var result = new AptGetResult(Vm, command, t, AptFailureKind.None, t.LockHolders, t.LockWait, 1, TimeSpan.FromSeconds(5), repairedInterruptedDpkg: true);

        Assert.True(result.RepairedInterruptedDpkg);
        Assert.Throws<ArgumentNullException>(() => new AptGetResult(null!, command, t, AptFailureKind.None, t.LockHolders, t.LockWait, 1, TimeSpan.Zero));
    }
}
