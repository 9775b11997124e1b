#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $TestSuites
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/AptRepo.psm1') -Force
}

Describe 'Test-AptLock on a <Suite> target' -ForEach $suites -Tag 'Locks', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $splat = Get-TargetSplat $target
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'reports every lock free on an idle host' {
        $records = Test-AptLock @splat
        $records | Should -HaveCount 5
        $records.Path | Should -Contain '/var/lib/apt/lists/lock'
        $records | Where-Object IsHeld | Should -BeNullOrEmpty
        $records | ForEach-Object { $_.ComputerName | Should -Be '127.0.0.1' }
    }

    Context 'while a process holds the lists lock' {
        BeforeAll {
            $holderPid = Start-LockHolder -Target $target -Path /var/lib/apt/lists/lock
        }
        AfterAll {
            Stop-LockHolder -Target $target -HolderPid $holderPid
        }

        It 'names the holder, read from /proc/locks as the non-root login user' {
            $record = Test-AptLock @splat -Path /var/lib/apt/lists/lock
            $record.IsHeld | Should -BeTrue
            $record.HolderPid | Should -Be $holderPid
            $record.ProcessName | Should -Be 'python3'
            $record.CommandLine | Should -BeLike 'python3 -c*'
            (Invoke-TargetSsh $target 'id -u').Output.Trim() | Should -Not -Be '0'
        }

        It 'leaves the other locks free' {
            $others = Test-AptLock @splat | Where-Object Path -ne '/var/lib/apt/lists/lock'
            $others | Where-Object IsHeld | Should -BeNullOrEmpty
        }

        It 'answers $false with -Quiet' {
            Test-AptLock @splat -Quiet | Should -BeFalse
        }

        It 'reproduces the seed failure: plain sudo apt-get update cannot get the lock' {
            $naive = Invoke-TargetSsh $target 'sudo -n env LC_ALL=C apt-get update'
            $naive.ExitCode | Should -Be 100
            $naive.Output | Should -Match "E: Could not get lock /var/lib/apt/lists/lock\. It is held by process $holderPid \(python3\)"
        }
    }

    It 'answers $true with -Quiet once the holder is gone' {
        Test-AptLock @splat -Quiet | Should -BeTrue
    }

    It 'names the holder of <_>' -ForEach @('/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/cache/apt/archives/lock', '/run/unattended-upgrades.lock') {
        $holder = Start-LockHolder -Target $target -Path $_ -Seconds 60
        try {
            $records = Test-AptLock @splat
            $held = $records | Where-Object IsHeld
            $held | Should -HaveCount 1
            $held.Path | Should -Be $_
            $held.HolderPid | Should -Be $holder
            $held.ProcessName | Should -Be 'python3'
            $held.HolderRunningFor | Should -BeGreaterThan ([timespan]::Zero)
        }
        finally { Stop-LockHolder -Target $target -HolderPid $holder }
    }

    Context 'with dpkg interrupted for real (dpkg -i killed in its postinst)' {
        BeforeAll {
            $repo = Start-AptRepo
            Start-InterruptedDpkg -Target $target -Repo $repo
        }
        AfterAll {
            Invoke-InTarget $target dpkg --configure -a | Out-Null
            Stop-AptRepo $repo
        }

        It 'says so on every record and answers $false with -Quiet' {
            $records = Test-AptLock @splat -WarningVariable warnings -WarningAction SilentlyContinue
            $records | ForEach-Object { $_.DpkgInterrupted | Should -BeTrue }
            $records[0].PendingDpkgUpdates | Should -Not -BeNullOrEmpty
            $warnings | Should -Match 'dpkg was interrupted'
            Test-AptLock @splat -Quiet -WarningAction SilentlyContinue | Should -BeFalse
        }
    }
}

Describe 'Test-AptLock with bad input' -Tag 'Locks', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        $splat = Get-TargetSplat $target
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'writes a KeyFileInvalid error for a missing key file, with the host as target' {
        $bad = $splat.Clone(); $bad.KeyFilePath = '/nonexistent/key'
        $records = Test-AptLock @bad -ErrorVariable errs -ErrorAction SilentlyContinue
        $records | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'KeyFileInvalid,*'
        $errs[0].TargetObject | Should -Be '127.0.0.1'
    }

    It 'writes an error for an unreachable port and still processes the next host' {
        $closed = Get-Random -Minimum 20000 -Maximum 20999
        $bad = $splat.Clone(); $bad.Remove('ComputerName'); $bad.ConnectTimeout = [timespan]'00:00:02'
        $records = '127.0.0.2', '127.0.0.1' | Test-AptLock @bad -Port $target.Port -ErrorVariable errs -ErrorAction SilentlyContinue
        # 127.0.0.2 has no sshd on that port: refused until the connect deadline.
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConnectTimedOut,*'
        $errs[0].TargetObject | Should -Be '127.0.0.2'
        $records | Should -HaveCount 5
        $records[0].ComputerName | Should -Be '127.0.0.1'
    }

    It 'refuses a relative lock path before connecting' {
        { Test-AptLock @splat -Path 'var/lib/apt/lists/lock' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidLockPath,AptReady.Cmdlets.Locks.TestAptLockCommand'
    }
}
