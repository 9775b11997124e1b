// apt 3.3.3 (Debian forky), captured by tests/tools/Capture-Samples.ps1 -Suite forky -Part Apt: the
// module's own AptGetScript (and root fragments run alone through 'sudo -n /bin/sh -c FRAGMENT sh N')
// over SSH as the login user of an overlay chroot, against the local repository of
// tests/targets/apt-repo.sh (aptready-hello 1.0, then 1.1 for the upgrade). Kept byte for byte.
namespace AptReady.Core.Tests.Apt;

internal static class AptSamplesForky
{
    // apt-script-install.out (exit 0)
    public const string ScriptInstallForky =
        "aptready-aptget 1\n" +
        "held 0 55 / python3\n" +
        "free 201\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   aptready-hello\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out Need to get 680 B of archives.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "out Get:1 http://127.0.0.1:21675 ./ aptready-hello 1.0 [680 B]\n" +
        "status dlstatus:1:100.0000:Retrieving file 1 of 1\n" +
        "out Fetched 680 B in 0s (9120 B/s)\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out Selecting previously unselected package aptready-hello.\n" +
        "status pmstatus:aptready-hello:0.0000:Preparing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:20.0000:Unpacking aptready-hello (amd64)\n" +
        "out (Reading database ... 12451 files and directories currently installed.)\n" +
        "out Preparing to unpack .../aptready-hello_1.0_all.deb ...\n" +
        "out Unpacking aptready-hello (1.0) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Installing aptready-hello (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up aptready-hello (1.0) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Preparing to configure aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:60.0000:Configuring aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:80.0000:Installed aptready-hello (amd64)\n" +
        "apt-exit 0\n";

    // apt-script-update.out (exit 0)
    public const string ScriptUpdateForky =
        "aptready-aptget 1\n" +
        "free 9\n" +
        "run\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "out Ign:1 http://127.0.0.1:21675 ./ InRelease\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "out Get:2 http://127.0.0.1:21675 ./ Release [276 B]\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "out Ign:3 http://127.0.0.1:21675 ./ Release.gpg\n" +
        "status dlstatus:5:42.3484:Retrieving file 5 of 5\n" +
        "status dlstatus:5:42.3484:Retrieving file 5 of 5\n" +
        "status dlstatus:5:42.3484:Retrieving file 5 of 5\n" +
        "status dlstatus:5:42.3484:Retrieving file 5 of 5\n" +
        "out Get:4 http://127.0.0.1:21675 ./ Packages [562 B]\n" +
        "status dlstatus:5:96.0000:Retrieving file 5 of 5\n" +
        "status dlstatus:5:96.0000:Retrieving file 5 of 5\n" +
        "status dlstatus:5:100.0000:Retrieving file 5 of 5\n" +
        "out Fetched 838 B in 0s (15.5 kB/s)\n" +
        "out Reading package lists...\n" +
        "apt-exit 0\n";

    // apt-script-update-simulate.out (exit 0)
    public const string ScriptUpdateSimulateForky =
        "aptready-aptget 1\n" +
        "free 3\n" +
        "run\n" +
        "out 'http://127.0.0.1:21675/./InRelease' 127.0.0.1:21675_._InRelease 0 \n" +
        "out 'http://127.0.0.1:21675/./Packages.xz' 127.0.0.1:21675_._Packages 0 \n" +
        "out 'http://127.0.0.1:21675/./en.xz' 127.0.0.1:21675_._en 0 \n" +
        "apt-exit 0\n";

    // apt-script-install-simulate.out (exit 0)
    public const string ScriptInstallSimulateForky =
        "aptready-aptget 1\n" +
        "free 2\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   aptready-extra\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n" +
        "out Inst aptready-extra (1.0 AptReady tests:127.0.0.1 [all])\n" +
        "out Conf aptready-extra (1.0 AptReady tests:127.0.0.1 [all])\n" +
        "apt-exit 0\n";

    // apt-script-upgrade-simulate.out (exit 0)
    public const string ScriptUpgradeSimulateForky =
        "aptready-aptget 1\n" +
        "free 3\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Calculating upgrade...\n" +
        "out The following packages will be upgraded:\n" +
        "out   aptready-hello\n" +
        "out 1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n" +
        "out Inst aptready-hello [1.0] (1.1 AptReady tests:127.0.0.1 [all])\n" +
        "out Conf aptready-hello (1.1 AptReady tests:127.0.0.1 [all])\n" +
        "apt-exit 0\n";

