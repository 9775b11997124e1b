#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Every TimeSpan parameter of every cmdlet reads a bare number as seconds, takes a TimeSpan or a string
# like 00:10:00, and refuses zero, negative and absurd values with one error naming the parameter.
# Binding fails before any host is contacted, so no target is needed.

BeforeDiscovery {
    Import-Module $env:APTREADY_MODULE -Force
    $parameters = foreach ($command in Get-Command -Module AptReady -CommandType Cmdlet) {
        foreach ($parameter in $command.Parameters.Values | Where-Object ParameterType -eq ([TimeSpan])) {
            @{ Cmdlet = $command.Name; Parameter = $parameter.Name }
        }
    }
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    # What PowerShell's binder makes of VALUE given to a parameter with the attributes of -PARAMETER of CMDLET.
    function ConvertTo-BoundValue([string] $Cmdlet, [string] $Parameter, $Value) {
        $script:BindingSource = (Get-Command $Cmdlet).Parameters[$Parameter]
        Get-BoundTimeSpan -Value $Value
    }
    function Get-BoundTimeSpan {
        [CmdletBinding()]
        param()
        dynamicparam {
            $attributes = [Collections.ObjectModel.Collection[Attribute]]::new()
            $attributes.Add([Management.Automation.ParameterAttribute]::new())
            $script:BindingSource.Attributes | Where-Object { $_ -isnot [Management.Automation.ParameterAttribute] } | ForEach-Object { $attributes.Add($_) }
            $parameters = [Management.Automation.RuntimeDefinedParameterDictionary]::new()
            $parameters.Add('Value', [Management.Automation.RuntimeDefinedParameter]::new('Value', [TimeSpan], $attributes))
            $parameters
        }
        end { $PSBoundParameters['Value'] }
    }
    # The smallest call of CMDLET that binds PARAMETER and fails only on it.
    function Invoke-WithValue([string] $Cmdlet, [string] $Parameter, $Value) {
        $call = @{ ComputerName = 'nowhere.invalid'; UserName = 'u'; $Parameter = $Value; ErrorAction = 'Stop' }
        if ($Cmdlet -eq 'Invoke-AptGet') { $call.Command = 'Update' }
        & $Cmdlet @call
    }
}

Describe '-<Parameter> of <Cmdlet>' -ForEach $parameters -Tag 'TimeSpan' {
    It 'reads <Value> as <Expected>' -ForEach @(
        @{ Value = 3; Expected = [TimeSpan]::FromSeconds(3) }
        @{ Value = 0.5; Expected = [TimeSpan]::FromMilliseconds(500) }
        @{ Value = '90'; Expected = [TimeSpan]::FromSeconds(90) }
        @{ Value = '00:10:00'; Expected = [TimeSpan]::FromMinutes(10) }
        @{ Value = [TimeSpan]::FromMinutes(2); Expected = [TimeSpan]::FromMinutes(2) }
        @{ Value = 86400; Expected = [TimeSpan]::FromDays(1) }
    ) {
        ConvertTo-BoundValue $Cmdlet $Parameter $Value | Should -Be $Expected
    }

    It 'refuses <Value> with one parameter error naming -<Parameter>' -ForEach @(
        @{ Value = 0 }, @{ Value = -5 }, @{ Value = '00:00:00' }, @{ Value = '-00:00:05' }, @{ Value = 86401 },
        @{ Value = '2.00:00:00' }, @{ Value = [TimeSpan]::MaxValue }, @{ Value = 1e300 }, @{ Value = 'soon' }, @{ Value = [double]::NaN }
    ) {
        $errors = @()
        try { Invoke-WithValue $Cmdlet $Parameter $Value } catch { $errors += $_ }
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Match '^ParameterArgument(Validation|Transformation)Error,'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -Match "parameter '$Parameter'"
    }

    It 'says "seconds or a TimeSpan" in its help' {
        (Get-Help $Cmdlet -Parameter $Parameter).Description.Text -join ' ' | Should -Match 'seconds or a TimeSpan'
    }
}

Describe 'A bare number of seconds at work' -Tag 'TimeSpan' {
    It 'gives up connecting to a refusing port after -ConnectTimeout 2, that is 2 s' {
        $key = Join-Path $TestDrive 'id'
        & ssh-keygen -q -t ed25519 -N '' -f $key
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Test-AptLock -ComputerName 127.0.0.1 -Port 9 -UserName u -KeyFilePath $key -HostKeyFingerprint ('SHA256:' + 'A' * 43) `
            -ConnectTimeout 2 -ErrorVariable errs -ErrorAction SilentlyContinue
        $clock.Stop()
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ConnectTimedOut,*'
        $errs[0].Exception.Message | Should -Match '\b2 s\b'
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5 -Because 'it kept trying for about 2 s, not 2 ticks'
    }
}

Describe 'ConnectTimeout in New-CloudConfig -ValidateOn' -Tag 'TimeSpan' {
    It 'refuses <Value> naming ConnectTimeout, before connecting' -ForEach @(@{ Value = 0 }, @{ Value = -1 }, @{ Value = 'soon' }, @{ Value = 1e9 }) {
        $target = @{ ComputerName = 'nowhere.invalid'; UserName = 'u'; KeyFilePath = '/nonexistent'; ConnectTimeout = $Value }
        $errors = @()
        try { New-CloudConfig -HostName a -ValidateOn $target -ErrorAction Stop } catch { $errors += $_ }
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidValidateOnSession,*'
        $errors[0].Exception.Message | Should -Match '^ConnectTimeout: '
    }
}
