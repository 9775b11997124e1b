using AptReady.Core.Apt;
using AptReady.Core.CloudConfig;
using AptReady.Core.CloudInit;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>
/// Every remote script, assembled as it is sent (helpers put in, values quoted), parses under sh, dash
/// and busybox sh and is shellcheck-clean with POSIX sh as the dialect.
/// </summary>
public sealed class RemoteScriptLintTests
{
    // Scripts that run a root part carry it as one ShellQuote'd word ('...'\''...'): its $ are for the
    // root shell, which shellcheck reports as SC2016 in the outer script. Each root part is also in
    // this list on its own, as sent, and checked without exclusions.
    private const string QuotedRootPartExclusion = "SC2016";

    public static IEnumerable<object[]> Scripts()
    {
        var install = new AptGetCommand(AptGetVerb.Install, new[] { "jq", "g++", "nginx=1.22.1-9" });
        yield return new object[] { "lock probe", LockProbe.Build(AptLockFile.All).Script, false };
        yield return new object[] { "lock probe, one path", LockProbe.Build(new[] { AptLockFile.ForPath("/var/tmp/it's here") }).Script, false };
        yield return new object[] { "cloud-init wait", CloudInitProbe.BuildWait(60).Script, false };
        yield return new object[] { "cloud-init check", CloudInitProbe.BuildCheck().Script, false };
        foreach (RootElevation elevation in Enum.GetValues<RootElevation>())
        {
            yield return new object[] { "apt-get install, " + elevation, AptGetScript.Build(install, TimeSpan.FromSeconds(9), elevation).Script, true };
            yield return new object[] { "dpkg repair, " + elevation, DpkgRepairScript.Build(elevation).Script, true };
        }

        yield return new object[] { "apt-get update (one lock)", AptGetScript.Build(new AptGetCommand(AptGetVerb.Update), TimeSpan.Zero).Script, true };
        yield return new object[] { "apt-get simulated upgrade", AptGetScript.Build(new AptGetCommand(AptGetVerb.Upgrade, Array.Empty<string>(), simulate: true), TimeSpan.FromMinutes(5)).Script, true };
        yield return new object[] { "apt-get root part", install.RootScript, false };
        yield return new object[] { "dpkg repair root part", RemoteScript.Load("DpkgRepairRoot.sh"), false };
        yield return new object[] { "cloud-config schema check", CloudConfigSchemaCheck.Build("#cloud-config\n").Script, false };
        yield return new object[] { "reboot-required probe", AptReady.Core.Reboot.RebootScripts.RebootRequiredProbe().Script, false };
        yield return new object[] { "boot id", AptReady.Core.Reboot.RebootScripts.BootId().Script, false };
        foreach (RootElevation elevation in Enum.GetValues<RootElevation>())
        {
            yield return new object[] { "reboot, " + elevation, AptReady.Core.Reboot.RebootScripts.Reboot(elevation).Script, true };
        }
    }

    [Fact]
    public void EveryScriptFileIsCheckedHere()
    {
        // A new .sh file must get a line in Scripts() (and this list), or it is sent unchecked.
        Assert.Equal(
            new[] { "AptGetCommand.sh", "AptGetScript.sh", "CloudConfigSchemaCheck.sh", "CloudInitProbe.sh", "DpkgRepairRoot.sh", "DpkgRepairScript.sh", "LockProbe.sh", RemoteScript.LibraryName, "boot-id.sh", "reboot-required.sh", "reboot.sh" },
            RemoteScript.FileNames);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void NoPlaceholderOrIncludeIsLeft(string name, string script, bool carriesRootPart)
    {
        _ = carriesRootPart;
        Assert.DoesNotMatch(@"@[A-Z_]+@", script);
        Assert.False(script.Contains("aptready-include", StringComparison.Ordinal), $"The {name} script still has an include line.");
    }

    [ToolTheory("/bin/sh")]
    [MemberData(nameof(Scripts))]
    public void ShParsesIt(string name, string script, bool carriesRootPart) => AssertParses("/bin/sh", name, script, carriesRootPart);

    [ToolTheory(LocalShell.Dash)]
    [MemberData(nameof(Scripts))]
    public void DashParsesIt(string name, string script, bool carriesRootPart) => AssertParses(LocalShell.Dash, name, script, carriesRootPart);

    [ToolTheory(LocalShell.Busybox)]
    [MemberData(nameof(Scripts))]
    public void BusyboxShParsesIt(string name, string script, bool carriesRootPart) => AssertParses(LocalShell.Busybox, name, script, carriesRootPart);

    [ToolTheory(LocalShell.Shellcheck)]
    [MemberData(nameof(Scripts))]
    public void ShellcheckFindsNothing(string name, string script, bool carriesRootPart)
    {
        var arguments = new List<string> { "--shell=sh", "--format=gcc" };
        if (carriesRootPart)
        {
            arguments.Add("--exclude=" + QuotedRootPartExclusion);
        }

        arguments.Add("-");
        var result = LocalShell.Run(new[] { LocalShell.Shellcheck }, arguments, script);

        Assert.True(result.ExitCode == 0, $"shellcheck on the {name} script:\n{result.StdOut}{result.StdErr}");
    }

    private static void AssertParses(string shell, string name, string script, bool carriesRootPart)
    {
        _ = carriesRootPart;
        var result = LocalShell.Run(LocalShell.ShellCommand(shell), new[] { "-n", "-c", script });

        Assert.True(result.ExitCode == 0, $"{shell} -n on the {name} script: {result.StdErr}");
    }
}
