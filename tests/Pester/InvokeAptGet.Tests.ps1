#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $TestSuites
    $hostileNames = @(
        @{ Name = 'aptready-hello;touch /tmp/aptready-pwned' }
        @{ Name = '$(touch /tmp/aptready-pwned)' }
        @{ Name = '`touch /tmp/aptready-pwned`' }
        @{ Name = 'aptready hello' }
        @{ Name = "aptready-hello`ntouch /tmp/aptready-pwned" }
        @{ Name = '-oAPT::Update::Pre-Invoke::=touch /tmp/aptready-pwned' }
        @{ Name = '--reinstall' }
        @{ Name = "aptready-hello'; touch /tmp/aptready-pwned; '" }
    )
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/AptRepo.psm1') -Force
    $repo = Start-AptRepo

    # Runs Invoke-AptGet in a runspace of its own, so a test can read its progress records and Stop() it.
    function New-AptGetPipeline([hashtable] $Parameters) {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($module, $parameters)
                Import-Module $module
                Invoke-AptGet @parameters -Verbose
            }).AddArgument($env:APTREADY_MODULE).AddArgument($Parameters)
        $ps
    }

    function Wait-Until([scriptblock] $Condition, [int] $GuardSeconds = 60, [string] $What) {
        $guard = [Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition)) {
            if ($guard.Elapsed.TotalSeconds -gt $GuardSeconds) { throw "Gave up waiting for: $What" }
            Start-Sleep -Milliseconds 100
        }
    }
}

AfterAll {
    $repo | Stop-AptRepo
}

