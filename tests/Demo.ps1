<#
.SYNOPSIS
    The main job on a built-in target: a container target (sshd in a Debian bookworm chroot) whose
    apt lists lock is held the way cloud-init's own apt-get update holds it, then AptReady's view.
#>
param([Parameter(Mandatory)] [string] $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
Import-Module (Join-Path $PSScriptRoot 'Pester/TestTargets.psm1') -Force

Write-Host 'Starting a Debian bookworm target (sshd in a chroot, on a loopback port)...'
$target = Start-TestTarget -Suite bookworm
try {
    $splat = Get-TargetSplat $target
    $holder = Start-LockHolder -Target $target -Path /var/lib/apt/lists/lock -Seconds 60
    Write-Host "A process (pid $holder) now holds /var/lib/apt/lists/lock, as cloud-init's apt-get update would."
    Write-Host ''
    Write-Host 'The naive step, sudo apt-get update, fails:'
    (Invoke-TargetSsh $target 'sudo -n env LC_ALL=C apt-get update').Output.Trim() | Write-Host
    Write-Host ''
    Write-Host "Test-AptLock -ComputerName $($target.ComputerName) -Port $($target.Port) -UserName $($target.UserName) ..."
    Test-AptLock @splat | Format-Table -AutoSize | Out-Host
    Stop-LockHolder -Target $target -HolderPid $holder
    Write-Host 'After the holder ended, Test-AptLock -Quiet says:'
    Test-AptLock @splat -Quiet | Out-Host
}
finally {
    $target | Stop-TestTarget
}
