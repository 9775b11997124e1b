using AptReady.Core.Locks;
using AptReady.Core.Remote;
using Xunit;

namespace AptReady.Core.Tests.Locks
{
    public class LockProbeParserTests
    {
        private static readonly RemoteHost Host = new RemoteHost("vm1", 2222, "debian");
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);

        // Captured from a bookworm container target: a python3 process (pid 14) holds the dpkg
        // frontend lock with lockf, a second (pid 21) waits for it, and dpkg left updates/0003.
        internal const string HeldByPython = @"aptready-lockprobe 1
file 2d 827520 0
file 2d 830703 1
file 2d 830704 2
file 2d 829164 3
missing - - 4
locks-readable
lock 1: POSIX  ADVISORY  WRITE 14 00:2d:830703 0 EOF
lock 1: -> POSIX  ADVISORY  WRITE 21 00:2d:830703 0 EOF
comm 14 python3 
cmdline 14 python3 -c  import fcntl, os, sys, time f = open(sys.argv[1], ""a"") fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB) open(""/tmp/aptready-held"", ""w"").write(str(os.getpid())) time.sleep(float(sys.argv[2]))  /var/lib/dpkg/lock-frontend 120 
cgroup 14 9:name=systemd:/ 8:pids:/ 7:blkio:/ 6:freezer:/ 5:devices:/ 4:memory:/process_api/9688dd72d051933368abc4547862f06c 3:cpuset:/ 2:cpuacct:/ 1:cpu:/ 0::/ 
stat 14 14 (python3) S 1 14 14 0 -1 4194560 863 0 0 0 0 0 0 0 20 0 1 0 100804 13852672 1941 18446744073709551615 1 1 0 0 0 0 0 16781318 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0 
comm 21 python3 
cmdline 21 python3 -c import fcntl,time; f=open(""/var/lib/dpkg/lock-frontend"",""a""); fcntl.lockf(f, fcntl.LOCK_EX); time.sleep(100) 
cgroup 21 9:name=systemd:/ 8:pids:/ 7:blkio:/ 6:freezer:/ 5:devices:/ 4:memory:/process_api/9688dd72d051933368abc4547862f06c 3:cpuset:/ 2:cpuacct:/ 1:cpu:/ 0::/ 
stat 21 21 (python3) S 0 0 0 0 -1 4194304 870 0 0 0 0 0 0 0 20 0 1 0 100814 13721600 1954 18446744073709551615 1 1 0 0 0 0 0 16781318 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0 
uptime 1022.19
clktck 100
dpkg-update 0003
end
";

        private static AptLockReport Parse(string output) =>
            LockProbeParser.Parse(Host, AptLockFile.All, output, Now);

        [Fact]
        public void NamesTheHolderOfTheDpkgFrontendLock()
        {
            var report = Parse(HeldByPython);
            var frontend = Assert.Single(report.HeldLocks);
            Assert.Equal("/var/lib/dpkg/lock-frontend", frontend.Path);
            Assert.Equal(14, frontend.HolderPid);
            Assert.Equal("python3", frontend.ProcessName);
            Assert.StartsWith("python3 -c", frontend.CommandLine);
            Assert.Equal("vm1", frontend.ComputerName);
            Assert.Equal(2222, frontend.Port);
            Assert.Equal("debian", frontend.UserName);
        }

        [Fact]
        public void AWaiterIsNotAHolder()
        {
            var report = Parse(HeldByPython);
            Assert.DoesNotContain(report.Locks, l => l.HolderPid == 21);
        }

        [Fact]
        public void ComputesHowLongTheHolderHasRun()
        {
            // starttime 100804 ticks at 100 Hz = 1008.04 s after boot; uptime 1022.19 s.
            var frontend = Assert.Single(Parse(HeldByPython).HeldLocks);
            Assert.Equal(14.15, frontend.HolderRunningFor!.Value.TotalSeconds, 2);
        }

        [Fact]
        public void ReportsOtherLocksFreeAndAMissingFileAsFree()
        {
            var report = Parse(HeldByPython);
            Assert.False(report.Locks.Single(l => l.Lock == "Lists").IsHeld);
            var unattended = report.Locks.Single(l => l.Lock == "UnattendedUpgrades");
            Assert.False(unattended.Exists);
            Assert.False(unattended.IsHeld);
            Assert.False(report.AllFree);
        }

        [Fact]
        public void DetectsAnInterruptedDpkg()
        {
            var report = Parse(HeldByPython);
            Assert.True(report.DpkgInterrupted);
            Assert.Equal(new[] { "0003" }, report.PendingDpkgUpdates);
            Assert.All(report.Locks, l => Assert.True(l.DpkgInterrupted));
        }

        [Fact]
        public void ListsRunningPackageActivity()
        {
            var report = Parse(HeldByPython.Replace("comm 21 python3", "comm 21 apt-get"));
            var activity = Assert.Single(report.PackageActivity);
            Assert.Equal(21, activity.Pid);
        }

        [Fact]
        public void AHolderInAnotherPidNamespaceIsHeldButUnknown()
        {
            string output = HeldByPython.Replace("WRITE 14 00:2d:830703", "WRITE 0 00:2d:830703");
            var frontend = Assert.Single(Parse(output).HeldLocks);
            Assert.True(frontend.IsHeld);
            Assert.Equal(0, frontend.HolderPid);
            Assert.Null(frontend.ProcessName);
            Assert.False(frontend.Holder!.IsKnown);
        }

        [Fact]
        public void ALockOnAnotherDeviceWithTheSameInodeIsNotThisFile()
        {
            string output = HeldByPython.Replace("WRITE 14 00:2d:830703", "WRITE 14 fe:01:830703");
            Assert.True(Parse(output).AllFree);
        }

        [Fact]
        public void UnreadableProcLocksIsAnErrorNeverFree()
        {
            string output = HeldByPython.Replace("locks-readable", "locks-unreadable");
            var ex = Assert.Throws<LockProbeException>(() => Parse(output));
            Assert.Contains("/proc/locks", ex.Message);
        }

        [Theory]
        [InlineData("Welcome to the machine\n")]
        [InlineData("")]
        public void OutputWithoutTheHeaderIsRefusedQuotingWhatWasRead(string output)
        {
            var ex = Assert.Throws<ProbeOutputException>(() => Parse(output.Replace("\\n", "\n")));
            Assert.Contains("Output read:", ex.Message);
        }

        [Fact]
        public void TruncatedOutputIsRefused()
        {
            string output = HeldByPython.Substring(0, HeldByPython.IndexOf("uptime", StringComparison.Ordinal));
            Assert.Throws<ProbeOutputException>(() => Parse(output));
        }

        [Theory]
        [InlineData("0::/system.slice/cloud-final.service", "cloud-final.service")]
        [InlineData("12:pids:/system.slice/apt-daily.service 1:name=systemd:/system.slice/apt-daily.service", "apt-daily.service")]
        [InlineData("0::/user.slice/user-1000.slice/session-3.scope", "session-3.scope")]
        [InlineData("0::/", null)]
        [InlineData("", null)]
        public void ReadsTheSystemdUnitFromCgroup(string cgroup, string? unit)
        {
            Assert.Equal(unit, SystemdUnit.FromCgroup(cgroup));
        }

        [Theory]
        [InlineData("1: POSIX  ADVISORY  WRITE 576 fe:00:11682308 0 EOF", "POSIX", 576, 0xfeu, 0u, 11682308ul, false)]
        [InlineData("2: -> POSIX  ADVISORY  WRITE 577 fe:00:11682308 0 EOF", "POSIX", 577, 0xfeu, 0u, 11682308ul, true)]
        [InlineData("3: OFDLCK ADVISORY  WRITE -1 00:2d:42 0 EOF", "OFDLCK", -1, 0u, 0x2du, 42ul, false)]
        [InlineData("4: FLOCK  ADVISORY  WRITE 88 103:02:7 0 EOF", "FLOCK", 88, 0x103u, 2u, 7ul, false)]
        public void ParsesProcLocksLines(string line, string kind, int pid, uint major, uint minor, ulong inode, bool waiting)
        {
            Assert.True(ProcLocksEntry.TryParse(line, out var entry));
            Assert.Equal(kind, entry!.Kind);
            Assert.Equal(pid, entry.Pid);
            Assert.Equal(major, entry.DeviceMajor);
            Assert.Equal(minor, entry.DeviceMinor);
            Assert.Equal(inode, entry.Inode);
            Assert.Equal(waiting, entry.IsWaiting);
        }

        [Fact]
        public void MatchesGlibcEncodedDevicesAgainstTheKernelsMajorMinor()
        {
            Assert.True(ProcLocksEntry.TryParse("1: POSIX ADVISORY WRITE 1 103:02:7 0 EOF", out var entry));
            // stat %D prints glibc's dev_t: major 0x103, minor 2 encode as 0x10302.
            Assert.True(LockProbeParser.SameFile(entry!, 0x10302, 7));
            Assert.False(LockProbeParser.SameFile(entry!, 0x10303, 7));
        }
    }
}
