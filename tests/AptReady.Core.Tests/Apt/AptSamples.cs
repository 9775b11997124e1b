// Real outputs captured in overlay chroots of the cached bookworm (apt 2.6.1) and trixie (apt 3.0.4)
// root file systems; see the report on the apt branch for the commands. Kept byte for byte (\r included).
namespace AptReady.Core.Tests.Apt;

internal static class AptSamples
{
    // script-install-trixie.out
    public const string ScriptInstallTrixie =
        "aptready-aptget 1\n" +
        "held 0 26159 / python3\n" +
        "held 0 26159 / python3\n" +
        "free 226\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   jq\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 5 not upgraded.\n" +
        "out Need to get 0 B/78.9 kB of archives.\n" +
        "out After this operation, 128 kB of additional disk space will be used.\n" +
        "out Selecting previously unselected package jq.\r\n" +
        "status pmstatus:jq:0.0000:Preparing jq (amd64)\n" +
        "status pmstatus:jq:20.0000:Unpacking jq (amd64)\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 12285 files and directories currently installed.)\r\n" +
        "out Preparing to unpack .../jq_1.7.1-6+deb13u4_amd64.deb ...\r\n" +
        "out Unpacking jq (1.7.1-6+deb13u4) ...\r\n" +
        "status pmstatus:jq:40.0000:Installing jq (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up jq (1.7.1-6+deb13u4) ...\r\n" +
        "status pmstatus:jq:40.0000:Preparing to configure jq (amd64)\n" +
        "status pmstatus:jq:60.0000:Configuring jq (amd64)\n" +
        "status pmstatus:jq:80.0000:Installed jq (amd64)\n" +
        "apt-exit 0\n";

    // script-install-bookworm.out
    public const string ScriptInstallBookworm =
        "aptready-aptget 1\n" +
        "held 0 24567 / python3\n" +
        "held 0 24567 / python3\n" +
        "free 209\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   jq\n" +
        "err debconf: delaying package configuration, since apt-utils is not installed\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 15 not upgraded.\n" +
        "out Need to get 0 B/64.4 kB of archives.\n" +
        "out After this operation, 114 kB of additional disk space will be used.\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out Selecting previously unselected package jq.\r\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 13059 files and directories currently installed.)\r\n" +
        "out Preparing to unpack .../jq_1.6-2.1+deb12u3_amd64.deb ...\r\n" +
        "status pmstatus:jq:0.0000:Preparing jq (amd64)\n" +
        "status pmstatus:jq:20.0000:Unpacking jq (amd64)\n" +
        "out Unpacking jq (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:jq:40.0000:Installing jq (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up jq (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:jq:40.0000:Preparing to configure jq (amd64)\n" +
        "status pmstatus:jq:60.0000:Configuring jq (amd64)\n" +
        "status pmstatus:jq:80.0000:Installed jq (amd64)\n" +
        "apt-exit 0\n";

    // script-timeout-bookworm.out
    public const string ScriptTimeoutBookworm =
        "aptready-aptget 1\n" +
        "held 0 32034 / python3\n" +
        "held 0 32034 / python3\n" +
        "timeout 124\n";

    // script-interrupted-trixie.out
    public const string ScriptDpkgInterruptedTrixie =
        "aptready-aptget 1\n" +
        "free 1\n" +
        "dpkg-interrupted 0001\n";

