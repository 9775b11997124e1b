<#
.SYNOPSIS
    The main job on the built-in target: a real Debian VM booted under qemu with a NoCloud seed that
    sets package_update: true (as Proxmox does), its cloud-init apt-get update held on the lists lock
    by a slow local repository. The naive step fails; AptReady's pipeline waits and succeeds.
.PARAMETER Suite
    bookworm (cloud-init 22.4.2), trixie (cloud-init 25.1.4) or forky (cloud-init 26.2).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'bookworm'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'Pester/TestTargets.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'Pester/TestVm.psm1') -Force

$skip = Get-TestVmSkipReason
if ($skip) { throw "The demo VM cannot run on this machine: $skip" }

$clock = [Diagnostics.Stopwatch]::StartNew()
Write-Host "Booting a Debian $Suite VM under qemu (software emulation: about a minute to SSH)..."
$vm = Start-TestVm -Suite $Suite -RepoHoldSeconds 30
try {
    $sshSeconds = Wait-TestVmSsh -Vm $vm -TimeoutSeconds 420
    Write-Host ("SSH answers after {0:0} s; the host key is the one pinned in the seed: {1}" -f $sshSeconds, $vm.HostKeyFingerprint)
    $splat = Get-TargetSplat $vm

    $deadline = [DateTime]::UtcNow.AddSeconds(180)
    while (-not (Get-TestVmRepoRequest $vm.Repo) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250 }

    Write-Host ''
    Write-Host 'The naive provisioning step, sudo apt-get update, right now:'
    $naive = Invoke-TargetSsh $vm 'sudo -n env LC_ALL=C apt-get update'
    Write-Host ($naive.Output.Trim()) -ForegroundColor Yellow
    Write-Host "(exit code $($naive.ExitCode))"

    Write-Host ''
    Write-Host 'Test-AptLock: who holds what'
    Test-AptLock @splat | Format-Table -AutoSize | Out-Host

    Write-Host 'Wait-CloudInit | Invoke-AptGet -Command Update, then Install:'
    $ProgressPreference = 'Continue'
    $ready = Wait-CloudInit @splat -Timeout 00:06:00
    $ready | Format-Table -AutoSize | Out-Host
    $update = $ready | Invoke-AptGet -Command Update -LockTimeout 00:05:00
    $install = $ready | Invoke-AptGet -Command Install -Package aptready-hello
    $update, $install | Format-Table -AutoSize | Out-Host

    Write-Host 'Test-AptLock -Quiet (every lock free):'
    Test-AptLock @splat -Quiet | Out-Host
}
finally {
    Write-Host 'Shutting the VM down.'
    $vm | Stop-TestVm
}
Write-Host ("Demo done in {0:0} s." -f $clock.Elapsed.TotalSeconds)
