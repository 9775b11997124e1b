<#
.SYNOPSIS
    Runs in a fresh pwsh: loads SSH.NET 2024.2.0 first (as Posh-SSH would), then imports AptReady,
    then drives AptReady through a Posh-SSH-shaped session whose client comes from that other SSH.NET,
    one with ExecuteAsync (the real Posh-SSH 3.2.7 ships 2024.0.0, without it: PoshSsh.Tests.ps1 covers
    that route). Prints one JSON object with what happened, for the Pester test to check.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [int] $Port,
    [Parameter(Mandatory)] [string] $UserName,
    [Parameter(Mandatory)] [string] $KeyFilePath,
    [Parameter(Mandatory)] [string] $HostKeyFingerprint
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'PoshSshShape.ps1')

$modernRecords = @($modern | Test-AptLock)
$notSession = $null
try { Test-AptLock -Session ([pscustomobject]@{ Host = 'x' }) -ErrorAction Stop } catch { $notSession = $_.FullyQualifiedErrorId }

$sshNets = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Renci.SshNet' } | ForEach-Object {
    [pscustomobject]@{
        Version = $_.GetName().Version.ToString()
        Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
    }
}
$client.Dispose()

[pscustomobject]@{
    ModernCount        = $modernRecords.Count
    ModernHosts        = @($modernRecords.ComputerName | Sort-Object -Unique)
    ModernAllFree      = -not ($modernRecords | Where-Object IsHeld)
    NotSessionErrorId  = $notSession
    SshNetVersions     = @($sshNets)
    AptReadyCmdlets    = @((Get-Command -Module AptReady).Name)
} | ConvertTo-Json -Depth 4