    // install-jq-bookworm.out
    public const string FragmentInstallJqBookworm =
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following additional packages will be installed:\n" +
        "out   libjq1 libonig5\n" +
        "out The following NEW packages will be installed:\n" +
        "out   jq libjq1 libonig5\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 3\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 3\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 3\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 3\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 3\n" +
        "status dlstatus:1:1.6586:Retrieving file 1 of 3\n" +
        "out 0 upgraded, 3 newly installed, 0 to remove and 15 not upgraded.\n" +
        "out Need to get 389 kB of archives.\n" +
        "out After this operation, 1170 kB of additional disk space will be used.\n" +
        "out Get:1 http://mirror.example/debian bookworm/main amd64 libonig5 amd64 6.9.8-1 [188 kB]\n" +
        "status dlstatus:2:45.3224:Retrieving file 2 of 3\n" +
        "status dlstatus:2:45.3224:Retrieving file 2 of 3\n" +
        "out Get:2 http://mirror.example/debian-security bookworm-security/main amd64 libjq1 amd64 1.6-2.1+deb12u3 [136 kB]\n" +
        "status dlstatus:2:57.1240:Retrieving file 2 of 3\n" +
        "status dlstatus:3:80.0730:Retrieving file 3 of 3\n" +
        "out Get:3 http://mirror.example/debian-security bookworm-security/main amd64 jq amd64 1.6-2.1+deb12u3 [64.4 kB]\n" +
        "status dlstatus:3:83.4449:Retrieving file 3 of 3\n" +
        "status dlstatus:3:100.0000:Retrieving file 3 of 3\n" +
        "err debconf: delaying package configuration, since apt-utils is not installed\n" +
        "out Fetched 389 kB in 0s (20.6 MB/s)\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out Selecting previously unselected package libonig5:amd64.\r\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 13049 files and directories currently installed.)\r\n" +
        "out Preparing to unpack .../libonig5_6.9.8-1_amd64.deb ...\r\n" +
        "status pmstatus:libonig5:0.0000:Preparing libonig5 (amd64)\n" +
        "status pmstatus:libonig5:7.6923:Unpacking libonig5 (amd64)\n" +
        "out Unpacking libonig5:amd64 (6.9.8-1) ...\r\n" +
        "status pmstatus:libonig5:15.3846:Installing libonig5 (amd64)\n" +
        "out Selecting previously unselected package libjq1:amd64.\r\n" +
        "out Preparing to unpack .../libjq1_1.6-2.1+deb12u3_amd64.deb ...\r\n" +
        "status pmstatus:libjq1:15.3846:Preparing libjq1 (amd64)\n" +
        "status pmstatus:libjq1:23.0769:Unpacking libjq1 (amd64)\n" +
        "out Unpacking libjq1:amd64 (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:libjq1:30.7692:Installing libjq1 (amd64)\n" +
        "status pmstatus:jq:30.7692:Preparing jq (amd64)\n" +
        "out Selecting previously unselected package jq.\r\n" +
        "status pmstatus:jq:38.4615:Unpacking jq (amd64)\n" +
        "out Preparing to unpack .../jq_1.6-2.1+deb12u3_amd64.deb ...\r\n" +
        "out Unpacking jq (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:jq:46.1538:Installing jq (amd64)\n" +
        "status pmstatus:dpkg-exec:46.1538:Running dpkg\n" +
        "out Setting up libonig5:amd64 (6.9.8-1) ...\r\n" +
        "status pmstatus:libonig5:46.1538:Preparing to configure libonig5 (amd64)\n" +
        "status pmstatus:libonig5:53.8462:Configuring libonig5 (amd64)\n" +
        "status pmstatus:libonig5:61.5385:Installed libonig5 (amd64)\n" +
        "out Setting up libjq1:amd64 (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:libjq1:61.5385:Preparing to configure libjq1 (amd64)\n" +
        "status pmstatus:libjq1:69.2308:Configuring libjq1 (amd64)\n" +
        "status pmstatus:libjq1:76.9231:Installed libjq1 (amd64)\n" +
        "status pmstatus:jq:76.9231:Preparing to configure jq (amd64)\n" +
        "out Setting up jq (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:jq:84.6154:Configuring jq (amd64)\n" +
        "status pmstatus:jq:92.3077:Installed jq (amd64)\n" +
        "out Processing triggers for libc-bin (2.36-9+deb12u14) ...\r\n" +
        "apt-exit 0\n";

