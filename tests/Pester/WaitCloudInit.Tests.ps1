#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $TestSuites
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1') -Force
    $script:cmdlet = 'AptReady.Cmdlets.CloudInit.WaitCloudInitCommand'
}

Describe 'Wait-CloudInit on a <Suite> target' -ForEach $suites -Tag 'CloudInit', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $script:targets = [System.Collections.Generic.List[object]]::new()
        function New-Target {
            $t = Start-TestTarget -Suite $Suite
            $script:targets.Add($t)
            $t
        }
    }
    AfterAll {
        $script:targets | Stop-TestTarget
    }

    Context 'while the final stage runs, then finishes' {
        BeforeAll {
            $target = New-Target
            $splat = Get-TargetSplat $target
            # The runcmd runs until the test releases it (120 s at most), once Wait-CloudInit is seen
            # waiting, however long connecting took on a loaded machine; then it records when it ended,
            # on the machine's clock (the target shares it).
            Set-CloudInitSeed $target -UserData 'runcmd:', '  - [sh, -c, "i=0; while [ ! -e /run/aptready-runcmd-release ] && [ $i -lt 600 ]; do sleep 0.2; i=$((i+1)); done; date +%s.%N >/run/aptready-runcmd-done"]'
            Invoke-CloudInitStage $target -Stage local, init, config | Out-Null
            Start-CloudInitFinalStage $target
            $startedAt = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() / 1000
            $instance = Start-WaitCloudInitInstance @{
                ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName
                KeyFilePath = $target.KeyFilePath; HostKeyFingerprint = $target.HostKeyFingerprint; Timeout = 180
            }
            try {
                $null = Wait-ProgressOf $instance 'running modules-final' -Seconds 120
                Invoke-InTarget $target touch /run/aptready-runcmd-release | Out-Null
                $result = @($instance.PowerShell.EndInvoke($instance.Handle))[0]
            }
            finally {
                $instance.PowerShell.Dispose()
            }
            $returnedAt = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() / 1000
            $runcmdDone = [double](Invoke-InTarget $target cat /run/aptready-runcmd-done | Select-Object -First 1)
        }

        It 'waits on the host and answers Done' {
            $result.State | Should -Be 'Done'
            $result.Errors | Should -HaveCount 0
            $result.Version | Should -Match '^\d+\.\d+'
            $result.Datasource | Should -Be 'nocloud'
        }

        It 'was waiting before the stage ended and returned after it ended' {
            $runcmdDone | Should -BeGreaterThan $startedAt
            $returnedAt | Should -BeGreaterThan $runcmdDone
            $result.Waited | Should -BeGreaterThan ([timespan]::Zero)
        }

        It 'waited in one remote command that beat while modules-final ran' {
            $result.RawOutput | Should -Match '(?m)^hb [\d.]+ running modules-final$'
            ([regex]::Matches($result.RawOutput, '(?m)^aptready-cloudinit 1$')).Count | Should -Be 1
        }

        It 'carries the host, port and user, and names no reboot' {
            $result.ComputerName | Should -Be $target.ComputerName
            $result.Port | Should -Be $target.Port
            $result.UserName | Should -Be $target.UserName
            $result.RebootDetected | Should -BeFalse
        }

        It 'answers $true with -Quiet, and -ErrorOnFailure writes nothing for Done' {
            Wait-CloudInit @splat -Quiet | Should -BeTrue
            $out = Wait-CloudInit @splat -ErrorOnFailure -ErrorVariable errs
            $errs | Should -HaveCount 0
            $out.State | Should -Be 'Done'
        }

        It 'pipes into Test-AptLock by property name, reusing the pooled connection without credentials' {
            $before = Get-SshLoginCount $target
            $locks = Wait-CloudInit @splat | Test-AptLock -ErrorVariable errs
            $errs | Should -HaveCount 0
            $locks | Should -HaveCount 5
            $locks | ForEach-Object { $_.Port | Should -Be $target.Port }
            # Both cmdlets of the pipeline shared at most one new SSH login (none if still pooled).
            ((Get-SshLoginCount $target) - $before) | Should -BeLessOrEqual 1
        }
    }

    Context 'when a runcmd fails' {
        BeforeAll {
            $target = New-Target
            $splat = Get-TargetSplat $target
            Set-CloudInitSeed $target -UserData 'runcmd:', '  - [sh, -c, "exit 3"]'
            $finalExit = Invoke-CloudInitStage $target
        }

        It 'answers Error with the stage error cloud-init recorded' {
            $finalExit | Should -Not -Be 0
            $result = Wait-CloudInit @splat -Timeout 60
            $result.State | Should -Be 'Error'
            $result.Errors.Count | Should -BeGreaterThan 0
            ($result.Errors.Message -join "`n") | Should -Match 'runcmd'
        }

        It 'writes CloudInitError with -ErrorOnFailure and $false with -Quiet' {
            $out = Wait-CloudInit @splat -ErrorOnFailure -ErrorVariable errs -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be "CloudInitError,$cmdlet"
            $errs[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $errs[0].TargetObject | Should -Be $target.ComputerName
            $errs[0].Exception.Result.State | Should -Be 'Error'
            Wait-CloudInit @splat -Quiet | Should -BeFalse
        }
    }

    Context 'with a deprecated key (apt_update)' {
        BeforeAll {
            $target = New-Target
            $splat = Get-TargetSplat $target
            Set-CloudInitSeed $target -UserData 'apt_update: true'
            Invoke-CloudInitStage $target | Out-Null
            $result = Wait-CloudInit @splat -Timeout 120
        }

        # Recoverable errors (and so 'degraded') exist from cloud-init 23.4 on.
        It 'is Degraded from 23.4 on (a DEPRECATED recoverable error) and Done on 22.4 (it has none)' {
            if ([version]$CloudInit -ge [version]'23.4') {
                $result.State | Should -Be 'Degraded'
                $result.Errors | Should -HaveCount 0
                ($result.RecoverableErrors | Where-Object Level -eq 'DEPRECATED').Message | Should -Match 'apt_update'
            }
            else {
                $result.State | Should -Be 'Done'
            }
        }

        It 'writes CloudInitDegraded with -ErrorOnFailure from 23.4 on only' {
            $null = Wait-CloudInit @splat -ErrorOnFailure -ErrorVariable errs -ErrorAction SilentlyContinue
            if ([version]$CloudInit -ge [version]'23.4') {
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -Be "CloudInitDegraded,$cmdlet"
            }
            else {
                $errs | Should -HaveCount 0
            }
        }
    }

    It 'answers Disabled at once when /etc/cloud/cloud-init.disabled exists' {
        $target = New-Target
        $splat = Get-TargetSplat $target
        Invoke-InTarget $target touch /etc/cloud/cloud-init.disabled | Out-Null
        $result = Wait-CloudInit @splat -Timeout 60
        $result.State | Should -Be 'Disabled'
        $result.BootStatusCode | Should -Be 'disabled-by-marker-file'
        $result.Detail | Should -Match 'cloud-init.disabled'
        # It never entered the wait loop: no heartbeat was printed.
        $result.RawOutput | Should -Not -Match '(?m)^hb '
        Wait-CloudInit @splat -Quiet -ErrorOnFailure -ErrorVariable errs | Should -BeFalse
        $errs | Should -HaveCount 0
    }

    It 'answers NotInstalled where /usr/bin/cloud-init is gone, and CloudInitNotInstalled with -ErrorOnFailure' {
        $target = New-Target
        $splat = Get-TargetSplat $target
        Invoke-InTarget $target rm -f /usr/bin/cloud-init | Out-Null   # this target's overlay only
        $result = Wait-CloudInit @splat -Timeout 60
        $result.State | Should -Be 'NotInstalled'
        $result.Version | Should -BeNullOrEmpty
        $result.RawOutput | Should -Not -Match '(?m)^hb '
        $null = Wait-CloudInit @splat -ErrorOnFailure -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be "CloudInitNotInstalled,$cmdlet"
        $errs[0].CategoryInfo.Category | Should -Be 'NotInstalled'
    }

    Context 'with a boot-finished file from an earlier boot (staged: a leftover of a template image)' {
        BeforeAll {
            $target = New-Target
            $splat = Get-TargetSplat $target
            # Staged, since an earlier boot cannot be produced in a container: an instance linked
            # the way cloud-init links it, its boot-finished dated before this boot.
            Invoke-InTarget $target /bin/sh '-c' 'mkdir -p /var/lib/cloud/instances/i-template && echo "12.00 - Mon, 01 Jan 2024 00:00:00 +0000 - v. 22.4.2" >/var/lib/cloud/instances/i-template/boot-finished && touch -d 2024-01-01 /var/lib/cloud/instances/i-template/boot-finished && ln -sfn /var/lib/cloud/instances/i-template /var/lib/cloud/instance' | Out-Null
        }

        It 'is not believed: the naive file test says done, Wait-CloudInit times out' {
            (Invoke-TargetSsh $target 'test -f /var/lib/cloud/instance/boot-finished').ExitCode | Should -Be 0
            # Long enough that the wait script itself reaches the deadline on a loaded machine (it
            # reports what it saw then); a connect that eats the whole -Timeout reports nothing.
            $result = Wait-CloudInit @splat -Timeout 10
            $result.State | Should -Be 'TimedOut'
            $result.StaleBootFinished | Should -BeTrue
            $result.Detail | Should -Match 'earlier boot'
        }

        It 'answers Done once cloud-init really ran this boot' {
            Set-CloudInitSeed $target
            Invoke-CloudInitStage $target | Out-Null
            $result = Wait-CloudInit @splat -Timeout 60
            $result.State | Should -Be 'Done'
            $result.StaleBootFinished | Should -BeFalse
        }
    }

    Context 'while a runcmd sleeps longer than -Timeout' {
        BeforeAll {
            $target = New-Target
            $splat = Get-TargetSplat $target
            Set-CloudInitSeed $target -UserData 'runcmd:', '  - [sleep, "300"]'
            Invoke-CloudInitStage $target -Stage local, init, config | Out-Null
            Start-CloudInitFinalStage $target
        }

        It 'answers TimedOut in the final stage' {
            # As above: the wait script, not the connect, must reach the deadline.
            $result = Wait-CloudInit @splat -Timeout 10
            $result.State | Should -Be 'TimedOut'
            $result.RemoteDeadlinePassed | Should -BeTrue
            $result.LastStage | Should -Be 'modules-final'
            $result.IsFinished | Should -BeFalse
        }

        It 'writes CloudInitTimedOut with -ErrorOnFailure, and $false with -Quiet' {
            $null = Wait-CloudInit @splat -Timeout 2 -ErrorOnFailure -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -Be "CloudInitTimedOut,$cmdlet"
            $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            Wait-CloudInit @splat -Timeout 2 -Quiet | Should -BeFalse
        }

        It 'stops at once on Ctrl+C (Stop) during the wait' {
            $instance = Start-WaitCloudInitInstance @{
                ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName
                KeyFilePath = $target.KeyFilePath; HostKeyFingerprint = $target.HostKeyFingerprint; Timeout = 600
            }
            try {
                Wait-ProgressOf $instance 'running modules-final' | Should -BeTrue -Because 'the remote wait was beating'
                $clock = [Diagnostics.Stopwatch]::StartNew()
                $stopping = $instance.PowerShell.BeginStop($null, $null)
                $stopping.AsyncWaitHandle.WaitOne(5000) | Should -BeTrue -Because 'Stop() must end the wait (hang guard 5 s)'
                $clock.Stop()
                Write-Host "    Wait-CloudInit stopped $([int]$clock.Elapsed.TotalMilliseconds) ms after Stop() ($Suite)."
                $instance.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally {
                $instance.PowerShell.Dispose()
            }
        }
    }

    It 'gives each piped host its own port and user, also while it waits for the throttle' {
        $ports = @(Get-Random -InputObject (30000..60000) -Count 4)
        $target = Start-TestTarget -Suite $Suite -Port $ports
        $script:targets.Add($target)
        Set-CloudInitSeed $target
        Invoke-CloudInitStage $target | Out-Null
        $hosts = $ports | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_; UserName = $target.UserName } }
        # -ThrottleLimit 1: every host after the first starts after the binder moved on to the next object.
        $results = $hosts | Wait-CloudInit -KeyFilePath $target.KeyFilePath -HostKeyFingerprint $target.HostKeyFingerprint -ThrottleLimit 1 -ErrorVariable errs
        $errs | Should -HaveCount 0
        $results | Should -HaveCount 4
        ($results.Port | Sort-Object) | Should -Be ($ports | Sort-Object)
        $results | ForEach-Object { $_.UserName | Should -Be $target.UserName; $_.State | Should -Be 'Done' }
    }

    It 'connects again when the connection drops mid-wait and keeps waiting (<Case>)' -ForEach @(
        @{ Case = 'a blip: same boot id'; Reboot = $false }
        @{ Case = 'a reboot: new boot id, staged'; Reboot = $true }
    ) {
        $target = New-Target
        Set-CloudInitSeed $target -UserData 'runcmd:', '  - [sleep, "6"]'
        Invoke-CloudInitStage $target -Stage local, init, config | Out-Null
        Start-CloudInitFinalStage $target
        $instance = Start-WaitCloudInitInstance @{
            ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName
            KeyFilePath = $target.KeyFilePath; HostKeyFingerprint = $target.HostKeyFingerprint; Timeout = 120; Verbose = $true
        }
        try {
            Wait-ProgressOf $instance 'running modules-final' | Should -BeTrue -Because 'the remote wait was beating'
            $logins = Get-SshLoginCount $target
            # The running script printed the old boot id already; the next connection reads the new one.
            if ($Reboot) { $newBootId = Set-StagedBootId $target }
            Stop-WaitScriptConnection $target | Should -BeGreaterThan 1
            $instance.Handle.AsyncWaitHandle.WaitOne(120000) | Should -BeTrue -Because 'hang guard'
            $out = $instance.PowerShell.EndInvoke($instance.Handle)
            $instance.PowerShell.Streams.Error | Should -HaveCount 0
            $out | Should -HaveCount 1
            $out[0].State | Should -Be 'Done'
            $out[0].RebootDetected | Should -Be $Reboot
            if ($Reboot) { $out[0].BootId | Should -Be $newBootId }
            (Get-SshLoginCount $target) | Should -BeGreaterThan $logins -Because 'it logged in again'
            ($instance.PowerShell.Streams.Verbose.Message -join "`n") | Should -Match 'connection (was lost|closed)'
        }
        finally {
            $instance.PowerShell.Dispose()
        }
    }

    It 'waits for a host whose sshd comes up after the cmdlet started' {
        $target = New-Target
        Set-CloudInitSeed $target
        Invoke-CloudInitStage $target | Out-Null
        & bash (Join-Path $PSScriptRoot '../targets/target.sh') sshd-stop $target.State
        (Invoke-TargetSsh $target 'true').ExitCode | Should -Not -Be 0 -Because 'sshd is down'
        $instance = Start-WaitCloudInitInstance @{
            ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName
            KeyFilePath = $target.KeyFilePath; HostKeyFingerprint = $target.HostKeyFingerprint; Timeout = 60; Verbose = $true
        }
        try {
            # Started: it has been refused at least once.
            $refused = $false
            for ($i = 0; $i -lt 300 -and -not $refused; $i++) {
                $refused = [bool]($instance.PowerShell.Streams.Verbose | Where-Object Message -match 'refused')
                if (-not $refused) { Start-Sleep -Milliseconds 100 }
            }
            $refused | Should -BeTrue
            & bash (Join-Path $PSScriptRoot '../targets/target.sh') sshd-start $target.State
            $instance.Handle.AsyncWaitHandle.WaitOne(60000) | Should -BeTrue -Because 'hang guard'
            $out = $instance.PowerShell.EndInvoke($instance.Handle)
            $instance.PowerShell.Streams.Error | Should -HaveCount 0
            $out | Should -HaveCount 1
            $out[0].State | Should -Be 'Done'
        }
        finally {
            $instance.PowerShell.Dispose()
        }
    }
}

