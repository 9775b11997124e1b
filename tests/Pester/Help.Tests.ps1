#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    Import-Module $env:APTREADY_MODULE -Force
    $cmdlets = Get-Command -Module AptReady -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } }
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help of <Name>' -ForEach $cmdlets -Tag 'Help' {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a synopsis and a description of its own' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s*$"
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'describes every public parameter' {
        $parameters = $command.Parameters.Keys | Where-Object { $_ -notin $common }
        foreach ($parameter in $parameters) {
            $text = ($help.parameters.parameter | Where-Object name -eq $parameter).description.Text -join ' '
            $text | Should -Not -BeNullOrEmpty -Because "-$parameter needs help text"
        }
    }

    It 'has at least two examples, each with code and an explanation' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ') | Should -Not -BeNullOrEmpty
        }
    }
}
