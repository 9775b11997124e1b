using AptReady.Core.Apt;
using AptReady.Core.Remote;
using AptReady.Core.Tests.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>How a remote script is assembled from its .sh file and the shared helper library.</summary>
public sealed class RemoteScriptTests
{
    [Fact]
    public void TheLibraryHoldsTheSharedHelpers()
    {
        Assert.Equal(
            new[] { "boot_id", "detach", "dpkg_updates", "fold_file", "fold_lines", "tag", "uptime_cs" },
            RemoteScript.HelperNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void AnUnknownHelperIsRefused()
    {
        Assert.Throws<ArgumentException>(() => RemoteScript.Helper("sleep_forever"));
        Assert.Throws<ArgumentException>(() => RemoteScript.Load("NoSuchScript.sh"));
    }

    [Fact]
    public void EachHelperIsSentOnceByTheScriptsThatUseIt()
    {
        var command = new AptGetCommand(AptGetVerb.Install, new[] { "jq" });
        string script = AptGetScript.Build(command, TimeSpan.FromSeconds(5)).Script;

        Assert.Single(Occurrences(command.RootScript, "tag() {"));
        Assert.Single(Occurrences(script, "uptime_cs() {"));
        Assert.Single(Occurrences(script, "dpkg_updates() {"));
        Assert.Empty(Occurrences(script, "fold_file() {"));
    }

    [Fact]
    public void CommentsStayInTheFilesButShellcheckDirectivesAreSent()
    {
        string script = AptGetScript.Build(new AptGetCommand(AptGetVerb.Update), TimeSpan.FromSeconds(5)).Script;

        Assert.Contains("# shellcheck disable=SC2050", script);
        Assert.DoesNotContain("# tag:", RemoteScript.Load("AptGetCommand.sh"));
        Assert.DoesNotMatch(@"(?m)^\s*#(?! shellcheck )", script);
    }

    [ToolFact(LocalShell.Dash)]
    public void UptimeIsReadInHundredthsUnderDash() => AssertUptimeInHundredths(LocalShell.Dash);

    [ToolFact(LocalShell.Busybox)]
    public void UptimeIsReadInHundredthsUnderBusybox() => AssertUptimeInHundredths(LocalShell.Busybox);

    [ToolFact(LocalShell.Dash)]
    public void FoldingPutsAValueOnOneLine()
    {
        var result = LocalShell.RunScript(LocalShell.Dash, RemoteScript.Helper("fold_lines") + "printf 'a\\tb\\nc\\r\\000d' | fold_lines");

        Assert.Equal("a b c  d", result.StdOut);
    }

    private static void AssertUptimeInHundredths(string shell)
    {
        var result = LocalShell.RunScript(shell, RemoteScript.Helper("uptime_cs") + "uptime_cs; printf '%s %s\\n' \"$u\" \"$now\"");

        string[] fields = result.StdOut.Trim().Split(' ');
        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal(fields[0].Replace(".", string.Empty).TrimStart('0'), fields[1]);
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
