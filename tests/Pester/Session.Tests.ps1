#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
}

# A stand-in for Posh-SSH over SSH.NET 2024.2.0, for what the real Posh-SSH 3.2.7 (SSH.NET 2024.0.0) cannot
# show: a caller's SSH.NET with ExecuteAsync. The real module is driven by PoshSsh.Tests.ps1.
Describe 'Posh-SSH-shaped sessions and dependency isolation' -Tag 'Session', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        # A fresh pwsh that loads SSH.NET 2024.2.0 before AptReady (AptReady ships 2026.0.0).
        $json = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Scripts/ForeignSshNet.ps1') `
            -ModulePath $env:APTREADY_MODULE -Port $target.Port -UserName $target.UserName `
            -KeyFilePath $target.KeyFilePath -HostKeyFingerprint $target.HostKeyFingerprint 2>&1
        $run = ($json | Out-String) | ConvertFrom-Json
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'imports AptReady after another SSH.NET version is loaded, each in its own load context' {
        $run.AptReadyCmdlets | Should -Contain 'Test-AptLock'
        $versions = $run.SshNetVersions | Sort-Object Version
        $versions | Should -HaveCount 2
        ($versions | Where-Object Version -like '2024.2.*').Context | Should -Be 'Default'
        ($versions | Where-Object Version -like '2026.*').Context | Should -Not -Be 'Default'
    }

    It 'runs through a piped Posh-SSH-shaped session whose client is the other SSH.NET' {
        $run.ModernCount | Should -Be 5
        $run.ModernHosts | Should -Be '127.0.0.1'
        $run.ModernAllFree | Should -BeTrue
    }

    It 'does not take an object that is not a Posh-SSH session as -Session' {
        $run.NotSessionErrorId | Should -BeLike 'MismatchedPSTypeName,*'
    }
}
