using System.Collections.Generic;
using AptReady.Core.CloudConfig;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig;

/// <summary>.NET's '$' also matches before a final "\n": "web1\n" passed as a host name and wrote a two-line known_hosts entry.</summary>
public class TrailingNewlineTests
{
    public static IEnumerable<object[]> Validators()
    {
        yield return new object[] { "HostName", (Action<string>)(v => CloudConfigInput.HostName(v, "HostName")), "web1" };
        yield return new object[] { "Fqdn", (Action<string>)(v => CloudConfigInput.FullyQualifiedDomainName(v, "Fqdn")), "web1.lab" };
        yield return new object[] { "User", (Action<string>)(v => CloudConfigInput.UserName(v, "User")), "debian" };
        yield return new object[] { "Owner", (Action<string>)(v => CloudConfigInput.Owner(v, "WriteFile")), "root:root" };
        yield return new object[] { "Package", (Action<string>)(v => CloudConfigInput.PackageName(v, "Package")), "nginx" };
        yield return new object[] { "Timezone", (Action<string>)(v => CloudConfigInput.Timezone(v, "Timezone")), "Europe/Berlin" };
        yield return new object[] { "Locale", (Action<string>)(v => CloudConfigInput.Locale(v, "Locale")), "en_US.UTF-8" };
        yield return new object[] { "apt source name", (Action<string>)(v => new CloudConfigAptSource(v, "deb http://example.invalid/debian bookworm main")), "mirror" };
        yield return new object[] { "InstanceId", (Action<string>)(v => new NoCloudSeed("#cloud-config\n", null, v)), "i-123" };
    }

    [Theory]
    [MemberData(nameof(Validators))]
    public void AFinalNewlineIsRefused(string what, Action<string> validate, string valid)
    {
        validate(valid);
        var ex = Assert.Throws<ArgumentException>(() => validate(valid + "\n"));
        Assert.False(string.IsNullOrEmpty(ex.Message), what);
    }
}
