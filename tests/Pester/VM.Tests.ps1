#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# End to end on a real cloud-init VM (issue 8): qemu boots Debian with a NoCloud seed made by
# AptReady's core; package_update: true makes cloud-init's own apt-get update hold the lists lock
# while a slow local repository (10.0.2.2) trickles its Release file. See tests/vm/README.md.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $VmTestSuites
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestVm.psm1') -Force
}

Describe 'A first boot of a <Suite> cloud-init VM' -ForEach $suites -Tag 'VM', 'Integration' {
    BeforeAll {
        $skipReason = Get-TestVmSkipReason
        $vm = $null
        $figures = [ordered]@{ Suite = $Suite }
        if (-not $skipReason) {
            # The repository holds cloud-init's apt-get update (and so the lists lock) until the test
            # below has seen an Invoke-AptGet wait for it (Complete-TestVmRepoHold), 300 s at most:
            # however slowly a loaded machine gets there, the lock is still cloud-init's.
            $vm = Start-TestVm -Suite $Suite -RepoHoldSeconds 300
            $figures.ImageSeconds = $vm.ImageSeconds
            # A VM that never answers fails every test below with its serial console's tail.
            # A hang guard, generous for a shared 2-core machine (SSH answers after ~30 s on an idle one).
            $sshTimeout = if ($env:APTREADY_VM_SSH_TIMEOUT) { [int]$env:APTREADY_VM_SSH_TIMEOUT } else { 420 }
            $figures.SshSeconds = Wait-TestVmSsh -Vm $vm -TimeoutSeconds $sshTimeout
            $splat = Get-TargetSplat $vm
            $listsLock = '/var/lib/apt/lists/lock'

            # cloud-final starts a few seconds after sshd; the naive step below is run once the VM's
            # apt-get update (cloud-init's) has asked the repository for its first file.
            $deadline = [DateTime]::UtcNow.AddSeconds(180)
            while (-not (Get-TestVmRepoRequest $vm.Repo) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250 }
            $first = Get-TestVmRepoRequest $vm.Repo | Select-Object -First 1
            if (-not $first) {
                throw "cloud-init never asked the local repository for anything within 180 s after SSH answered. Serial console:`n$(Get-TestVmSerialTail $vm)"
            }
            $figures.AptUpdateStartedSeconds = [math]::Round($first.Time - $vm.StartedAt, 1)
        }
    }
    AfterAll {
        $vm | Stop-TestVm
        if ($figures.Count -gt 1) {
            $resultsDir = Join-Path $PSScriptRoot '../../out/TestResults'
            New-Item -ItemType Directory -Force $resultsDir | Out-Null
            $figures | ConvertTo-Json | Set-Content (Join-Path $resultsDir "vm-$Suite.json")
            Write-Host ("VM figures ({0}): {1}" -f $Suite, (($figures.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' '))
        }
    }

    It 'the naive step, sudo apt-get update over SSH, fails on the lists lock' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $figures.NaiveStepSeconds = [math]::Round((Get-TestVmSeconds $vm), 1)
        $naive = Invoke-TargetSsh $vm 'sudo -n env LC_ALL=C apt-get update'
        $naive.ExitCode | Should -Be 100 -Because $naive.Output
        $naive.Output | Should -Match '(?m)^E: (Could not get lock /var/lib/apt/lists/lock\. It is held by process \d+ \(apt-get\)|.*[Cc]ache.*corrupt.*)' -Because 'apt reports the lock (or, losing the race later, a corrupted cache)'
        if ($naive.Output -match 'It is held by process (\d+) \(apt-get\)') { $script:naiveHolderPid = [int]$Matches[1] }
    }

    # Before any other AptReady connection to this VM: the module pools connections per user, host
    # and port, so only the first handshake shows which key is accepted.
    It 'the connection is pinned: a different host key fingerprint is refused (no trust on first use)' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $other = $splat.Clone()
        $other.HostKeyFingerprint = 'SHA256:' + [Convert]::ToBase64String([byte[]]::new(32)).TrimEnd('=')
        $records = Test-AptLock @other -Path $listsLock -ErrorVariable errs -ErrorAction SilentlyContinue
        $records | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyMismatch,*'
        # The OpenSSH client of the naive step accepted only the seed's key too (StrictHostKeyChecking=yes).
        (Get-Content $vm.KnownHostsPath) | Should -HaveCount 1
    }

    It "Test-AptLock, pinned to the seed's host key, names cloud-init's apt-get (<FinalStageUnit>) as the holder" {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $record = Test-AptLock @splat -Path $listsLock
        $record.IsHeld | Should -BeTrue
        $record.ProcessName | Should -Be 'apt-get'
        $record.CommandLine | Should -Match 'apt-get.* update'
        $record.Unit | Should -Be $FinalStageUnit
        if ($script:naiveHolderPid) { $record.HolderPid | Should -Be $script:naiveHolderPid }
        $record.ComputerName | Should -Be '127.0.0.1'
        $record.Port | Should -Be $vm.Port
        $figures.Holder = "$($record.ProcessName) (pid $($record.HolderPid), $($record.Unit)): $($record.CommandLine)"
    }

    It 'Wait-CloudInit | Invoke-AptGet -Command Update succeeds; an Invoke-AptGet started under the lock waited for it and names the holder' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        # Started while cloud-init's apt-get update still holds the lists lock (its own connection).
        $early = Start-ThreadJob -ScriptBlock {
            param($module, $s)
            Import-Module $module
            Invoke-AptGet @s -Command Update -LockTimeout 00:05:00
        } -ArgumentList $env:APTREADY_MODULE, $splat
        try {
            # Invoke-AptGet's progress says "waiting for <lock> held by <holder>" while it waits.
            Wait-Condition -Seconds 180 -What 'the early Invoke-AptGet reporting that it waits for the lists lock' -Condition {
                # (A thread job is NotStarted until its runspace runs: only an ended job stops the wait early.)
                $early.State -in 'Completed', 'Failed', 'Stopped' -or ($early.Progress | Where-Object StatusDescription -like 'waiting for*')
            }
        }
        finally {
            Complete-TestVmRepoHold $vm.Repo
        }
        $ci = $null
        $updated = Wait-CloudInit @splat -Timeout 00:06:00 -OutVariable ci | Invoke-AptGet -Command Update -LockTimeout 00:05:00
        $ci | Should -HaveCount 1
        $ci[0].State | Should -Be 'Done'
        $updated | Should -HaveCount 1
        $updated.Succeeded | Should -BeTrue
        $figures.WaitCloudInitSeconds = [math]::Round($ci[0].Waited.TotalSeconds, 1)

        $waited = $early | Receive-Job -Wait -AutoRemoveJob
        $waited.Succeeded | Should -BeTrue
        $waited.LockWait | Should -BeGreaterThan ([timespan]::Zero)
        # Cloud-init's apt-get, by its unit: not the pipeline's own update, which may also have been met.
        $waited.LockHolders | Where-Object { $_.ProcessName -eq 'apt-get' -and $_.Unit -eq $FinalStageUnit } |
            Should -Not -BeNullOrEmpty -Because "cloud-init's apt-get held the lists lock: $($waited.LockHolders -join '; ')"
        $figures.AptReadyLockWaitSeconds = [math]::Round($waited.LockWait.TotalSeconds, 1)
        $figures.AptReadyLockHolders = ($waited.LockHolders | ForEach-Object { "$_" } | Sort-Object -Unique) -join '; '
    }

    It 'Invoke-AptGet -Command Install -Package aptready-hello installs from the local repository' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $installed = Invoke-AptGet @splat -Command Install -Package aptready-hello
        $installed.Succeeded | Should -BeTrue
        $installed.ChangedPackages | Should -Contain 'aptready-hello'
        (Invoke-TargetSsh $vm "dpkg-query -W -f='`${Status}' aptready-hello").Output | Should -Match 'install ok installed'
    }

    It 'once cloud-init has finished, Test-AptLock reports every lock free' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        # A bounded poll (a hang guard, not a timing assertion).
        $deadline = [DateTime]::UtcNow.AddSeconds(180)
        while (-not (Test-AptLock @splat -Path $listsLock -Quiet) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Seconds 1 }
        $figures.ListsLockFreeSeconds = [math]::Round((Get-TestVmSeconds $vm), 1)
        $figures.ListsLockHeldAfterSshSeconds = [math]::Round($figures.ListsLockFreeSeconds - $figures.SshSeconds, 1)

        $deadline = [DateTime]::UtcNow.AddSeconds(120)
        do {
            # As root: the image has no D-Bus, and cloud-init 25.1 run by a normal user cannot ask
            # systemd whether its units still run.
            $status = Invoke-TargetSsh $vm 'sudo -n cloud-init status --format json 2>/dev/null || sudo -n cloud-init status'
            if ($status.Output -match '"status":\s*"(done|error|degraded done)"' -or $status.Output -match 'status: (done|error)') { break }
            Start-Sleep -Seconds 2
        } while ([DateTime]::UtcNow -lt $deadline)
        $status.Output | Should -Match '"status":\s*"done"|status: done' -Because 'cloud-init must finish cleanly with this seed'

        # When cloud-init finished, on the VM's clock mapped to the host's (one SSH round trip of error).
        $clock = Invoke-TargetSsh $vm "python3 -c 'import os,time; print(os.stat(""/var/lib/cloud/instance/boot-finished"").st_mtime, time.time())'"
        $hostNow = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() / 1000.0
        $finished, $vmNow = $clock.Output.Trim() -split ' ' | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) }
        $figures.CloudInitDoneSeconds = [math]::Round($finished - $vmNow + $hostNow - $vm.StartedAt, 1)
        $result = Invoke-TargetSsh $vm 'cat /run/cloud-init/result.json'
        ($result.Output | ConvertFrom-Json).v1.errors | Should -BeNullOrEmpty

        $records = Test-AptLock @splat
        $records | Should -HaveCount 5
        $records | Where-Object IsHeld | Should -BeNullOrEmpty
        $records | ForEach-Object { $_.Port | Should -Be $vm.Port }
    }
}
