using System.Diagnostics;
using System.Text;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>Runs a script as AptReady sends it (sh -c SCRIPT), under a local shell, with a deadline.</summary>
internal static class LocalShell
{
    public const string Dash = "/usr/bin/dash";
    public const string Busybox = "/usr/bin/busybox";
    public const string Shellcheck = "/usr/bin/shellcheck";

    /// <summary>The command that starts a POSIX shell: dash, or busybox's ash as 'busybox sh'.</summary>
    public static string[] ShellCommand(string shell) => shell == Busybox ? new[] { Busybox, "sh" } : new[] { shell };

    public static (int ExitCode, string StdOut, string StdErr) Run(
        string[] command, IEnumerable<string> arguments, string? stdin = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(" ", command)} did not end within 60 s.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs <paramref name="script"/> as 'SHELL -c SCRIPT sh ARGS...', the way the exec line runs it.</summary>
    public static (int ExitCode, string StdOut, string StdErr) RunScript(
        string shell, string script, string[]? positional = null, string? stdin = null, IDictionary<string, string>? environment = null) =>
        Run(ShellCommand(shell), new[] { "-c", script, "sh" }.Concat(positional ?? Array.Empty<string>()), stdin, environment);
}

/// <summary>A theory that is skipped, with the reason, when a tool it runs is not installed.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(string toolPath)
    {
        if (!File.Exists(toolPath))
        {
            Skip = toolPath + " is not installed (tests/prerequisites.sh installs it).";
        }
    }
}
