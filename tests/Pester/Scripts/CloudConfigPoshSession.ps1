<#
.SYNOPSIS
    Runs in a fresh pwsh: loads SSH.NET 2024.2.0 first (as Posh-SSH would), imports AptReady, and hands
    New-CloudConfig -ValidateOn a Posh-SSH-shaped session whose client is that other SSH.NET. Prints one
    JSON object with what happened, for the Pester test to check.
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

$valid = New-CloudConfig -HostName posh -ValidateOn $modern
$invalid = New-CloudConfig -AdditionalConfig @{ bootcmd = 5 } -ValidateOn $modern -ErrorAction SilentlyContinue -ErrorVariable invalidErrors
$legacyErrors = $null
$null = New-CloudConfig -HostName legacy -ValidateOn $legacy -ErrorAction SilentlyContinue -ErrorVariable legacyErrors
$client.Dispose()

[pscustomobject]@{
    ValidSchema        = $valid.SchemaValid
    ValidVersion       = $valid.CloudInitVersion
    ValidatedOnHost    = $valid.ValidatedOn.ComputerName
    ValidatedOnPort    = $valid.ValidatedOn.Port
    InvalidSchema      = $invalid.SchemaValid
    InvalidErrorId     = @($invalidErrors)[0].FullyQualifiedErrorId
    LegacyErrorId      = @($legacyErrors)[0].FullyQualifiedErrorId
    LegacyErrorMessage = @($legacyErrors)[0].Exception.Message
} | ConvertTo-Json