Describe 'Invoke-AptGet on a <Suite> target' -ForEach $suites -Tag 'AptGet', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $splat = Get-TargetSplat $target
        Set-TargetAptSource -Target $target -Repo $repo
        $inodesBefore = Get-TargetLockInode $target
        $update = Invoke-TargetSsh $target 'sudo -n env LC_ALL=C apt-get update'
        if ($update.ExitCode -ne 0) { throw "The first apt-get update failed: $($update.Output)" }
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    Context 'while another real apt-get update holds the lists lock' {
        It 'Update waits for it, then succeeds, naming the holder in progress, verbose and result' {
            $holder = Start-SlowAptUpdate -Target $target -Repo $repo -Seconds 6
            $ps = New-AptGetPipeline (@{ Command = 'Update' } + $splat)
            try {
                $results = $ps.Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
                $results | Should -HaveCount 1
                $result = $results[0]
                $result.Succeeded | Should -BeTrue
                $result.ExitCode | Should -Be 0
                $result.Attempts | Should -Be 1
                $result.LockWait | Should -BeGreaterThan ([timespan]::Zero)
                $result.LockHolders.Pid | Should -Contain $holder
                ($result.LockHolders | Where-Object Pid -eq $holder).ProcessName | Should -Be 'apt-get'
                $result.LockHolderSightings[0].LockFile.Path | Should -Be '/var/lib/apt/lists/lock'
                $result.ComputerName | Should -Be $splat.ComputerName
                $result.Port | Should -Be $splat.Port
                $result.UserName | Should -Be $splat.UserName
                ($ps.Streams.Progress.StatusDescription -like "waiting for /var/lib/apt/lists/lock held by $holder apt-get*") | Should -Not -BeNullOrEmpty
                ($ps.Streams.Verbose.Message -match "Freed after .* /var/lib/apt/lists/lock held by $holder apt-get") | Should -Not -BeNullOrEmpty
            } finally {
                $ps.Dispose()
            }
            Test-TargetProcess -Target $target -ProcessId $holder | Should -BeFalse
        }

        It 'the control: plain sudo apt-get update fails with apt''s lock message' {
            $holder = Start-SlowAptUpdate -Target $target -Repo $repo -Seconds 5
            try {
                $naive = Invoke-TargetSsh $target 'sudo -n env LC_ALL=C apt-get update'
                $naive.ExitCode | Should -Be 100
                $naive.Output | Should -Match "E: Could not get lock /var/lib/apt/lists/lock\. It is held by process $holder \(apt-get\)"
            } finally {
                Wait-TargetProcessExit -Target $target -ProcessId $holder
            }
        }
    }

    It 'installs a package from the local repository and names it in the result' {
        Get-TargetPackageStatus $target aptready-hello | Should -Be 'not-installed'
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello
        $result.Succeeded | Should -BeTrue
        $result.Packages | Should -Be @('aptready-hello')
        $result.ChangedPackages | Should -Contain 'aptready-hello'
        $result.NewlyInstalled | Should -Be 1
        $result.FullOutput | Should -Match 'Setting up aptready-hello \(1\.0\)'
        Get-TargetPackageStatus $target aptready-hello | Should -Be 'install ok installed'
    }

    It 'gives up with AptLockTimeout naming the holder when a lock is held past -LockTimeout' {
        $holder = Start-LockHolder -Target $target -Path /var/lib/dpkg/lock-frontend -Seconds 60
        try {
            $results = Invoke-AptGet @splat -Command Install -Package aptready-extra -LockTimeout '00:00:03' -ErrorVariable errs -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'AptLockTimeout,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $errs[0].Exception.Message | Should -Match "/var/lib/dpkg/lock-frontend held by $holder python3"
            $errs[0].Exception.Result.Succeeded | Should -BeFalse
            $errs[0].Exception.Result.ExitCode | Should -BeNullOrEmpty
        } finally {
            Stop-LockHolder -Target $target -HolderPid $holder
        }
        Get-TargetPackageStatus $target aptready-extra | Should -Be 'not-installed'
    }

    It 'reports an unknown package at once with apt''s E: line, without retrying' {
        $null = Invoke-AptGet @splat -Command Install -Package aptready-nosuch -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'AptGetFailed,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
        $errs[0].Exception.Message | Should -Match 'E: Unable to locate package aptready-nosuch'
        $errs[0].Exception.Result.Attempts | Should -Be 1
        $errs[0].Exception.Result.ExitCode | Should -Be 100
        $errs[0].Exception.Result.Errors | Should -Contain 'Unable to locate package aptready-nosuch'
    }

    It '-WhatIf changes nothing (dpkg status before and after), then -Force removes' {
        $statusFile = Join-Path $target.Root 'var/lib/dpkg/status'
        $before = (Get-FileHash $statusFile).Hash
        $sessionsBefore = @(Select-String -Path (Join-Path $target.Root 'var/log/aptready-sshd.log') -Pattern 'Accepted publickey').Count
        $out = Invoke-AptGet @splat -Command Remove -Package aptready-hello -WhatIf
        $out | Should -BeNullOrEmpty
        $out = Invoke-AptGet @splat -Command Install -Package aptready-extra -WhatIf
        $out | Should -BeNullOrEmpty
        (Get-FileHash $statusFile).Hash | Should -Be $before
        @(Select-String -Path (Join-Path $target.Root 'var/log/aptready-sshd.log') -Pattern 'Accepted publickey').Count | Should -Be $sessionsBefore
        Get-TargetPackageStatus $target aptready-hello | Should -Be 'install ok installed'

        $removed = Invoke-AptGet @splat -Command Remove -Package aptready-hello -Force
        $removed.Succeeded | Should -BeTrue
        $removed.Removed | Should -Be 1
        Get-TargetPackageStatus $target aptready-hello | Should -Not -Be 'install ok installed'
    }

    It '-Simulate reports what would change and changes nothing' {
        $statusFile = Join-Path $target.Root 'var/lib/dpkg/status'
        $before = (Get-FileHash $statusFile).Hash
        $result = Invoke-AptGet @splat -Command Install -Package aptready-extra -Simulate
        $result.Succeeded | Should -BeTrue
        $result.ChangedPackages | Should -Contain 'aptready-extra'
        $result.NewlyInstalled | Should -Be 1
        (Get-FileHash $statusFile).Hash | Should -Be $before
    }

    It 'Update -Simulate lists the index files it would fetch and downloads nothing' {
        $lists = Join-Path $target.Root 'var/lib/apt/lists'
        $before = Get-ChildItem $lists -File | ForEach-Object { "$($_.Name) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }
        $result = Invoke-AptGet @splat -Command Update -Simulate
        $result.Succeeded | Should -BeTrue
        $result.FullOutput | Should -Match "'http://127\.0\.0\.1:\d+/[^']*' "
        $after = Get-ChildItem $lists -File | ForEach-Object { "$($_.Name) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }
        $after | Should -Be $before
    }

    Context 'with dpkg interrupted for real (dpkg -i killed in a postinst)' {
        BeforeAll {
            Start-InterruptedDpkg -Target $target -Repo $repo
        }

        It 'detects it before running apt: DpkgInterrupted' {
            Get-ChildItem (Join-Path $target.Root 'var/lib/dpkg/updates') -Name | Where-Object { $_ -match '^\d+$' } | Should -Not -BeNullOrEmpty
            $null = Invoke-AptGet @splat -Command Install -Package aptready-extra -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'DpkgInterrupted,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
            $errs[0].Exception.Message | Should -Match "dpkg --configure -a"
            $errs[0].Exception.Result.ExitCode | Should -BeNullOrEmpty
            Get-TargetPackageStatus $target aptready-slow | Should -Be 'install ok half-configured'
        }

        It 'repairs it with -RepairInterruptedDpkg, says so, then installs' {
            $ps = New-AptGetPipeline (@{ Command = 'Install'; Package = 'aptready-extra'; RepairInterruptedDpkg = $true } + $splat)
            try {
                $result = $ps.Invoke() | Select-Object -First 1
                $ps.Streams.Error | Should -BeNullOrEmpty
                $result.Succeeded | Should -BeTrue
                $result.RepairedInterruptedDpkg | Should -BeTrue
                $result.ChangedPackages | Should -Contain 'aptready-extra'
                ($ps.Streams.Verbose.Message -match "dpkg was interrupted .*running 'dpkg --force-confdef --force-confold --configure -a'") | Should -Not -BeNullOrEmpty
            } finally {
                $ps.Dispose()
            }
            Get-TargetPackageStatus $target aptready-slow | Should -Be 'install ok installed'
            Get-TargetPackageStatus $target aptready-extra | Should -Be 'install ok installed'
            Get-ChildItem (Join-Path $target.Root 'var/lib/dpkg/updates') -Name | Where-Object { $_ -match '^\d+$' } | Should -BeNullOrEmpty
        }
    }

    It 'Ctrl+C during a lock wait stops at once and leaves no apt-get behind' {
        $holder = Start-LockHolder -Target $target -Path /var/lib/apt/lists/lock -Seconds 120
        $ps = New-AptGetPipeline (@{ Command = 'Update'; LockTimeout = '00:05:00' } + $splat)
        try {
            $async = $ps.BeginInvoke()
            Wait-Until { $ps.Streams.Progress.StatusDescription -like "waiting for /var/lib/apt/lists/lock held by $holder python3*" } -What 'the lock wait to show in progress'
            $guard = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $guard.Elapsed.TotalSeconds | Should -BeLessThan 20 -Because 'Stop() must not wait for the lock (hang guard)'
            $async.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # The remote wait loop ended with the channel: nothing of ours waits or runs apt-get.
            Wait-Until { -not (Get-TargetProcessMatching -Target $target -Text 'aptready-aptget') } -GuardSeconds 20 -What 'the remote wait script to end'
            Get-TargetProcessMatching -Target $target -Text 'apt-get' | Should -BeNullOrEmpty
            (Test-AptLock @splat -Path /var/lib/apt/lists/lock).HolderPid | Should -Be $holder
        } finally {
            $ps.Dispose()
            Stop-LockHolder -Target $target -HolderPid $holder
        }
    }

    It 'Ctrl+C while dpkg runs stops waiting but leaves dpkg to finish on the host' {
        $null = Invoke-InTarget $target dpkg --purge aptready-slow
        Remove-Item (Join-Path $target.Root 'run/aptready-slow-postinst.pid') -ErrorAction SilentlyContinue
        Remove-Item (Join-Path $target.Root 'var/lib/aptready-slow-configured') -ErrorAction SilentlyContinue
        Set-Content -Path (Join-Path $target.Root 'etc/aptready-slow-seconds') -Value '8'
        $ps = New-AptGetPipeline (@{ Command = 'Install'; Package = 'aptready-slow' } + $splat)
        try {
            $async = $ps.BeginInvoke()
            $pidFile = Join-Path $target.Root 'run/aptready-slow-postinst.pid'
            Wait-Until { (Test-Path $pidFile) -and (Get-Content $pidFile) } -What 'the postinst to start'
            $postinst = [int](Get-Content $pidFile)
            $guard = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $guard.Elapsed.TotalSeconds | Should -BeLessThan 20 -Because 'Stop() must not wait for dpkg (hang guard)'
            $async.IsCompleted | Should -BeTrue
            # dpkg (in its postinst) still runs after the client stopped ...
            Test-TargetProcess -Target $target -ProcessId $postinst | Should -BeTrue
            # ... and finishes: configured, not interrupted.
            Wait-TargetProcessExit -Target $target -ProcessId $postinst
            Wait-Until { (Get-TargetPackageStatus $target aptready-slow) -eq 'install ok installed' } -What 'dpkg to finish configuring'
            Test-Path (Join-Path $target.Root 'var/lib/aptready-slow-configured') | Should -BeTrue
            Get-ChildItem (Join-Path $target.Root 'var/lib/dpkg/updates') -Name | Where-Object { $_ -match '^\d+$' } | Should -BeNullOrEmpty
        } finally {
            $ps.Dispose()
            Remove-Item (Join-Path $target.Root 'etc/aptready-slow-seconds') -ErrorAction SilentlyContinue
        }
    }

    It 'refuses the hostile package name <Name> before anything is sent' -ForEach $hostileNames {
        $sessionsBefore = @(Select-String -Path (Join-Path $target.Root 'var/log/aptready-sshd.log') -Pattern 'Accepted publickey').Count
        { Invoke-AptGet @splat -Command Install -Package $Name -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
        try { Invoke-AptGet @splat -Command Install -Package $Name -ErrorAction Stop } catch { $message = $_.Exception.Message }
        # The name is quoted as an excerpt: backslash, quote and control characters escaped.
        $excerpt = $Name.Replace('\', '\\').Replace("'", "\'").Replace("`n", '\n').Replace("`r", '\r').Replace("`t", '\t')
        $message | Should -Match ([regex]::Escape("'$excerpt' is not a valid package name"))
        Test-Path (Join-Path $target.Root 'tmp/aptready-pwned') | Should -BeFalse
        @(Select-String -Path (Join-Path $target.Root 'var/log/aptready-sshd.log') -Pattern 'Accepted publickey').Count | Should -Be $sessionsBefore
    }

    It 'never replaced a lock file: every lock''s inode is unchanged after all the runs' {
        $inodesBefore.Values | Should -Not -Contain ''
        $after = Get-TargetLockInode $target
        foreach ($path in $inodesBefore.Keys) {
            $after[$path] | Should -Be $inodesBefore[$path] -Because "$path must never be removed"
        }
    }
}

Describe 'Invoke-AptGet parameter checks' -Tag 'AptGet' {
    It 'needs packages for <Command>' -ForEach @(@{ Command = 'Install' }, @{ Command = 'Remove' }, @{ Command = 'Purge' }) {
        { Invoke-AptGet -ComputerName nowhere.invalid -Command $Command -ErrorAction Stop } |
            Should -Throw -ErrorId 'PackageRequired,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
    }

    It 'takes no packages for Upgrade' {
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Upgrade -Package jq -ErrorAction Stop } |
            Should -Throw -ErrorId 'PackageNotAccepted,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
    }

    It 'refuses an unknown command and a non-positive -LockTimeout' {
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Frobnicate -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Update -LockTimeout 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
    }

    It 'completes -Command' {
        $completions = TabExpansion2 -inputScript 'Invoke-AptGet -Command Dist' -cursorColumn 'Invoke-AptGet -Command Dist'.Length
        $completions.CompletionMatches.CompletionText | Should -Be @('DistUpgrade')
    }

    It 'declares ConfirmImpact Medium and supports -WhatIf' {
        $command = Get-Command Invoke-AptGet
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'Medium'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Force'
    }
}
