#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Reboots on a real cloud-init VM (issue 16), one VM per suite whose boots serve every check in order:
# 1. cloud-init's own reboot: the seed installs aptready-reboot-early (its postinst writes
#    /run/reboot-required) with package_reboot_if_required, so cloud-init reboots the VM inside its final
#    stage; Wait-CloudInit, connected in the first boot, returns Done for the boot after it.
# 2. Invoke-AptGet -Reboot IfRequired with a package that asks for nothing does not reboot.
# 3. Invoke-AptGet -Reboot IfRequired installing aptready-reboot reboots the VM and returns once it is
#    back in a new boot with cloud-init settled and apt's locks free.
# qemu runs without -no-reboot here (Start-TestVm -AllowReboot). Costs are written to
# out/TestResults/vm-reboot-SUITE.json and printed.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $VmTestSuites
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestVm.psm1') -Force

    function Get-VmBootId($Vm) {
        $read = Invoke-TargetSsh $Vm 'cat /proc/sys/kernel/random/boot_id'
        if ($read.ExitCode -ne 0) { throw "Reading the VM's boot id failed: $($read.Output)" }
        $read.Output.Trim()
    }
}

Describe 'Reboots of a <Suite> cloud-init VM' -ForEach $suites -Tag 'VM', 'VMReboot', 'Integration' {
    BeforeAll {
        $skipReason = Get-TestVmSkipReason
        # Opt-in until issue 16 is finished (the second race is not built yet): two or three extra TCG
        # boots per suite are minutes each, which the default run does not spend yet.
        if (-not $skipReason -and $env:APTREADY_VM_REBOOT_TESTS -ne '1') {
            $skipReason = 'the reboot VM tests run with APTREADY_VM_REBOOT_TESTS=1 (opt-in until issue 16 is finished)'
        }
        $vm = $null
        $figures = [ordered]@{ Suite = $Suite }
        if (-not $skipReason) {
            $vm = Start-TestVm -Suite $Suite -RepoHoldSeconds 1 -SeedPackage aptready-reboot-early -SeedRebootIfRequired -AllowReboot
            $sshTimeout = if ($env:APTREADY_VM_SSH_TIMEOUT) { [int]$env:APTREADY_VM_SSH_TIMEOUT } else { 420 }
            $figures.SshSeconds = Wait-TestVmSsh -Vm $vm -TimeoutSeconds $sshTimeout
            $splat = Get-TargetSplat $vm
        }
    }
    AfterAll {
        $vm | Stop-TestVm
        Write-TestVmFigures -Figures $figures -Name "vm-reboot-$Suite"
    }

    It 'Wait-CloudInit, connected before cloud-init''s own reboot, returns Done for the boot after it with RebootDetected' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        # -Timeout is a hang guard: on a loaded 2-core machine one TCG boot has taken 5 minutes here, and this wait spans two.
        $result = Wait-CloudInit @splat -Timeout 1500 -Verbose 4>&1 | Tee-Object -Variable stream | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] }
        $figures.WaitCloudInitAcrossRebootSeconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        $figures.CloudInitDoneSeconds = [math]::Round((Get-TestVmSeconds $vm), 1)
        # (The console's tail without control characters: the NUnit report cannot hold them.)
        $result.State | Should -Be 'Done' -Because "$($result.Detail)`n$((Get-TestVmSerialTail $vm) -replace '[\x00-\x08\x0B\x0C\x0E-\x1F]', '')"
        $result.RebootDetected | Should -BeTrue -Because (($stream | Where-Object { $_ -is [Management.Automation.VerboseRecord] }) -join "`n")
        $result.BootId | Should -Be (Get-VmBootId $vm)
        # The first boot really installed the package that asked for the reboot; /run of the new boot is clean.
        (Invoke-TargetSsh $vm "dpkg-query -W -f '`${Status}' aptready-reboot-early").Output.Trim() | Should -Be 'install ok installed'
        (Invoke-TargetSsh $vm 'test -e /run/reboot-required').ExitCode | Should -Be 1
    }

    It 'Invoke-AptGet -Reboot IfRequired does not reboot when nothing asks for it' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $before = Get-VmBootId $vm
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello -Reboot IfRequired -Confirm:$false -ErrorAction Stop
        $figures.NoRebootSeconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        $result.Succeeded | Should -BeTrue
        $result.RebootRequired | Should -BeFalse -Because ($result.RebootRequirement.Signals -join '; ')
        $result.Rebooted | Should -BeFalse
        Get-VmBootId $vm | Should -Be $before
    }

    It 'Invoke-AptGet -Reboot IfRequired after a package that asks reboots the VM and returns once it is back and settled' {
        if ($skipReason) { Set-ItResult -Skipped -Because $skipReason; return }
        $before = Get-VmBootId $vm
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Invoke-AptGet @splat -Command Install -Package aptready-reboot -Reboot IfRequired -RebootTimeout 1500 -Confirm:$false -ErrorAction Stop
        $figures.RebootSeconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
        $result.Succeeded | Should -BeTrue
        $result.RebootRequired | Should -BeTrue
        $result.RebootRequiredPackages | Should -Contain 'aptready-reboot'
        $result.Rebooted | Should -BeTrue
        $result.RebootDuration | Should -BeGreaterThan ([timespan]::Zero)
        $result.Reboot.PreviousBootId | Should -Be $before
        $result.Reboot.BootId | Should -Not -Be $before
        $result.Reboot.CloudInit | Should -Be 'Done'
        # Back for real: the pinned host key was accepted again, and the VM is in the boot the result names.
        Get-VmBootId $vm | Should -Be $result.Reboot.BootId
        (Invoke-TargetSsh $vm 'test -e /run/reboot-required').ExitCode | Should -Be 1
    }
}
