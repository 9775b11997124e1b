using System.Collections.Generic;
using System.Text.RegularExpressions;
using AptReady.Core.Apt;
using AptReady.Core.CloudInit;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>
/// Debian's /bin/sh is dash, whose echo acts on backslashes (\c ends the output, \n starts a line):
/// a path, a process name or a JSON escape printed with echo could forge or swallow a probe line.
/// </summary>
public class ProbeScriptPrintTests
{
    public static IEnumerable<object[]> Scripts()
    {
        yield return new object[] { "lock probe", LockProbe.Build(AptLockFile.All).Script };
        yield return new object[] { "cloud-init wait", CloudInitProbe.BuildWait(60).Script };
        yield return new object[] { "cloud-init check", CloudInitProbe.BuildCheck().Script };
        yield return new object[] { "apt-get", AptGetScript.Build(new AptGetCommand(AptGetVerb.Install, new[] { "jq" }), TimeSpan.FromSeconds(9)).Script };
        yield return new object[] { "apt-get root part", new AptGetCommand(AptGetVerb.Update).RootScript };
        yield return new object[] { "dpkg repair", DpkgRepairScript.Build().Script };
        yield return new object[] { "cloud-config schema check", AptReady.Core.CloudConfig.CloudConfigSchemaCheck.Build("#cloud-config\n").Script };
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void NoScriptPrintsWithEcho(string name, string script)
    {
        Assert.False(Regex.IsMatch(script, @"\becho\b"), $"The {name} script uses echo.");
    }

    [Fact]
    public void TheLockProbeNamesFilesByIndexNotByPath()
    {
        var locks = new[] { AptLockFile.ForPath("/var/tmp/a\\cb"), AptLockFile.Dpkg };
        string output = "aptready-lockprobe 1\nmissing - - 0\nfile 2d 830704 1\nlocks-readable\nlock 1: POSIX  ADVISORY  WRITE 14 00:2d:830704 0 EOF\nend\n";

        var report = LockProbeParser.Parse(new RemoteHost("vm1", 22, "debian"), locks, output, DateTimeOffset.Now);

        Assert.False(report.Locks[0].Exists);
        Assert.True(report.Locks[1].Exists);
        Assert.True(report.Locks[1].IsHeld);
    }

    [Theory]
    [InlineData("file 2d 830704 /var/lib/dpkg/lock")]
    [InlineData("file 2d 830704 7")]
    [InlineData("missing - - -1")]
    public void ALockProbeFileLineWithoutAValidIndexIsGarbled(string line)
    {
        string output = "aptready-lockprobe 1\n" + line + "\nlocks-readable\nend\n";
        Assert.Throws<ProbeOutputException>(() => LockProbeParser.Parse(new RemoteHost("vm1", 22, "debian"), AptLockFile.All, output, DateTimeOffset.Now));
    }
}
