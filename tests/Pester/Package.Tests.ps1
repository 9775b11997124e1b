#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

Describe 'The .nupkg installs from a local PSResource repository' -Tag 'Package' {
    BeforeAll {
        $moduleRoot = Split-Path $env:APTREADY_MODULE
        $work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-pkg-" + [guid]::NewGuid())
        New-Item -ItemType Directory $work | Out-Null
        $nupkg = & (Join-Path $PSScriptRoot '../../tools/New-ModulePackage.ps1') -ModulePath $moduleRoot -OutputPath $work 6>$null
    }
    AfterAll {
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    It 'installs into a temp path and runs in a fresh pwsh' {
        $nupkg | Should -Exist
        $script = {
            param($repoPath, $installPath)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name AptReadyLocalTest -Uri $repoPath -Trusted
            try {
                Save-PSResource -Name AptReady -Repository AptReadyLocalTest -Path $installPath -TrustRepository
            }
            finally { Unregister-PSResourceRepository -Name AptReadyLocalTest }
            $manifest = Get-ChildItem -Path $installPath -Filter AptReady.psd1 -Recurse | Select-Object -First 1
            Import-Module $manifest.FullName
            # A cmdlet that runs and answers without a host: a parameter validation error it names.
            try { Test-AptLock -ComputerName x -Path relative/path -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
            (Get-Command -Module AptReady).Name
        }
        $install = Join-Path $work 'installed'
        New-Item -ItemType Directory $install | Out-Null
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command $script -args (Split-Path $nupkg), $install
        $out | Should -Contain 'InvalidLockPath,AptReady.Cmdlets.Locks.TestAptLockCommand'
        $out | Should -Contain 'Test-AptLock'
    }
}
