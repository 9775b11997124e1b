#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# The fault run of issue 9: 200 hosts in one pipeline, some of them broken in each way a fleet breaks.

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestFleet.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1') -Force
    $targetScript = Join-Path $PSScriptRoot '../targets/target.sh'
}

Describe 'A 200-host pipeline with faults' -Tag 'Fleet', 'Integration' {
    BeforeEach { Assert-TestTargetReady $fleet.Targets }
    BeforeAll {
        # 176 hosts on 11 targets (16 sshd ports each), cloud-init done on every one.
        $fleet = Start-TestFleet -Count 176 -CloudInitDone
        $lockTarget, $keyTarget = $fleet.Targets[0..1]
        $lockHolder = Start-LockHolder -Target $lockTarget -Path /var/lib/apt/lists/lock -Seconds 600

        # 16 hosts whose sshd is killed mid-run: their final stage is still running when the pipeline
        # starts, and every sshd process of the target ends a few seconds later, for good.
        $env:APTREADY_CLIENT_KEY = $fleet.KeyFilePath
        try { $goneTarget = Start-TestTarget -Suite bookworm -Port (19900..19915) }
        finally { $env:APTREADY_CLIENT_KEY = $null }
        Set-CloudInitSeed $goneTarget -UserData 'runcmd:', '  - [sleep, "120"]'
        Invoke-CloudInitStage $goneTarget -Stage local, init, config | Out-Null
        Start-CloudInitFinalStage $goneTarget
        Get-Content $goneTarget.KnownHostsPath | Add-Content $fleet.KnownHostsPath
        $goneHosts = $goneTarget.Ports | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } }

        # Half the hosts of one target are known under another key: known_hosts says they changed.
        $other = Join-Path $fleet.Work 'other_host_key'
        & ssh-keygen -q -t ed25519 -N '' -f $other
        $otherKey = ((Get-Content "$other.pub") -split ' ')[0..1] -join ' '
        $changedPorts = $keyTarget.Ports[0..7]
        $known = Get-Content $fleet.KnownHostsPath | Where-Object { $line = $_; -not ($changedPorts | Where-Object { $line.StartsWith("[127.0.0.1]:$_ ") }) }
        $known += $changedPorts | ForEach-Object { "[127.0.0.1]:$_ $otherKey" }
        $known | Set-Content $fleet.KnownHostsPath

        # Eight ports nobody listens on (below the fleet's blocks).
        $closedPorts = 19990..19997
        $hosts = @($fleet.Hosts) + @($goneHosts) + @($closedPorts | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } })
        $common = @{ UserName = $fleet.UserName; KeyFilePath = $fleet.KeyFilePath; KnownHostsPath = $fleet.KnownHostsPath; ThrottleLimit = 64 }
    }
    AfterAll {
        $goneTarget | Stop-TestTarget
        $fleet | Stop-TestFleet
    }

    It 'gives each of 200 hosts exactly one result or one error record, with the right id for each fault' {
        $hosts | Should -HaveCount 200
        # Mid-run: once the pipeline has logged in to all 16 hosts of the gone target (their waits
        # are running), every sshd process of that target ends.
        $goneLog = Join-Path $goneTarget.Root 'var/log/aptready-sshd.log'
        $loginsBefore = Get-TargetConnectionCount $goneTarget
        $killer = Start-ThreadJob -ScriptBlock {
            param($script, $state, $log, $logins)
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (@(Select-String -Path $log -Pattern 'Accepted publickey for').Count -lt $logins -and [DateTime]::UtcNow -lt $deadline) {
                Start-Sleep -Milliseconds 50
            }
            & bash $script sshd-kill $state
        } -ArgumentList $targetScript, $goneTarget.State, $goneLog, ($loginsBefore + 16)

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $results = $hosts |
            Wait-CloudInit @common -Timeout 00:00:40 -ErrorOnFailure -ErrorVariable +errs -ErrorAction SilentlyContinue |
            Invoke-AptGet -Command Update -Simulate -LockTimeout 00:00:05 -ErrorVariable +errs -ErrorAction SilentlyContinue
        $clock.Stop()
        $killer | Receive-Job -Wait -AutoRemoveJob | Out-Null
        Write-Host ("    200 hosts, faults included: {0:0.0} s" -f $clock.Elapsed.TotalSeconds)

        $healthy = $fleet.Hosts.Count - 16 - 8
        $results | Should -HaveCount $healthy
        @($results | Group-Object Port | Where-Object Count -ne 1) | Should -BeNullOrEmpty
        $results | ForEach-Object { $_.Succeeded | Should -BeTrue }
        $results.Port | Should -Not -Contain $lockTarget.Ports[0]
        $results.Port | Should -Not -Contain $goneTarget.Ports[0]
        $results.Port | Should -Not -Contain $changedPorts[0]

        $ids = $errs | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] } | Group-Object -AsHashTable -AsString
        $errs | Should -HaveCount (200 - $healthy)
        $ids['AptLockTimeout'] | Should -HaveCount 16
        $ids['HostKeyMismatch'] | Should -HaveCount 8
        # Never reached: the 8 closed ports. Reached, then gone for good (the 16 hosts whose sshd was
        # killed once the pipeline had logged in to each): cloud-init's wait ran out of time.
        $ids['ConnectTimedOut'] | Should -HaveCount 8
        $ids['CloudInitTimedOut'] | Should -HaveCount 16
        @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'CloudInitTimedOut,*' -and $_.Exception.Message -match ':199(0\d|1[0-5])\b' }) | Should -HaveCount 16
        $ids.Keys | Should -Not -Contain 'HostFailed' -Because 'every failure has its own id'
        @($errs | Where-Object { $_.FullyQualifiedErrorId -like 'ConnectTimedOut,*' -and $_.Exception.Message -match ':1999[0-7]\b' }) | Should -HaveCount 8
        $errs | Where-Object { $_.FullyQualifiedErrorId -like 'AptLockTimeout,*' } | ForEach-Object {
            $_.Exception.Message | Should -Match "held by $lockHolder python3"
        }
    }

    It 'ends the whole pipeline promptly on Ctrl+C' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($module, $hosts, $common)
            Import-Module $module
            $hosts | Wait-CloudInit @common -Timeout 00:05:00 | Invoke-AptGet -Command Update -Simulate -LockTimeout 00:05:00
        }).AddArgument($env:APTREADY_MODULE).AddArgument($hosts).AddArgument($common)
        $handle = $ps.BeginInvoke()
        Wait-Condition -Seconds 120 -What 'the pipeline to report waiting on its hosts' { $ps.Streams.Progress.Count -gt 0 }
        $handle.IsCompleted | Should -BeFalse -Because 'the lock-held and stuck hosts keep it busy for minutes'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $clock.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        Write-Host "    Stop() returned after $([int]$clock.Elapsed.TotalMilliseconds) ms"
        # A hang guard, not a performance target.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
        $ps.Dispose()
    }
}
