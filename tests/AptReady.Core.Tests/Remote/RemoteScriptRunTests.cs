using AptReady.Core.Apt;
using AptReady.Core.CloudConfig;
using AptReady.Core.CloudInit;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using AptReady.Core.Tests.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>
/// The scripts as sent, run here under dash and under busybox sh (ash), where running them is harmless:
/// the probes only read; the root parts run with PATH holding only stand-ins for apt-get and dpkg, so
/// the real ones can never start. apt, dpkg and cloud-init themselves are the Pester tests' real targets.
/// </summary>
public sealed class RemoteScriptRunTests : IDisposable
{
    private static readonly RemoteHost Host = new RemoteHost("localhost", 22, "test");

    private readonly string _folder = Directory.CreateTempSubdirectory("aptready-scripts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ToolFact(LocalShell.Dash)]
    public void TheLockProbeRunsAndParsesUnderDash() => TheLockProbeRunsAndParses(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheLockProbeRunsAndParsesUnderBusybox() => TheLockProbeRunsAndParses(LocalShell.Busybox);

    private void TheLockProbeRunsAndParses(string shell)
    {

        var result = LocalShell.RunScript(shell, LockProbe.Build(AptLockFile.All).Script);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var report = LockProbeParser.Parse(Host, AptLockFile.All, result.StdOut, DateTimeOffset.Now);
        Assert.Equal(AptLockFile.All.Count, report.Locks.Count);
        Assert.Contains("\nuptime ", result.StdOut);
        Assert.EndsWith("\nend\n", result.StdOut);
    }

    [ToolFact(LocalShell.Dash)]
    public void TheCloudInitCheckRunsAndParsesUnderDash() => TheCloudInitCheckRunsAndParses(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheCloudInitCheckRunsAndParsesUnderBusybox() => TheCloudInitCheckRunsAndParses(LocalShell.Busybox);

    private void TheCloudInitCheckRunsAndParses(string shell)
    {

        var result = LocalShell.RunScript(shell, CloudInitProbe.BuildCheck().Script);

        Assert.True(result.ExitCode == 0, result.StdErr);
        var parsed = CloudInitProbeParser.Parse(Host, result.StdOut);
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), parsed.BootId);
        Assert.Matches(@"\noutcome (finished|checked) 0\.\d\d\n", result.StdOut);
        Assert.Matches(@"\nuptime \d+\.\d\d\n", result.StdOut);
    }

    [ToolFact(LocalShell.Dash)]
    public void TheAptRootPartTagsEachSourceAndPassesTheExitCodeOnUnderDash() => TheAptRootPartTagsEachSourceAndPassesTheExitCodeOn(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheAptRootPartTagsEachSourceAndPassesTheExitCodeOnUnderBusybox() => TheAptRootPartTagsEachSourceAndPassesTheExitCodeOn(LocalShell.Busybox);

    private void TheAptRootPartTagsEachSourceAndPassesTheExitCodeOn(string shell)
    {
        string bin = StandIn("apt-get", "printf 'Reading package lists...\\n'; printf 'W: a warning\\n' >&2; printf 'pmstatus:jq:50:Unpacking jq\\n' >&3; printf '%s\\n' \"$*\"; exit 100");

        var result = LocalShell.RunScript(shell, new AptGetCommand(AptGetVerb.Install, new[] { "jq" }).RootScript, new[] { "42" }, environment: OnlyPath(bin));

        Assert.Equal(100, result.ExitCode);
        string[] lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("run", lines[0]);
        Assert.Equal("apt-exit 100", lines[^1]);
        Assert.Contains("out Reading package lists...", lines);
        Assert.Contains("err W: a warning", lines);
        Assert.Contains("status pmstatus:jq:50:Unpacking jq", lines);
        Assert.Contains("out -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold -o APT::Status-Fd=3 -o DPkg::Lock::Timeout=42 install jq", lines);
    }

    [ToolFact(LocalShell.Dash)]
    public void TheAptScriptWaitsForFreeLocksThenRunsTheRootPartUnderDash() => TheAptScriptWaitsForFreeLocksThenRunsTheRootPart(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheAptScriptWaitsForFreeLocksThenRunsTheRootPartUnderBusybox() => TheAptScriptWaitsForFreeLocksThenRunsTheRootPart(LocalShell.Busybox);

    private void TheAptScriptWaitsForFreeLocksThenRunsTheRootPart(string shell)
    {
        string bin = StandIn("apt-get", "printf 'Hit:1 local bookworm InRelease\\n'; exit 0");
        foreach (string tool in new[] { "stat", "sleep", "setsid" })
        {
            LinkTool(bin, tool);
        }

        var command = new AptGetCommand(AptGetVerb.Update);
        string script = AptGetScript.Build(command, TimeSpan.FromSeconds(30), RootElevation.AlreadyRoot).Script;
        var result = LocalShell.RunScript(shell, script, environment: OnlyPath(bin));

        Assert.True(result.ExitCode == 0, result.StdErr);
        var transcript = AptGetOutputParser.Parse(result.StdOut, command.LocksToWaitFor);
        Assert.Equal(AptGetScriptOutcome.Ran, transcript.Outcome);
        Assert.Equal(0, transcript.AptExitCode);
        Assert.Contains("Hit:1 local bookworm InRelease", transcript.AptOutput);
    }

    [ToolFact(LocalShell.Dash)]
    public void TheDpkgRepairRootPartTagsDpkgsLinesUnderDash() => TheDpkgRepairRootPartTagsDpkgsLines(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheDpkgRepairRootPartTagsDpkgsLinesUnderBusybox() => TheDpkgRepairRootPartTagsDpkgsLines(LocalShell.Busybox);

    private void TheDpkgRepairRootPartTagsDpkgsLines(string shell)
    {
        string bin = StandIn("dpkg", "printf 'Setting up aptready-slow (1.0) ...\\n'; printf '%s\\n' \"$*\" >&2; exit 1");

        var result = LocalShell.RunScript(shell, RemoteScript.Load("DpkgRepairRoot.sh"), environment: OnlyPath(bin));

        var lines = new List<string>();
        Assert.Equal(1, DpkgRepairScript.Parse(result.StdOut, lines));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(new[] { "Setting up aptready-slow (1.0) ...", "--force-confdef --force-confold --configure -a" }, lines);
    }

    [ToolFact(LocalShell.Dash)]
    public void TheSchemaCheckSaysWhenCloudInitIsMissingAndLeavesNoCopyUnderDash() => TheSchemaCheckSaysWhenCloudInitIsMissingAndLeavesNoCopy(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void TheSchemaCheckSaysWhenCloudInitIsMissingAndLeavesNoCopyUnderBusybox() => TheSchemaCheckSaysWhenCloudInitIsMissingAndLeavesNoCopy(LocalShell.Busybox);

    private void TheSchemaCheckSaysWhenCloudInitIsMissingAndLeavesNoCopy(string shell)
    {
        string bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        foreach (string tool in new[] { "mktemp", "cat", "rm" })
        {
            LinkTool(bin, tool);
        }

        string tmp = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        var environment = OnlyPath(bin);
        environment["TMPDIR"] = tmp;
        var result = LocalShell.RunScript(shell, CloudConfigSchemaCheck.Build("#cloud-config\n").Script, stdin: "#cloud-config\n", environment: environment);

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("cloud-init is not installed on this host\n", result.StdErr);
        Assert.Empty(Directory.GetFileSystemEntries(tmp));
    }

    private static Dictionary<string, string> OnlyPath(string bin) => new() { ["PATH"] = bin };

    private static void LinkTool(string bin, string tool)
    {
        string? real = new[] { "/usr/bin/", "/bin/", "/usr/sbin/" }.Select(d => d + tool).FirstOrDefault(File.Exists);
        Assert.True(real != null, tool + " is not installed.");
        File.CreateSymbolicLink(Path.Combine(bin, tool), real!);
    }

    // A stand-in program: a sh script that prints what a real one would and exits with its code.
    private string StandIn(string name, string body)
    {
        string bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        string path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }

        return bin;
    }
}
