#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates AptReady.
.DESCRIPTION
    Build    compiles the solution and lays the module out under out/AptReady/<version>.
    Test     makes sure the Debian packages, the targets' root file systems and the VM images are
             there (tests/prerequisites.sh: installed or built once, as root), builds, then runs
             the xunit tests of the core and the Pester tests of the cmdlets (which start real
             container targets; see tests/targets) and prints one closing "N passed, N failed" line.
    Package  builds, then writes a .nupkg of the module to out/ that Install-PSResource can take.
    Demo     makes sure qemu and the VM image of -Suite are there (as for Test), builds, then runs
             the main job against a built-in target: a real Debian cloud-init VM.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester tags to run (default: all); for instance -Tag Locks.
    [string[]] $Tag,

    # Run only the xunit tests or only the Pester tests.
    [ValidateSet('All', 'Unit', 'Pester')]
    [string] $Scope = 'All',

    # The Debian generation the Demo boots: bookworm, trixie or forky.
    [ValidateSet('bookworm', 'trixie', 'forky')]
    [string] $Suite = 'bookworm'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$version = (Import-PowerShellDataFile "$root/AptReady.psd1").ModuleVersion
$moduleRoot = Join-Path $root "out/AptReady/$version"
$resultsDir = Join-Path $root 'out/TestResults'

function Invoke-Native {
    param([string] $What, [scriptblock] $Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)." }
}

function Initialize-Prerequisites([string[]] $For) {
    # The targets and the VM are Linux only; elsewhere the tests that need them skip with the reason.
    if (-not $IsLinux) { return }
    $script = "$root/tests/prerequisites.sh"
    Invoke-Native "making sure what '$($For -join ' ')' needs is there" { bash $script @For }
}

function Invoke-Build {
    Invoke-Native 'dotnet build' { dotnet build "$root/AptReady.sln" -c $Configuration --nologo -v quiet }
    $binOut = Join-Path $root "src/AptReady.Cmdlets/bin/$Configuration/netstandard2.0"

    if (Test-Path $moduleRoot) { Remove-Item $moduleRoot -Recurse -Force }
    $bin = New-Item -ItemType Directory -Force (Join-Path $moduleRoot 'bin')
    $deps = New-Item -ItemType Directory -Force (Join-Path $bin 'deps')
    Copy-Item "$root/AptReady.psd1" $moduleRoot
    Copy-Item "$root/src/Module/*" $moduleRoot -Recurse
    Copy-Item "$binOut/AptReady.dll", "$binOut/AptReady.pdb" $bin
    # Every other assembly goes where PowerShell does not probe; the module's loader isolates them.
    Get-ChildItem $binOut -Filter *.dll |
        Where-Object Name -NotIn 'AptReady.dll', 'System.Management.Automation.dll' |
        Copy-Item -Destination $deps
    # Help from the sources: XML doc comments and docs/examples (a fresh pwsh imports the module).
    dotnet pwsh -NoProfile -NonInteractive -File "$root/tools/New-ModuleHelp.ps1" -ModulePath (Join-Path $moduleRoot 'AptReady.psd1') `
        -DocumentationXml "$binOut/AptReady.xml" -ExamplesPath "$root/docs/examples" `
        -OutputPath (Join-Path $moduleRoot 'en-US/AptReady.dll-Help.xml') | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'Writing the help failed.' }
    Write-Host "Module laid out in $moduleRoot"
}

function Get-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content $Path -Raw
    $counters = $trx.TestRun.ResultSummary.Counters
    # A skipped xunit test is a result whose outcome is NotExecuted; the summary's notExecuted counter stays 0.
    $skipped = @($trx.TestRun.Results.UnitTestResult | Where-Object outcome -EQ 'NotExecuted').Count
    [pscustomobject]@{ Passed = [int]$counters.passed; Failed = [int]$counters.failed + [int]$counters.error; Skipped = $skipped }
}

function Invoke-UnitTests {
    $trx = Join-Path $resultsDir 'core.trx'
    if (Test-Path $trx) { Remove-Item $trx }
    dotnet test "$root/tests/AptReady.Core.Tests" -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=core.trx' --logger 'console;verbosity=minimal' --results-directory $resultsDir | Out-Host
    if (-not (Test-Path $trx)) { throw 'The xunit run wrote no results.' }
    Get-TrxCounts $trx
}

function Invoke-PesterTests {
    Invoke-Native 'restoring the test tools' { dotnet restore "$root/tests/Tools.proj" --nologo -v quiet }
    $nugetRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $pester = Join-Path $nugetRoot 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $pester)) { throw "Pester 5.7.1 was not restored to $pester." }
    $xml = Join-Path $resultsDir 'pester.xml'
    Remove-Item (Join-Path $resultsDir 'pester-summary.json') -ErrorAction Ignore
    New-Item -ItemType Directory -Force $resultsDir | Out-Null
    $tagList = if ($Tag) { $Tag -join ',' } else { '' }
    # A child pwsh: the tests import the built module into a fresh session, as a user would.
    dotnet pwsh -NoProfile -NonInteractive -File "$root/tests/Invoke-PesterSuite.ps1" `
        -PesterPath $pester -ModulePath (Join-Path $moduleRoot 'AptReady.psd1') -ResultPath $xml -Tag $tagList | Out-Host
    $summary = Join-Path $resultsDir 'pester-summary.json'
    if (-not (Test-Path $summary)) { throw 'The Pester run wrote no summary.' }
    Get-Content $summary -Raw | ConvertFrom-Json
}

function Invoke-Test {
    Initialize-Prerequisites $(if ($Scope -eq 'Unit') { 'unit' } else { 'test' })
    Invoke-Build
    $counts = @()
    if ($Scope -in 'All', 'Unit') {
        $unit = Invoke-UnitTests
        Write-Host ("xunit:  {0} passed, {1} failed, {2} skipped" -f $unit.Passed, $unit.Failed, $unit.Skipped)
        $counts += $unit
    }
    if ($Scope -in 'All', 'Pester') {
        $pester = Invoke-PesterTests
        Write-Host ("pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
        $counts += $pester
    }
    $passed = ($counts | Measure-Object Passed -Sum).Sum
    $failed = ($counts | Measure-Object Failed -Sum).Sum
    $skipped = ($counts | Measure-Object Skipped -Sum).Sum
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Package {
    Invoke-Build
    $out = Join-Path $root 'out'
    & "$root/tools/New-ModulePackage.ps1" -ModulePath $moduleRoot -OutputPath $out
}

function Invoke-Demo {
    Initialize-Prerequisites 'demo', $Suite
    Invoke-Build
    dotnet pwsh -NoProfile -File "$root/tests/Demo.ps1" -ModulePath (Join-Path $moduleRoot 'AptReady.psd1') -Suite $Suite
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Demo' { Invoke-Demo }
}
