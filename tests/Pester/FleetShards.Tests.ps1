#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Issue 17: README's "More hosts than one process" example, run as it is written over 64 container hosts.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestFleet.psm1') -Force

    # The code block that follows README's "tested:" marker, verbatim.
    $readme = Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw
    $match = [regex]::Match($readme, '<!-- tested: tests/Pester/FleetShards\.Tests\.ps1[^\n]*\n```powershell\n(?<code>.*?)\n```', 'Singleline')
    $example = $match.Groups['code'].Value
}

Describe "README's sharded example over 64 hosts" -Tag 'Fleet', 'Integration' {
    BeforeAll {
        $fleet = Start-TestFleet -Count 64 -CloudInitDone
        # The example imports AptReady by name, as a user's installed module: the built one is found first.
        $savedModulePath = $env:PSModulePath
        $env:PSModulePath = (Split-Path (Split-Path (Split-Path $env:APTREADY_MODULE))) + [IO.Path]::PathSeparator + $env:PSModulePath
    }
    AfterAll {
        $env:PSModulePath = $savedModulePath
        $fleet | Stop-TestFleet
    }

    It 'finds the example in the README' {
        $match.Success | Should -BeTrue
        $example | Should -Match 'ForEach-Object -ThrottleLimit \$shardCount -Parallel'
    }

    It 'accounts for every host exactly once: a result or an error record' {
        # Four hosts nobody listens on (below the fleet's port blocks): each must come back as an error.
        $closed = 19980..19983 | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } }
        $hosts = @($fleet.Hosts) + @($closed)
        $login = @{ UserName = $fleet.UserName; KeyFilePath = $fleet.KeyFilePath; KnownHostsPath = $fleet.KnownHostsPath; NoAgent = $true; ConnectTimeout = 5 }

        # Errors are counted from -ErrorVariable, not shown.
        $ErrorActionPreference = 'SilentlyContinue'
        . ([scriptblock]::Create($example))
        $ErrorActionPreference = 'Stop'

        $results | Should -HaveCount $fleet.Hosts.Count
        $results | ForEach-Object { $_.State | Should -Be 'Done' }
        @($results.Host.Port | Sort-Object) | Should -Be @($fleet.Hosts.Port | Sort-Object)
        $failures | Should -HaveCount 4
        @($failures | ForEach-Object { $_.FullyQualifiedErrorId -split ',' | Select-Object -First 1 } | Sort-Object -Unique) | Should -Be @('ConnectTimedOut')
        @($failures.TargetObject | Sort-Object -Unique) | Should -Be @('127.0.0.1')
    }
}
