using System.Diagnostics;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Remote
{
    /// <summary>Quoted values pass through a real /bin/sh unchanged and run nothing.</summary>
    public class ShellQuoteRealShellTests
    {
        [Theory]
        [InlineData("plain")]
        [InlineData("it's a 'quote'")]
        [InlineData("$(touch /tmp/aptready-quote-marker)")]
        [InlineData("`touch /tmp/aptready-quote-marker`")]
        [InlineData("; touch /tmp/aptready-quote-marker")]
        [InlineData("a\nb\tc")]
        [InlineData("-n")]
        [InlineData("*")]
        [InlineData("\\\"$HOME\"")]
        [InlineData("ünïcødé ✓")]
        public void RoundTripsThroughSh(string value)
        {
            string marker = "/tmp/aptready-quote-marker";
            File.Delete(marker);
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("printf '%s' " + ShellQuote.Quote(value));
            using var sh = Process.Start(start)!;
            string output = sh.StandardOutput.ReadToEnd();
            sh.WaitForExit();
            Assert.Equal(0, sh.ExitCode);
            Assert.Equal(value, output);
            Assert.False(File.Exists(marker));
        }
    }
}
