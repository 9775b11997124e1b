using AptReady.Core;
using Xunit;

namespace AptReady.Core.Tests;

public class InputExcerptTests
{
    [Theory]
    [InlineData("/var/tmp/a\u001b[31mred\u0007", "'/var/tmp/a\\u001b[31mred\\u0007'")]
    [InlineData("web1\n", "'web1\\n'")]
    [InlineData("a\tb\rc\\d'e", "'a\\tb\\rc\\\\d\\'e'")]
    [InlineData("a\u202eb\u0000", "'a\\u202eb\\u0000'")]
    [InlineData("é€😀", "'é€😀'")]
    public void EscapesWhatWouldDriveATerminalOrBreakALine(string input, string expected)
    {
        Assert.Equal(expected, InputExcerpt.Of(input));
    }

    [Fact]
    public void ShowsOnlyTheStartOfALongValue()
    {
        string excerpt = InputExcerpt.Of(new string('x', 200000));
        Assert.StartsWith("'" + new string('x', InputExcerpt.MaxLength) + "…'", excerpt);
        Assert.EndsWith("(200000 characters)", excerpt);
    }

    [Theory]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA")]
    [InlineData("PuTTY-User-Key-File-3: ssh-ed25519")]
    [InlineData("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW")]
    public void NeverEchoesWhatLooksLikeKeyMaterial(string input)
    {
        Assert.Equal(InputExcerpt.KeyMaterial, InputExcerpt.Of(input));
    }

    [Fact]
    public void NamesNull()
    {
        Assert.Equal("(null)", InputExcerpt.Of(null));
    }
}