    // apt-script-upgrade.out (exit 0)
    public const string ScriptUpgradeForky =
        "aptready-aptget 1\n" +
        "free 3\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Calculating upgrade...\n" +
        "out The following packages will be upgraded:\n" +
        "out   aptready-hello\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out 1 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n" +
        "out Need to get 678 B of archives.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "out Get:1 http://127.0.0.1:21675 ./ aptready-hello 1.1 [678 B]\n" +
        "status dlstatus:1:80.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:100.0000:Retrieving file 1 of 1\n" +
        "out Fetched 678 B in 0s (46.2 kB/s)\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "out (Reading database ... 12455 files and directories currently installed.)\n" +
        "out Preparing to unpack .../aptready-hello_1.1_all.deb ...\n" +
        "status pmstatus:aptready-hello:0.0000:Preparing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:20.0000:Unpacking aptready-hello (amd64)\n" +
        "out Unpacking aptready-hello (1.1) over (1.0) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Installing aptready-hello (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up aptready-hello (1.1) ...\n" +
        "status pmstatus:aptready-hello:40.0000:Preparing to configure aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:60.0000:Configuring aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:80.0000:Installed aptready-hello (amd64)\n" +
        "apt-exit 0\n";

    // apt-script-remove.out (exit 0)
    public const string ScriptRemoveForky =
        "aptready-aptget 1\n" +
        "free 3\n" +
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "out The following packages will be REMOVED:\n" +
        "out   aptready-extra\n" +
        "out 0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "out (Reading database ... 12455 files and directories currently installed.)\n" +
        "out Removing aptready-extra (1.0) ...\n" +
        "status pmstatus:aptready-extra:0.0000:Preparing for removal of aptready-extra (amd64)\n" +
        "status pmstatus:aptready-extra:33.3333:Removing aptready-extra (amd64)\n" +
        "status pmstatus:aptready-extra:66.6667:Removing aptready-extra (amd64)\n" +
        "status pmstatus:dpkg-exec:66.6667:Running dpkg\n" +
        "apt-exit 0\n";

    // apt-script-timeout.out (exit 75)
    public const string ScriptTimeoutForky =
        "aptready-aptget 1\n" +
        "held 0 393 / python3\n" +
        "held 0 393 / python3\n" +
        "timeout 128\n";

    // apt-script-interrupted.out (exit 77)
    public const string ScriptDpkgInterruptedForky =
        "aptready-aptget 1\n" +
        "free 3\n" +
        "dpkg-interrupted 0000\n";

    // apt-fragment-install.out (exit 0)
    public const string FragmentInstallForky =
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "out The following NEW packages will be installed:\n" +
        "out   aptready-extra\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out 0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\n" +
        "out Need to get 678 B of archives.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "out Get:1 http://127.0.0.1:21675 ./ aptready-extra 1.0 [678 B]\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:100.0000:Retrieving file 1 of 1\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "out Fetched 678 B in 0s (41.3 kB/s)\n" +
        "out Selecting previously unselected package aptready-extra.\n" +
        "out (Reading database ... 12453 files and directories currently installed.)\n" +
        "out Preparing to unpack .../aptready-extra_1.0_all.deb ...\n" +
        "status pmstatus:aptready-extra:0.0000:Preparing aptready-extra (amd64)\n" +
        "status pmstatus:aptready-extra:20.0000:Unpacking aptready-extra (amd64)\n" +
        "out Unpacking aptready-extra (1.0) ...\n" +
        "status pmstatus:aptready-extra:40.0000:Installing aptready-extra (amd64)\n" +
        "status pmstatus:dpkg-exec:40.0000:Running dpkg\n" +
        "out Setting up aptready-extra (1.0) ...\n" +
        "status pmstatus:aptready-extra:40.0000:Preparing to configure aptready-extra (amd64)\n" +
        "status pmstatus:aptready-extra:60.0000:Configuring aptready-extra (amd64)\n" +
        "status pmstatus:aptready-extra:80.0000:Installed aptready-extra (amd64)\n" +
        "apt-exit 0\n";