    // install-local-bookworm.out
    public const string FragmentInstallLocalBookworm =
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   aptready-hello\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 15 not upgraded.\n" +
        "out Need to get 0 B/900 B of archives.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "out Get:1 /tmp/aptready-hello_1.2.3_all.deb aptready-hello all 1:1.2.3~rc1-0+deb12u1 [900 B]\n" +
        "status dlstatus:1:100.0000:Retrieving file 1 of 1\n" +
        "err debconf: delaying package configuration, since apt-utils is not installed\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "out Selecting previously unselected package aptready-hello.\n" +
        "out (Reading database ... 13045 files and directories currently installed.)\n" +
        "out Preparing to unpack .../aptready-hello_1.2.3_all.deb ...\n" +
        "status pmstatus:aptready-hello:0.0000:Preparing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:20.0000:Unpacking aptready-hello (amd64)\n" +
        "out Unpacking aptready-hello (1:1.2.3~rc1-0+deb12u1) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Installing aptready-hello (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up aptready-hello (1:1.2.3~rc1-0+deb12u1) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Preparing to configure aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:60.0000:Configuring aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:80.0000:Installed aptready-hello (amd64)\n" +
        "apt-exit 0\n";

    // broken-trixie.out
    public const string FragmentBrokenPostinstTrixie =
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following packages were automatically installed and are no longer required:\n" +
        "out   libjq1 libonig5\n" +
        "out Use 'apt autoremove' to remove them.\n" +
        "out The following NEW packages will be installed:\n" +
        "out   aptready-broken\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 5 not upgraded.\n" +
        "out Need to get 0 B/760 B of archives.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "out Get:1 /tmp/aptready-broken_0.1-1_all.deb aptready-broken all 0.1-1 [760 B]\n" +
        "status dlstatus:1:100.0000:Retrieving file 1 of 1\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out Selecting previously unselected package aptready-broken.\r\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 12285 files and directories currently installed.)\r\n" +
        "out Preparing to unpack .../aptready-broken_0.1-1_all.deb ...\r\n" +
        "status pmstatus:aptready-broken:0.0000:Preparing aptready-broken (amd64)\n" +
        "status pmstatus:aptready-broken:20.0000:Unpacking aptready-broken (amd64)\n" +
        "out Unpacking aptready-broken (0.1-1) ...\r\n" +
        "status pmstatus:aptready-broken:40.0000:Installing aptready-broken (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up aptready-broken (0.1-1) ...\r\n" +
        "status pmstatus:aptready-broken:40.0000:Preparing to configure aptready-broken (amd64)\n" +
        "status pmstatus:aptready-broken:60.0000:Configuring aptready-broken (amd64)\n" +
        "out postinst failing on purpose\r\n" +
        "out dpkg: error processing package aptready-broken (--configure):\r\n" +
        "out  installed aptready-broken package post-installation script subprocess returned error exit status 1\r\n" +
        "status pmerror:aptready-broken:60.0000:installed aptready-broken package post-installation script subprocess returned error exit status 1\n" +
        "out Errors were encountered while processing:\r\n" +
        "out  aptready-broken\r\n" +
        "err E: Sub-process /usr/bin/dpkg returned an error code (1)\n" +
        "apt-exit 100\n";

