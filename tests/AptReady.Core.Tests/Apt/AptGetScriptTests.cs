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

        Assert.StartsWith("LC_ALL=C; export LC_ALL\nset -f\necho 'aptready-aptget 1'\n", script);
        Assert.Contains("for p in '/var/lib/dpkg/lock-frontend' '/var/lib/dpkg/lock' '/var/cache/apt/archives/lock' '/run/unattended-upgrades.lock'; do", script);
        Assert.Contains("[ $waited -ge 9000 ]", script);
        Assert.Contains("exit 75", script);
        Assert.Contains("exit 76", script);
        Assert.Contains("exit 77", script);
        Assert.Contains("if [ 1 = 1 ]", script);
        Assert.Contains("exec sudo -n /bin/sh -c '", script);
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
    [InlineData(RootElevation.SudoNonInteractive, "exec sudo -n /bin/sh -c '")]
    [InlineData(RootElevation.SudoPasswordOnStdin, "exec sudo -S -p '' /bin/sh -c '")]
    [InlineData(RootElevation.AlreadyRoot, "exec /bin/sh -c '")]
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
}
