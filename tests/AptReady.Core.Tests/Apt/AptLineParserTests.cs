using AptReady.Core.Apt;
using Xunit;

namespace AptReady.Core.Tests.Apt;

public class AptLineParserTests
{
    [Theory]
    [InlineData("dlstatus:1:0.0000:Retrieving file 1 of 3", AptStatusKind.Download, "1", 0.0, "Retrieving file 1 of 3")]
    [InlineData("pmstatus:libonig5:7.6923:Unpacking libonig5 (amd64)", AptStatusKind.PackageManager, "libonig5", 7.6923, "Unpacking libonig5 (amd64)")]
    [InlineData("pmerror:aptready-broken:60.0000:installed aptready-broken package post-installation script subprocess returned error exit status 1", AptStatusKind.PackageError, "aptready-broken", 60.0, "installed aptready-broken package post-installation script subprocess returned error exit status 1")]
    [InlineData("pmconffile:/etc/aptready/hello.conf:40.0000:'/etc/aptready/hello.conf' '/etc/aptready/hello.conf.dpkg-new' 1 1", AptStatusKind.ConfFilePrompt, "/etc/aptready/hello.conf", 40.0, "'/etc/aptready/hello.conf' '/etc/aptready/hello.conf.dpkg-new' 1 1")]
    [InlineData("pmstatus:foo:10:a: message: with colons", AptStatusKind.PackageManager, "foo", 10.0, "a: message: with colons")]
    public void StatusLinesAreTyped(string line, AptStatusKind kind, string subject, double percent, string message)
    {
        Assert.True(AptStatusLine.TryParse(line, out var status));
        Assert.Equal(kind, status!.Kind);
        Assert.Equal(subject, status.Subject);
        Assert.Equal(percent, status.Percent);
        Assert.Equal(message, status.Message);
    }

    [Fact]
    public void MediaChangeHasNoPercent()
    {
        Assert.True(AptStatusLine.TryParse("media-change: Debian 12 disc 1:/media/cdrom:Please insert the disc", out var status));
        Assert.Equal(AptStatusKind.MediaChange, status!.Kind);
        Assert.Null(status.Percent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Reading package lists...")]
    [InlineData("pmstatus:foo:notanumber:x")]
    [InlineData("pmstatus:foo")]
    [InlineData("dpkgstatus:foo:1:x")]
    public void OtherLinesAreNotStatus(string line)
    {
        Assert.False(AptStatusLine.TryParse(line, out _));
    }

    [Theory]
    [InlineData("14 upgraded, 0 newly installed, 0 to remove and 1 not upgraded.", 14, 0, 0, 1)]
    [InlineData("0 upgraded, 3 newly installed, 0 to remove and 15 not upgraded.", 0, 3, 0, 15)]
    [InlineData("0 upgraded, 0 newly installed, 2 to remove and 5 not upgraded.", 0, 0, 2, 5)]
    [InlineData("1 upgraded, 2 newly installed, 1 reinstalled, 3 to remove and 4 not upgraded.", 1, 2, 3, 4)]
    public void SummaryLinesGiveTheCounts(string line, int upgraded, int installed, int removed, int notUpgraded)
    {
        Assert.True(AptSummary.TryParse(line, out var s));
        Assert.Equal((upgraded, installed, removed, notUpgraded), (s!.Upgraded, s.NewlyInstalled, s.Removed, s.NotUpgraded));
    }

    [Theory]
    [InlineData("Need to get 389 kB of archives.")]
    [InlineData("out 0 upgraded, 1 newly installed, 0 to remove and 5 not upgraded.")]
    public void OtherLinesAreNoSummary(string line)
    {
        Assert.False(AptSummary.TryParse(line, out _));
    }

    [Theory]
    [InlineData("Inst aptready-hello (1:1.2.3~rc1-0+deb12u1 local-deb [all])", AptPackageAction.SimulatedInstall, "aptready-hello", null, "1:1.2.3~rc1-0+deb12u1", null)]
    [InlineData("Inst perl-base [5.36.0-7+deb12u3] (5.36.0-7+deb12u4 Debian-Security:12/oldstable-security [amd64])", AptPackageAction.SimulatedInstall, "perl-base", null, "5.36.0-7+deb12u4", "5.36.0-7+deb12u3")]
    [InlineData("Inst libkrb5support0 [1.21.3-5+deb13u1] (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64]) [libkrb5-3:amd64 ]", AptPackageAction.SimulatedInstall, "libkrb5support0", null, "1.21.3-5+deb13u2", "1.21.3-5+deb13u1")]
    [InlineData("Conf libssl3 (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])", AptPackageAction.SimulatedConfigure, "libssl3", null, "3.0.22-1~deb12u2", null)]
    [InlineData("Remv libjq1 [1.6-2.1+deb12u3]", AptPackageAction.SimulatedRemove, "libjq1", null, "1.6-2.1+deb12u3", null)]
    [InlineData("Purg openssh-server [1:9.2p1-2+deb12u10]", AptPackageAction.SimulatedPurge, "openssh-server", null, "1:9.2p1-2+deb12u10", null)]
    [InlineData("Unpacking libonig5:amd64 (6.9.8-1) ...", AptPackageAction.Unpacked, "libonig5", "amd64", "6.9.8-1", null)]
    [InlineData("Setting up jq (1.7.1-6+deb13u4) ...", AptPackageAction.SetUp, "jq", null, "1.7.1-6+deb13u4", null)]
    [InlineData("Removing jq (1.6-2.1+deb12u3) ...", AptPackageAction.Removed, "jq", null, "1.6-2.1+deb12u3", null)]
    [InlineData("Purging configuration files for aptready-hello (1:1.2.3~rc1-0+deb12u1) ...", AptPackageAction.Purged, "aptready-hello", null, "1:1.2.3~rc1-0+deb12u1", null)]
    public void PackageLinesAreRead(string line, AptPackageAction action, string name, string? arch, string version, string? previous)
    {
        Assert.True(AptPackageChange.TryParse(line, out var c));
        Assert.Equal(action, c!.Action);
        Assert.Equal(name, c.Package);
        Assert.Equal(arch, c.Architecture);
        Assert.Equal(version, c.Version);
        Assert.Equal(previous, c.PreviousVersion);
    }

    [Theory]
    [InlineData("Selecting previously unselected package jq.")]
    [InlineData("Preparing to unpack .../jq_1.7.1-6+deb13u4_amd64.deb ...")]
    [InlineData("Processing triggers for libc-bin (2.41-12+deb13u5) ...")]
    [InlineData("Installing: jq")]
    public void OtherLinesAreNoChange(string line)
    {
        Assert.False(AptPackageChange.TryParse(line, out _));
    }
}