    // purge-bookworm.out
    public const string FragmentPurgeBookworm =
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out The following packages were automatically installed and are no longer required:\n" +
        "out   libjq1 libonig5\n" +
        "out Use 'apt autoremove' to remove them.\n" +
        "out The following packages will be REMOVED:\n" +
        "out   aptready-hello* jq*\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out 0 upgraded, 0 newly installed, 2 to remove and 15 not upgraded.\n" +
        "out After this operation, 114 kB disk space will be freed.\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 13069 files and directories currently installed.)\r\n" +
        "out Removing aptready-hello (1:1.2.3~rc1-0+deb12u1) ...\r\n" +
        "status pmstatus:aptready-hello:0.0000:Preparing for removal of aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:11.1111:Removing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:22.2222:Removing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:33.3333:Completely removing aptready-hello (amd64)\n" +
        "out Removing jq (1.6-2.1+deb12u3) ...\r\n" +
        "status pmstatus:jq:33.3333:Preparing for removal of jq (amd64)\n" +
        "status pmstatus:jq:44.4444:Removing jq (amd64)\n" +
        "status pmstatus:jq:55.5556:Removing jq (amd64)\n" +
        "status pmstatus:jq:66.6667:Completely removing jq (amd64)\n" +
        "status pmstatus:jq:77.7778:Completely removed jq (amd64)\n" +
        "status pmstatus:dpkg-exec:77.7778:Running dpkg\n" +
        "status pmstatus:dpkg-exec:77.7778:Running dpkg\n" +
        "out (Reading database ... \r(Reading database ... 5%\r(Reading database ... 10%\r(Reading database ... 15%\r(Reading database ... 20%\r(Reading database ... 25%\r(Reading database ... 30%\r(Reading database ... 35%\r(Reading database ... 40%\r(Reading database ... 45%\r(Reading database ... 50%\r(Reading database ... 55%\r(Reading database ... 60%\r(Reading database ... 65%\r(Reading database ... 70%\r(Reading database ... 75%\r(Reading database ... 80%\r(Reading database ... 85%\r(Reading database ... 90%\r(Reading database ... 95%\r(Reading database ... 100%\r(Reading database ... 13059 files and directories currently installed.)\r\n" +
        "out Purging configuration files for aptready-hello (1:1.2.3~rc1-0+deb12u1) ...\r\n" +
        "status pmstatus:aptready-hello:77.7778:Preparing to completely remove aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:88.8889:Completely removed aptready-hello (amd64)\n" +
        "status pmstatus:dpkg-exec:88.8889:Running dpkg\n" +
        "apt-exit 0\n";

    // lock-update-bookworm.out
    public const string FragmentUpdateListsHeldBookworm =
        "out Reading package lists...\n" +
        "err E: Could not get lock /var/lib/apt/lists/lock. It is held by process 12440 (python3)\n" +
        "err E: Unable to lock directory /var/lib/apt/lists/\n" +
        "apt-exit 100\n";

    // lock-update-trixie.out
    public const string FragmentUpdateListsHeldTrixie =
        "out Reading package lists...\n" +
        "err E: Could not get lock /var/lib/apt/lists/lock. It is held by process 13065 (python3)\n" +
        "err E: Unable to lock directory /var/lib/apt/lists/\n" +
        "apt-exit 100\n";

    // lock-install-trixie.out
    public const string FragmentInstallFrontendHeldTrixie =
        "err E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 13121 (python3)\n" +
        "err E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n" +
        "apt-exit 100\n";

    // lock-install2-bookworm.out
    public const string FragmentInstallFrontendHeldWaitingBookworm =
        "out Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 13023 (python3)...\n" +
        "err E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n" +
        "out Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 13023 (python3)...\n" +
        "apt-exit 100\n";

    // apt-lock-install-waiting.out of tests/tools/Capture-Samples.ps1 -Suite trixie (DPkg::Lock::Timeout=2)
    public const string FragmentInstallFrontendHeldWaitingTrixie =
        "run\n" +
        "out Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 464 (python3)...\n" +
        "out Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 464 (python3)...\n" +
        "err E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n" +
        "apt-exit 100\n";

    // lock-dpkg-bookworm.out
    public const string FragmentRemoveDpkgHeldBookworm =
        "err E: Could not get lock /var/lib/dpkg/lock. It is held by process 13275 (python3)\n" +
        "err E: Unable to lock the administration directory (/var/lib/dpkg/), is another process using it?\n" +
        "apt-exit 100\n";

    // lock-archives-trixie.out
    public const string FragmentInstallArchivesHeldTrixie =
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "err E: Could not get lock /var/cache/apt/archives/lock. It is held by process 13397 (python3)\n" +
        "err E: Unable to lock directory /var/cache/apt/archives/\n" +
        "apt-exit 100\n";