    // apt-fragment-update.out (exit 0)
    public const string FragmentUpdateForky =
        "run\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "status dlstatus:1:0.0000:Retrieving file 1 of 1\n" +
        "out Ign:1 http://127.0.0.1:21675 ./ InRelease\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "status dlstatus:2:0.0000:Retrieving file 2 of 2\n" +
        "out Get:2 http://127.0.0.1:21675 ./ Release [276 B]\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "status dlstatus:3:0.0000:Retrieving file 3 of 3\n" +
        "out Ign:3 http://127.0.0.1:21675 ./ Release.gpg\n" +
        "status dlstatus:5:39.6403:Retrieving file 5 of 5\n" +
        "status dlstatus:5:39.6403:Retrieving file 5 of 5\n" +
        "status dlstatus:5:39.6403:Retrieving file 5 of 5\n" +
        "out Get:4 http://127.0.0.1:21675 ./ Packages [658 B]\n" +
        "status dlstatus:5:96.0000:Retrieving file 5 of 5\n" +
        "status dlstatus:5:96.0000:Retrieving file 5 of 5\n" +
        "status dlstatus:5:96.0000:Retrieving file 5 of 5\n" +
        "status dlstatus:5:100.0000:Retrieving file 5 of 5\n" +
        "out Fetched 934 B in 0s (15.4 kB/s)\n" +
        "out Reading package lists...\n" +
        "apt-exit 0\n";

    // apt-fragment-purge.out (exit 0)
    public const string FragmentPurgeForky =
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "out The following packages will be REMOVED:\n" +
        "out   aptready-hello*\n" +
        "out 0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\n" +
        "out After this operation, 0 B of additional disk space will be used.\n" +
        "err E: Can not write log (Is /dev/pts mounted?) - posix_openpt (2: No such file or directory)\n" +
        "status pmstatus:dpkg-exec:0.0000:Running dpkg\n" +
        "out (Reading database ... 12453 files and directories currently installed.)\n" +
        "out Removing aptready-hello (1.1) ...\n" +
        "status pmstatus:aptready-hello:0.0000:Preparing for removal of aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:20.0000:Removing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:40.0000:Removing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:60.0000:Completely removing aptready-hello (amd64)\n" +
        "status pmstatus:aptready-hello:80.0000:Completely removed aptready-hello (amd64)\n" +
        "status pmstatus:dpkg-exec:80.0000:Running dpkg\n" +
        "status pmstatus:dpkg-exec:80.0000:Running dpkg\n" +
        "apt-exit 0\n";

    // apt-lock-update.out (exit 100)
    public const string FragmentUpdateListsHeldForky =
        "run\n" +
        "out Reading package lists...\n" +
        "err E: Could not get lock /var/lib/apt/lists/lock. It is held by process 393 (python3)\n" +
        "err E: Unable to lock directory /var/lib/apt/lists/\n" +
        "apt-exit 100\n";

    // apt-lock-install.out (exit 100)
    public const string FragmentInstallFrontendHeldForky =
        "run\n" +
        "err E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 431 (python3)\n" +
        "err E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n" +
        "apt-exit 100\n";

    // apt-lock-install-waiting.out (exit 100)
    public const string FragmentInstallFrontendHeldWaitingForky =
        "run\n" +
        "err E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?\n" +
        "apt-exit 100\n";

    // apt-lock-dpkg.out (exit 100)
    public const string FragmentRemoveDpkgHeldForky =
        "run\n" +
        "err E: Could not get lock /var/lib/dpkg/lock. It is held by process 477 (python3)\n" +
        "err E: Unable to lock the administration directory (/var/lib/dpkg/), is another process using it?\n" +
        "apt-exit 100\n";

    // apt-lock-archives.out (exit 100)
    public const string FragmentInstallArchivesHeldForky =
        "run\n" +
        "out Reading package lists...\n" +
        "out Building dependency tree...\n" +
        "out Reading state information...\n" +
        "out Solving dependencies...\n" +
        "err E: Could not get lock /var/cache/apt/archives/lock. It is held by process 500 (python3)\n" +
        "err E: Unable to lock directory /var/cache/apt/archives/\n" +
        "apt-exit 100\n";

    // apt-plain-interrupted.err (exit 100)
    public const string PlainDpkgInterruptedSudoForky =
        "E: dpkg was interrupted, you must manually run 'sudo dpkg --configure -a' to correct the problem. \n";

    // apt-plain-interrupted-root.err (exit 100)
    public const string PlainDpkgInterruptedRootForky =
        "E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the problem. \n";

}
