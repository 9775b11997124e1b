using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Remote
{
    public class ShellQuoteTests
    {
        [Theory]
        [InlineData("plain", "'plain'")]
        [InlineData("", "''")]
        [InlineData("it's", "'it'\\''s'")]
        [InlineData("$(touch /tmp/x)", "'$(touch /tmp/x)'")]
        public void QuotesAsOneSingleQuotedWord(string value, string expected)
        {
            Assert.Equal(expected, ShellQuote.Quote(value));
        }

        [Fact]
        public void RefusesNul()
        {
            Assert.Throws<System.ArgumentException>(() => ShellQuote.Quote("a\0b"));
        }
    }
}
