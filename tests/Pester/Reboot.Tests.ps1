#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Invoke-AptGet's RebootRequired and -Reboot on container targets (fast): the signals read from a staged
# /run/reboot-required, and the reboot's failures that need no real reboot. The reboot itself is proved on
# a real VM in VM.Reboot.Tests.ps1.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $TestSuites
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/AptRepo.psm1') -Force
    $repo = Start-AptRepo
}

AfterAll {
    $repo | Stop-AptRepo
}

Describe 'Invoke-AptGet -Reboot parameter checks' -Tag 'Reboot' {
    It 'refuses -Reboot with -Simulate before contacting any host' {
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Upgrade -Simulate -Reboot IfRequired -ErrorAction Stop } |
            Should -Throw -ErrorId 'RebootWithSimulate,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
    }

    It 'refuses an unknown -Reboot value and a zero -RebootTimeout' {
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Upgrade -Reboot Sometimes -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
        { Invoke-AptGet -ComputerName nowhere.invalid -Command Upgrade -Reboot Always -RebootTimeout 0 -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.Apt.InvokeAptGetCommand'
    }

    It '-WhatIf names the reboot as an operation of its own' {
        $out = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$env:APTREADY_MODULE'; Invoke-AptGet -ComputerName nowhere.invalid -Command Upgrade -Reboot Always -WhatIf" 2>&1 | Out-String
        $out | Should -Match 'What if: Performing the operation "apt-get upgrade" on target "nowhere.invalid"'
        $out | Should -Match 'What if: Performing the operation "Reboot \(systemctl reboot\) after apt-get upgrade" on target "nowhere.invalid"'
    }
}

Describe 'Invoke-AptGet reboot signals on a <Suite> target' -ForEach $suites -Tag 'Reboot', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $splat = Get-TargetSplat $target
        Set-TargetAptSource -Target $target -Repo $repo
        $update = Invoke-TargetSsh $target 'sudo -n env LC_ALL=C apt-get update'
        if ($update.ExitCode -ne 0) { throw "The first apt-get update failed: $($update.Output)" }
        # forky's linux-image postinst writes /run/reboot-required(.pkgs) itself; in a container target's
        # /run (a plain folder of the root file system) that flag is left from building it. Kept for its own test.
        $shippedPackages = @(Invoke-InTarget $target /bin/sh -c 'test -e /run/reboot-required && cat /run/reboot-required.pkgs' | Where-Object { $_ })
        Invoke-InTarget $target rm -f /run/reboot-required /run/reboot-required.pkgs | Out-Null
        function Set-RebootFlag([string[]] $Packages) {
            $pkgs = ($Packages | ForEach-Object { "$_\n" }) -join ''
            Invoke-InTarget $target /bin/sh -c "printf '*** System restart required ***\n' >/run/reboot-required && printf '$pkgs' >/run/reboot-required.pkgs" | Out-Null
        }
    }
    BeforeEach { Assert-TestTargetReady $target }
    AfterEach { Invoke-InTarget $target rm -f /run/reboot-required /run/reboot-required.pkgs | Out-Null }
    AfterAll { $target | Stop-TestTarget }

    It 'RebootRequired is false when nothing asks for a reboot (a container''s kernel is not in its /boot)' {
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello -ErrorAction Stop
        $result.Succeeded | Should -BeTrue
        $result.RebootRequired | Should -BeFalse
        $result.RebootRequiredPackages | Should -BeNullOrEmpty
        $result.Rebooted | Should -BeFalse
        $result.RebootDuration | Should -BeNullOrEmpty
    }

    It 'RebootRequired is true with the packages of a staged /run/reboot-required, and -Reboot None leaves the host be' {
        Set-RebootFlag 'libc6', 'linux-image-cloud-amd64', 'libc6'
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello -ErrorAction Stop
        $result.RebootRequired | Should -BeTrue
        $result.RebootRequiredPackages | Should -Be @('libc6', 'linux-image-cloud-amd64')
        $result.RebootRequirement.Signals | Should -Be @('/run/reboot-required')
        $result.Rebooted | Should -BeFalse
    }

    It 'reads the flag a kernel package''s own postinst wrote' {
        if (-not $shippedPackages) { Set-ItResult -Skipped -Because "$Suite's kernel package wrote no /run/reboot-required while its root file system was built"; return }
        Set-RebootFlag $shippedPackages
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello -ErrorAction Stop
        $result.RebootRequired | Should -BeTrue
        $result.RebootRequiredPackages | Should -Be $shippedPackages
        $result.RebootRequiredPackages | Should -BeLike 'linux-image-*'
    }

    It '-Reboot IfRequired does nothing more when the host does not ask' {
        $result = Invoke-AptGet @splat -Command Install -Package aptready-hello -Reboot IfRequired -Confirm:$false -ErrorAction Stop
        $result.RebootRequired | Should -BeFalse
        $result.Rebooted | Should -BeFalse
    }

    It '-Reboot Always where systemd is not pid 1: the apt result, then one RebootFailed' {
        $errors = $null
        $results = @(Invoke-AptGet @splat -Command Install -Package aptready-hello -Reboot Always -Force -ErrorVariable errors -ErrorAction SilentlyContinue)
        $results | Should -HaveCount 1
        $results[0].Succeeded | Should -BeTrue
        $results[0].Rebooted | Should -BeFalse
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RebootFailed,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $errors[0].TargetObject | Should -Be $splat.ComputerName
        $errors[0].Exception.Message | Should -Match 'systemctl reboot'
    }

    It 'a user whose sudo runs apt-get but not a reboot: the apt result, then one RebootNotPermitted' {
        Set-RebootFlag 'libc6'
        # sudo matches the whole root command line: apt's root script names apt-get, the reboot's does not.
        Invoke-InTarget $target /bin/sh -c 'cp /etc/sudoers.d/aptready /root/aptready.sudoers && printf "%s\n" "aptready ALL=(root) NOPASSWD: /bin/sh -c *apt-get*" >/etc/sudoers.d/aptready' | Out-Null
        try {
            $errors = $null
            $results = @(Invoke-AptGet @splat -Command Install -Package aptready-hello -Reboot IfRequired -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue)
        }
        finally {
            Invoke-InTarget $target /bin/sh -c 'cp /root/aptready.sudoers /etc/sudoers.d/aptready' | Out-Null
        }
        $results | Should -HaveCount 1
        $results[0].Succeeded | Should -BeTrue
        $results[0].RebootRequired | Should -BeTrue
        $results[0].Rebooted | Should -BeFalse
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'RebootNotPermitted,*'
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}
