using System.Diagnostics;
using AptReady.Core.Apt;
using AptReady.Core.Reboot;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Reboot;

public class RebootRequirementTests
{
    [Fact]
    public void TheFlagFileAndItsPackagesAskForAReboot()
    {
        var requirement = RebootRequirement.Parse("aptready-reboot-required 1\nflag /run/reboot-required\npkg linux-image-cloud-amd64\npkg libc6\npkg libc6\nboot-id 7c1d\n");
        Assert.True(requirement.Required);
        Assert.Equal(new[] { "/run/reboot-required" }, requirement.Signals);
        Assert.Equal(new[] { "linux-image-cloud-amd64", "libc6" }, requirement.Packages);
        Assert.Equal("7c1d", requirement.BootId);
    }

    [Fact]
    public void ANewerInstalledKernelAsksForARebootWithoutAFlag()
    {
        var requirement = RebootRequirement.Parse("aptready-reboot-required 1\nkernel 6.1.0-28-cloud-amd64 6.1.0-30-cloud-amd64\nboot-id 7c1d\n");
        Assert.True(requirement.Required);
        Assert.Equal("kernel 6.1.0-30-cloud-amd64 installed, 6.1.0-28-cloud-amd64 running", Assert.Single(requirement.Signals));
        Assert.Empty(requirement.Packages);
    }

    [Fact]
    public void NoSignalIsNoReboot()
    {
        var requirement = RebootRequirement.Parse("aptready-reboot-required 1\nboot-id -\n");
        Assert.False(requirement.Required);
        Assert.Null(requirement.BootId);
        Assert.Equal("no reboot required", requirement.ToString());
    }

    [Fact]
    public void OutputWithoutTheHeaderIsRefused()
    {
        var ex = Assert.Throws<ProbeOutputException>(() => RebootRequirement.Parse("sh: 1: uname: not found\n"));
        Assert.Contains("aptready-reboot-required 1", ex.Message);
    }

    [Fact]
    public void TheProbeRunsUnderShAndReadsThisMachinesBootId()
    {
        // The real script under the real sh: no flag is staged here, so only the boot id is asserted.
        var sh = new ProcessStartInfo("/bin/sh", new[] { "-c", RebootScripts.RebootRequiredProbe().Script })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(sh)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var requirement = RebootRequirement.Parse(output);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), requirement.BootId);
    }

    [Theory]
    [InlineData(RootElevation.SudoNonInteractive, "sudo -n /bin/sh -c 'printf")]
    [InlineData(RootElevation.SudoPasswordOnStdin, "sudo -S -p '' /bin/sh -c 'printf")]
    [InlineData(RootElevation.AlreadyRoot, "\n/bin/sh -c 'printf")]
    public void TheRebootRunsThroughTheAptRunsElevation(RootElevation elevation, string expected)
    {
        string script = RebootScripts.Reboot(elevation).Script;
        Assert.Contains(expected, script);
        Assert.Contains("systemctl --no-block reboot", script);
        Assert.DoesNotContain("@ROOT@", script);
    }

    [Theory]
    [InlineData("reboot-required.sh")]
    [InlineData("reboot.sh")]
    [InlineData("boot-id.sh")]
    public void EachEmbeddedScriptParsesUnderSh(string name)
    {
        string script = name == "reboot.sh" ? RebootScripts.Reboot(RootElevation.SudoNonInteractive).Script : RebootScripts.Load(name);
        var sh = new ProcessStartInfo("/bin/sh", new[] { "-n", "-c", script }) { RedirectStandardError = true };
        using var process = Process.Start(sh)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