    // upgrade-s-trixie.out
    public const string SimulateUpgradeTrixie =
        "Reading package lists...\n" +
        "Building dependency tree...\n" +
        "Reading state information...\n" +
        "Calculating upgrade...\n" +
        "The following packages have been kept back:\n" +
        "  linux-image-cloud-amd64\n" +
        "The following packages will be upgraded:\n" +
        "  libgssapi-krb5-2 libk5crypto3 libkrb5-3 libkrb5support0\n" +
        "4 upgraded, 0 newly installed, 0 to remove and 1 not upgraded.\n" +
        "Inst libk5crypto3 [1.21.3-5+deb13u1] (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64]) []\n" +
        "Inst libgssapi-krb5-2 [1.21.3-5+deb13u1] (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64]) []\n" +
        "Inst libkrb5support0 [1.21.3-5+deb13u1] (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64]) [libkrb5-3:amd64 ]\n" +
        "Inst libkrb5-3 [1.21.3-5+deb13u1] (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64])\n" +
        "Conf libk5crypto3 (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64])\n" +
        "Conf libgssapi-krb5-2 (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64])\n" +
        "Conf libkrb5support0 (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64])\n" +
        "Conf libkrb5-3 (1.21.3-5+deb13u2 Debian-Security:13/stable-security [amd64])\n";

    // upgrade-s-bookworm.out
    public const string SimulateUpgradeBookworm =
        "Reading package lists...\n" +
        "Building dependency tree...\n" +
        "Reading state information...\n" +
        "Calculating upgrade...\n" +
        "The following packages have been kept back:\n" +
        "  linux-image-cloud-amd64\n" +
        "The following packages will be upgraded:\n" +
        "  apt ca-certificates libapt-pkg6.0 libexpat1 liblzma5 libpcre2-8-0\n" +
        "  libpython3.11-minimal libpython3.11-stdlib libssl3 openssl perl-base\n" +
        "  python3.11 python3.11-minimal tzdata\n" +
        "14 upgraded, 0 newly installed, 0 to remove and 1 not upgraded.\n" +
        "Inst perl-base [5.36.0-7+deb12u3] (5.36.0-7+deb12u4 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf perl-base (5.36.0-7+deb12u4 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst liblzma5 [5.4.1-1+deb12u1] (5.4.1-1+deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf liblzma5 (5.4.1-1+deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst libapt-pkg6.0 [2.6.1] (2.6.2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf libapt-pkg6.0 (2.6.2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst apt [2.6.1] (2.6.2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf apt (2.6.2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst libssl3 [3.0.20-1~deb12u2] (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst python3.11 [3.11.2-6+deb12u8] (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64]) []\n" +
        "Inst libpython3.11-stdlib [3.11.2-6+deb12u8] (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64]) []\n" +
        "Inst python3.11-minimal [3.11.2-6+deb12u8] (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64]) []\n" +
        "Inst libpython3.11-minimal [3.11.2-6+deb12u8] (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst libexpat1 [2.5.0-1+deb12u2] (2.5.0-1+deb12u5 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst libpcre2-8-0 [10.42-1] (10.42-1+deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf libpcre2-8-0 (10.42-1+deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst tzdata [2026b-0+deb12u1] (2026f-0+deb12u1 Debian-Security:12/oldstable-security [all])\n" +
        "Inst openssl [3.0.20-1~deb12u2] (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Inst ca-certificates [20230311+deb12u1] (20250419~deb12u2 Debian-Security:12/oldstable-security [all])\n" +
        "Conf libssl3 (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf python3.11 (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf libpython3.11-stdlib (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf python3.11-minimal (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf libpython3.11-minimal (3.11.2-6+deb12u9 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf libexpat1 (2.5.0-1+deb12u5 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf tzdata (2026f-0+deb12u1 Debian-Security:12/oldstable-security [all])\n" +
        "Conf openssl (3.0.22-1~deb12u2 Debian-Security:12/oldstable-security [amd64])\n" +
        "Conf ca-certificates (20250419~deb12u2 Debian-Security:12/oldstable-security [all])\n";

    // interrupted-trixie.out
    public const string PlainDpkgInterruptedTrixie =
        "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. \n";

}
