using AptReady.Core;
using AptReady.Core.Apt;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class PackageSpecTests
{
    [Theory]
    [InlineData("nginx", "nginx", null, null, null)]
    [InlineData("g++", "g++", null, null, null)]
    [InlineData("libstdc++6", "libstdc++6", null, null, null)]
    [InlineData("python3.11-minimal", "python3.11-minimal", null, null, null)]
    [InlineData("libonig5:amd64", "libonig5", "amd64", null, null)]
    [InlineData("jq=1.6-2.1+deb12u3", "jq", null, "1.6-2.1+deb12u3", null)]
    [InlineData("aptready-hello=1:1.2.3~rc1-0+deb12u1", "aptready-hello", null, "1:1.2.3~rc1-0+deb12u1", null)]
    [InlineData("openssh-server:amd64=1:9.2p1-2+deb12u10", "openssh-server", "amd64", "1:9.2p1-2+deb12u10", null)]
    [InlineData("tzdata=2026f-0+deb12u1", "tzdata", null, "2026f-0+deb12u1", null)]
    [InlineData("apt=2.6.1", "apt", null, "2.6.1", null)]
    [InlineData("nginx/bookworm-backports", "nginx", null, null, "bookworm-backports")]
    [InlineData("linux-image-amd64/trixie", "linux-image-amd64", null, null, "trixie")]
    public void ValidSpecsParseIntoTheirParts(string value, string name, string? arch, string? version, string? release)
    {
        var spec = PackageSpec.Parse(value);

        Assert.Equal(name, spec.Name);
        Assert.Equal(arch, spec.Architecture);
        Assert.Equal(version, spec.Version);
        Assert.Equal(release, spec.Release);
        Assert.Equal(value, spec.ToString());
    }

    public static TheoryData<string> HostileValues => new()
    {
        "",
        "a",
        "nginx;reboot",
        "nginx && reboot",
        "$(reboot)",
        "`reboot`",
        "nginx`id`",
        "nginx jq",
        "nginx\njq",
        "nginx\r",
        "nginx\t",
        "-o",
        "--purge",
        "-oAPT::Update::Pre-Invoke::=reboot",
        ".nginx",
        "+nginx",
        "Nginx",
        "NGINX",
        "nginx-",
        "nginx'",
        "nginx\"",
        "nginx\\",
        "nginx|sh",
        "nginx>x",
        "nginx*",
        "nginx?",
        "../etc/passwd",
        "/tmp/x.deb",
        "nginx=",
        "nginx=$(id)",
        "nginx=1.0;id",
        "nginx=a1.0",
        "nginx=:1.0",
        "nginx=x:1.0",
        "nginx=1.0-",
        "nginx=1.0 -1",
        "nginx=1.0-1:2",
        "nginx/",
        "nginx/$(id)",
        "nginx/-x",
        "nginx/stable=1.0",
        "nginx=1.0/stable",
        "nginx:",
        "nginx:AMD64",
        "nginx:amd64;id",
        "ngi\u00f1x",
        "nginx\u0000",
        "nginx\u00a0",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void HostileOrInvalidValuesAreRefusedWithTheValueNamed(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => PackageSpec.Parse(value));

        Assert.False(PackageSpec.TryParse(value, out _));
        Assert.Contains("is not a valid package name", ex.Message);

        // Control characters are shown escaped, so the message is one safe line.
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains(InputExcerpt.Of(value), ex.Message);
    }

    [Fact]
    public void NullIsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => PackageSpec.Parse(null!));
    }
}
