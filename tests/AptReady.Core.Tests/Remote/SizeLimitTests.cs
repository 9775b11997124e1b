using System.Linq;
using AptReady.Core.Apt;
using AptReady.Core.Locks;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Remote;

/// <summary>Values too many or too long are refused before anything is sent, each under its own id.</summary>
public class SizeLimitTests
{
    [Fact]
    public void TwentyThousandPackagesAreTooMany()
    {
        var names = Enumerable.Range(0, 20000).Select(i => "pkg" + i);
        var ex = Assert.Throws<InvalidInputException>(() => new AptGetCommand(AptGetVerb.Install, names));
        Assert.Equal("TooManyPackages", ex.ErrorId);
    }

    [Fact]
    public void AHugePackageNameIsTooLong()
    {
        var ex = Assert.Throws<InvalidInputException>(() => PackageSpec.Parse("a" + new string('b', 200000)));
        Assert.Equal("ArgumentTooLong", ex.ErrorId);
        Assert.True(ex.Message.Length < 300);
    }

    [Fact]
    public void A200KilobyteLockPathIsTooLong()
    {
        var ex = Assert.Throws<InvalidInputException>(() => AptLockFile.ForPath("/" + new string('a', 200000)));
        Assert.Equal("PathTooLong", ex.ErrorId);
    }

    [Fact]
    public void ManyPathsThatWouldNotFitOneSshRequestAreRefused()
    {
        var locks = Enumerable.Range(0, 5000).Select(i => AptLockFile.ForPath("/var/tmp/lock-number-" + i)).ToList();
        var ex = Assert.Throws<InvalidInputException>(() => LockProbe.Build(locks));
        Assert.Equal("CommandTooLong", ex.ErrorId);
    }

    [Theory]
    [InlineData("a\0b", "InvalidPath")]
    [InlineData("key\nfile", "InvalidPath")]
    [InlineData("", "InvalidPath")]
    public void LocalPathsWithControlCharactersAreRefused(string path, string id)
    {
        var ex = Assert.Throws<InvalidInputException>(() => LocalFile.CheckPath(path, "OutFile"));
        Assert.Equal(id, ex.ErrorId);
    }

    [Fact]
    public void TheLargestLockWaitStillBuildsAScript()
    {
        string script = AptGetScript.Build(new AptGetCommand(AptGetVerb.Update), TimeSpan.MaxValue).Script;
        Assert.Contains("2147483647", script);
    }
}
