<#
.SYNOPSIS
    Writes a .nupkg of a laid-out module that Install-PSResource (or Install-Module) takes from a
    local repository. Uses PSResourceGet, which ships with PowerShell 7.4 and later.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
$repoName = "AptReadyBuild-$PID"
$packages = New-Item -ItemType Directory -Force (Join-Path $OutputPath 'packages')
Register-PSResourceRepository -Name $repoName -Uri $packages.FullName -Trusted
try {
    $name = Split-Path (Split-Path $ModulePath) -Leaf
    $version = Split-Path $ModulePath -Leaf
    Remove-Item (Join-Path $packages "$name.$version.nupkg") -ErrorAction Ignore
    Publish-PSResource -Path $ModulePath -Repository $repoName -SkipDependenciesCheck
    $nupkg = Get-Item (Join-Path $packages "$name.$version.nupkg")
    Write-Host "Package written: $($nupkg.FullName)"
    $nupkg
}
finally {
    Unregister-PSResourceRepository -Name $repoName
}
