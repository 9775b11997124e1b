using AptReady.Core.Apt;
using AptReady.Core.Locks;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class AptGetCommandTests
{
    [Theory]
    [InlineData(AptGetVerb.Update, "update")]
    [InlineData(AptGetVerb.Upgrade, "upgrade")]
    [InlineData(AptGetVerb.DistUpgrade, "dist-upgrade")]
    [InlineData(AptGetVerb.Autoremove, "autoremove")]
    [InlineData(AptGetVerb.Clean, "clean")]
    public void VerbsWithoutPackagesMapToAptGetWords(AptGetVerb verb, string word)
    {
        var command = new AptGetCommand(verb);

        Assert.Equal(new[] { word }, command.Arguments);
        Assert.Equal("apt-get " + word, command.ToString());
        Assert.Throws<ArgumentException>(() => new AptGetCommand(verb, new[] { "nginx" }));
    }

    [Theory]
    [InlineData(AptGetVerb.Install, "install")]
    [InlineData(AptGetVerb.Remove, "remove")]
    [InlineData(AptGetVerb.Purge, "purge")]
    public void VerbsWithPackagesNeedAtLeastOne(AptGetVerb verb, string word)
    {
        Assert.Throws<ArgumentException>(() => new AptGetCommand(verb));

        var command = new AptGetCommand(verb, new[] { "nginx", "jq=1.6-2.1+deb12u3" }, simulate: true);
        Assert.Equal(new[] { "-s", word, "nginx", "jq=1.6-2.1+deb12u3" }, command.Arguments);
    }

    [Fact]
    public void AHostilePackageNameNeverReachesTheScript()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AptGetCommand(AptGetVerb.Install, new[] { "nginx", "x;reboot" }));
        Assert.Contains("'x;reboot'", ex.Message);
    }

    [Fact]
    public void ASimulatedUpdateOnlyPrintsTheIndexUris()
    {
        // apt-get refuses -s with update; --print-uris lists what it would fetch and downloads nothing.
        var command = new AptGetCommand(AptGetVerb.Update, Array.Empty<string>(), simulate: true);
        Assert.Equal(new[] { "--print-uris", "update" }, command.Arguments);
        Assert.Equal(new[] { "-s", "upgrade" }, new AptGetCommand(AptGetVerb.Upgrade, Array.Empty<string>(), simulate: true).Arguments);
    }

    [Fact]
    public void RootScriptCarriesTheFixedSafeOptionsAndQuotedArguments()
    {
        string script = new AptGetCommand(AptGetVerb.Install, new[] { "nginx", "g++" }).RootScript;

        Assert.Contains("DEBIAN_FRONTEND=noninteractive LC_ALL=C", script);
        Assert.Contains("apt-get '-y' '-o' 'Dpkg::Options::=--force-confdef' '-o' 'Dpkg::Options::=--force-confold' '-o' 'APT::Status-Fd=3' -o \"DPkg::Lock::Timeout=$t\" 'install' 'nginx' 'g++'", script);
        Assert.Contains("3>&1 1>&5 2>&6 4>&- 5>&- 6>&- 7>&- </dev/null", script);
        Assert.Contains("printf 'apt-exit %s\\n' \"$rc\"", script);
    }

    [Fact]
    public void SudoLineRunsTheWholeFragmentAsRoot()
    {
        var command = new AptGetCommand(AptGetVerb.Update);

        string line = command.SudoLine(42);

        Assert.StartsWith("sudo -n /bin/sh -c '", line);
        Assert.EndsWith("' sh 42", line);
        Assert.Throws<ArgumentOutOfRangeException>(() => command.SudoLine(-1));
    }

    // Found by holding each lock with fcntl and running every verb with DPkg::Lock::Timeout=0 on
    // bookworm (apt 2.6.1) and trixie (apt 3.0.4): both gave this table.
    [Theory]
    [InlineData(AptGetVerb.Update, "Lists")]
    [InlineData(AptGetVerb.Upgrade, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.DistUpgrade, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.Install, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.Remove, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.Purge, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.Autoremove, "DpkgFrontend,Dpkg,Archives")]
    [InlineData(AptGetVerb.Clean, "Lists,Archives")]
    public void EachVerbTakesTheLocksSeenOnRealApt(AptGetVerb verb, string locks)
    {
        Assert.Equal(locks, string.Join(",", AptVerbLocks.For(verb).Select(l => l.Name)));

        var toWait = AptVerbLocks.ToWaitFor(verb);
        Assert.Equal(verb.RunsDpkg(), toWait.Contains(AptLockFile.UnattendedUpgrades));
    }
}