Describe 'Wait-CloudInit with bad input' -Tag 'CloudInit', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    It 'refuses -Timeout <Timeout> with a parameter validation error' -ForEach @(
        @{ Timeout = 0 }, @{ Timeout = -5 }, @{ Timeout = '00:00:00' }, @{ Timeout = '-00:00:05' }, @{ Timeout = '2.00:00:00' }
    ) {
        { Wait-CloudInit -ComputerName vm.invalid -UserName u -KeyFilePath /nonexistent -Timeout $Timeout -ErrorAction Stop } |
            Should -Throw -ErrorId "ParameterArgumentValidationError,$cmdlet"
    }

    It 'refuses an empty host list with a parameter validation error' {
        { Wait-CloudInit -ComputerName @() -UserName u -ErrorAction Stop } |
            Should -Throw -ErrorId "ParameterArgumentValidationError,$cmdlet"
    }

    Context 'on a target' {
        BeforeAll {
            $target = Start-TestTarget -Suite bookworm
            $splat = Get-TargetSplat $target
        }
        AfterAll {
            $target | Stop-TestTarget
        }

        It 'writes ConnectTimedOut for a host that never answers within -Timeout, and goes on with the next' {
            $bad = $splat.Clone(); $bad.Remove('ComputerName')
            Set-CloudInitSeed $target
            Invoke-CloudInitStage $target | Out-Null
            $results = '127.0.0.2', '127.0.0.1' | Wait-CloudInit @bad -Timeout 3 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConnectTimedOut,*'
            $errs[0].TargetObject | Should -Be '127.0.0.2'
            # -Timeout 3 is read as seconds (a plain [timespan] conversion would make it 3 ticks).
            $errs[0].Exception.Message | Should -Match '(within 3 s|00:00:03)'
            $results | Should -HaveCount 1
            $results[0].State | Should -Be 'Done'
        }

        It 'answers Error quoting what it read when the status files are garbled (staged)' {
            # Staged: cloud-init never writes these; a damaged /run is what it stands for.
            Invoke-InTarget $target /bin/sh '-c' 'printf "{not json" >/run/cloud-init/status.json && printf "{\"v1\": 1" >/run/cloud-init/result.json' | Out-Null
            $result = Wait-CloudInit @splat -Timeout 10
            $result.State | Should -Be 'Error'
            $result.Detail | Should -Match 'could not be read'
            $result.Detail | Should -Match 'not json'
            $result.Errors | Should -HaveCount 1
        }
    }
}
