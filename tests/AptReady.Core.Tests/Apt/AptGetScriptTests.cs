using System.Collections.Generic;
using AptReady.Core.Apt;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class AptGetScriptTests
{
    [Fact]
    public void ScriptWaitsForTheVerbsLocksByQuotedPath()
    {
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "jq" });

        string script = AptGetScript.Build(command, TimeSpan.FromSeconds(90)).Script;

        Assert.StartsWith("LC_ALL=C; export LC_ALL\nset -f\nprintf '%s\\n' 'aptready-aptget 1'\n", script);
        Assert.Contains("for p in '/var/lib/dpkg/lock-frontend' '/var/lib/dpkg/lock' '/var/cache/apt/archives/lock' '/run/unattended-upgrades.lock'; do", script);
        Assert.Contains("[ $waited -ge 9000 ]", script);
        Assert.Contains("exit 75", script);
        Assert.Contains("exit 76", script);
        Assert.Contains("exit 77", script);
        Assert.Contains("if [ 1 = 1 ]", script);
        Assert.Contains("exec $detach sudo -n /bin/sh -c '", script);
        Assert.DoesNotContain("@", script.Replace("'-o' 'APT", string.Empty).Replace("$@", string.Empty));
    }

    [Fact]
    public void UpdateDoesNotCheckForAnInterruptedDpkg()
    {
        string script = AptGetScript.Build(new AptGetCommand(AptGetVerb.Update), TimeSpan.Zero).Script;

        Assert.Contains("for p in '/var/lib/apt/lists/lock'; do", script);
        Assert.Contains("if [ 0 = 1 ]", script);
    }

    [Theory]
    [InlineData(RootElevation.SudoNonInteractive, "exec $detach sudo -n /bin/sh -c '")]
    [InlineData(RootElevation.SudoPasswordOnStdin, "exec $detach sudo -S -p '' /bin/sh -c '")]
    [InlineData(RootElevation.AlreadyRoot, "exec $detach /bin/sh -c '")]
    public void ElevationChoosesTheWrapper(RootElevation elevation, string expected)
    {
        string script = AptGetScript.Build(new AptGetCommand(AptGetVerb.Clean), TimeSpan.FromSeconds(1), elevation).Script;

        Assert.Contains(expected, script);
        Assert.EndsWith("' sh \"$t\"\n", script);
    }

    [Fact]
    public void NegativeWaitsAndSillyPollsAreRefused()
    {
        var command = new AptGetCommand(AptGetVerb.Update);
        Assert.Throws<ArgumentOutOfRangeException>(() => AptGetScript.Build(command, TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => AptGetScript.Build(command, TimeSpan.FromSeconds(1), pollInterval: TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void TheRootPartRunsInASessionOfItsOwnAndIgnoresABrokenChannel()
    {
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "jq" });
        string script = AptGetScript.Build(command, TimeSpan.FromSeconds(5)).Script;

        // setsid -w: Ctrl+C signals only the login session's process group, never apt or dpkg.
        Assert.Contains("command -v setsid >/dev/null 2>&1 && detach='setsid -w'\nexec $detach sudo -n", script);
        Assert.Contains("tag() { trap '' PIPE;", command.RootScript);
    }

    [Theory]
    [InlineData(RootElevation.SudoNonInteractive, "exec $detach sudo -n /bin/sh -c '")]
    [InlineData(RootElevation.SudoPasswordOnStdin, "exec $detach sudo -S -p '' /bin/sh -c '")]
    [InlineData(RootElevation.AlreadyRoot, "exec $detach /bin/sh -c '")]
    public void TheDpkgRepairRunsDetachedAsRoot(RootElevation elevation, string expected)
    {
        string script = DpkgRepairScript.Build(elevation).Script;

        Assert.StartsWith("LC_ALL=C; export LC_ALL\nset -f\nprintf '%s\\n' 'aptready-dpkgrepair 1'\n", script);
        Assert.Contains(expected, script);
        Assert.Contains("dpkg --force-confdef --force-confold --configure -a </dev/null", script);
    }

    [Fact]
    public void TheDpkgRepairOutputGivesDpkgsLinesAndExitCode()
    {
        var lines = new List<string>();

        int? exit = DpkgRepairScript.Parse("aptready-dpkgrepair 1\nrun\nout Setting up aptready-slow (1.0) ...\ndpkg-exit 0\n", lines);

        Assert.Equal(0, exit);
        Assert.Equal(new[] { "Setting up aptready-slow (1.0) ..." }, lines);
        Assert.Null(DpkgRepairScript.Parse("aptready-dpkgrepair 1\n", new List<string>()));
    }

    [Fact]
    public void AStreamedHeldLineNamesLockAndHolder()
    {
        var locks = new AptGetCommand(AptGetVerb.Update).LocksToWaitFor;

        Assert.True(AptGetOutputParser.TryParseHeldLine("held 0 576 /system.slice/cloud-final.service apt-get", locks, out var sighting));
        Assert.Equal("/var/lib/apt/lists/lock held by 576 apt-get (cloud-final.service)", sighting!.ToString());
        Assert.False(AptGetOutputParser.TryParseHeldLine("held 9 576 - apt-get", locks, out _));
        Assert.False(AptGetOutputParser.TryParseHeldLine("free 12", locks, out _));
    }
}
