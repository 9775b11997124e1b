#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# One list of error ids: AptReadyErrors.Catalog in the module, the ErrorIds constants in the core,
# README.md's "Error ids" section and the hostile corpus's moduleIds must name the same ids.
BeforeDiscovery {
    Import-Module $env:APTREADY_MODULE -Force
    $assembly = (Get-Module AptReady).ImplementingAssembly
    $catalog = $assembly.GetType('AptReady.Cmdlets.Infrastructure.AptReadyErrors', $true).
        GetField('Catalog', [System.Reflection.BindingFlags] 'NonPublic, Static').GetValue($null)
    $ids = @($catalog.Keys | Sort-Object | ForEach-Object { @{ Id = $_; Category = $catalog[$_] } })
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    $assembly = (Get-Module AptReady).ImplementingAssembly
    $catalog = $assembly.GetType('AptReady.Cmdlets.Infrastructure.AptReadyErrors', $true).
        GetField('Catalog', [System.Reflection.BindingFlags] 'NonPublic, Static').GetValue($null)
    $catalogIds = @($catalog.Keys | Sort-Object)
    # The core as the module loaded it (in its own load context on pwsh 7).
    $core = $assembly.GetType('AptReady.Cmdlets.Infrastructure.AptReadyErrors', $true).GetMethod('InvalidInput').GetParameters()[0].ParameterType.Assembly
    $root = Split-Path (Split-Path $PSScriptRoot)
}

Describe 'Error id <Id>' -ForEach $ids -Tag 'Help' {
    It 'has a category of its own (<Category>)' {
        if ($Id -in 'HostFailed', 'CloudInitNotReady') {
            $Category | Should -Be 'NotSpecified' -Because 'an unforeseen failure has no better category'
        } else {
            $Category | Should -Not -Be 'NotSpecified'
        }
    }
}

Describe 'The list of error ids' -Tag 'Help' {
    It 'is the core''s ErrorIds constants' {
        $constants = $core.GetType('AptReady.Core.ErrorIds', $true).GetFields() |
            Where-Object IsLiteral | ForEach-Object { $_.GetRawConstantValue() } | Sort-Object
        $constants | Should -Be $catalogIds
    }

    It 'holds every RemoteFailure by name' {
        $failures = [Enum]::GetNames($core.GetType('AptReady.Core.Remote.RemoteFailure', $true))
        $failures | Where-Object { $_ -notin $catalogIds } | Should -BeNullOrEmpty
    }

    It 'is README.md''s "Error ids" section' {
        $readme = Get-Content -Raw (Join-Path $root 'README.md')
        $section = $readme.Substring($readme.IndexOf('## Error ids'))
        $section = $section.Substring(0, $section.IndexOf("`n## ", 5))
        $bullets = ($section -split "`n" | Where-Object { $_ -match '^(- |  )' }) -join "`n"
        $documented = [regex]::Matches($bullets, '`([A-Z][A-Za-z]+)`') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $documented | Should -Be $catalogIds
    }

    It 'is the hostile corpus''s moduleIds' {
        $corpus = & (Join-Path $root 'tests/Pester/Scripts/HostileCorpus.ps1')
        @($corpus.ModuleIds | Sort-Object -Unique) | Should -Be $catalogIds
    }
}
