#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Issue 13's done-when checks on a 50-host fleet: a user with only an agent, and a user with only a
# certificate, run Wait-CloudInit | Invoke-AptGet; every host presents a host certificate trusted
# through one @cert-authority line and nothing else.

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestFleet.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/SshAuthority.psm1') -Force

    # A new runspace per run: its own connection pool, so each run logs in anew.
    function Invoke-FleetRun {
        param([object[]] $Hosts, [hashtable] $Login)
        $job = Start-ThreadJob -ScriptBlock {
            param($module, $hosts, $login)
            $env:SSH_AUTH_SOCK = $null
            Import-Module $module
            $hosts | Wait-CloudInit @login -ThrottleLimit 64 -Timeout 00:02:00 | Invoke-AptGet -Command Update -Simulate -LockTimeout 00:01:00
        } -ArgumentList $env:APTREADY_MODULE, $Hosts, $Login
        $out = $job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable runErrors -ErrorAction SilentlyContinue
        $script:Errors = @($runErrors)
        @($out)
    }

    function Get-AcceptedCount([object[]] $Targets, [string] $Fingerprint) {
        $n = 0
        foreach ($t in $Targets) {
            $n += @(Select-String -Path (Join-Path $t.Root 'var/log/aptready-sshd.log') -SimpleMatch "Accepted publickey for aptready" |
                    Where-Object { $_.Line.Contains($Fingerprint) }).Count
        }
        $n
    }
}

Describe 'Agent and certificate logins across 50 <Suite> hosts' -Tag 'Agent', 'Fleet', 'Integration' -ForEach @(@{ Suite = 'bookworm' }, @{ Suite = 'trixie' }) {
    BeforeAll {
        $fleet = Start-TestFleet -Count 50 -Suite $Suite -CloudInitDone
        $work = $fleet.Work

        $hostCa = New-TestKey $work 'host_ca'
        $userCa = New-TestKey $work 'user_ca'
        $agentKey = New-TestKey $work 'agent_only'
        $certKey = New-TestKey $work 'cert_only'
        New-TestCertificate -CaKey $userCa -PublicKeyFile "$certKey.pub" -Principals aptready | Out-Null
        $agentFingerprint = ((& ssh-keygen -lf "$agentKey.pub") -split ' ')[1]
        $certFingerprint = ((& ssh-keygen -lf "$certKey.pub") -split ' ')[1]

        foreach ($t in $fleet.Targets) {
            # The agent key is authorized; the certificate's key is not (only the user CA lets it in).
            Set-TargetAuthorizedKeys -Target $t -PublicKeyFile "$($fleet.KeyFilePath).pub", "$agentKey.pub"
            Set-TargetCertificateSettings -Target $t -UserCaPublicKey "$userCa.pub" -HostCaKey $hostCa
        }

        $agent = Start-TestAgent -Folder $work
        Add-AgentKey $agent $agentKey
        Remove-Item $agentKey

        # Host keys are trusted through the CA line alone: no host's own key is listed anywhere.
        $caKnownHosts = Join-Path $work 'known_hosts_ca_only'
        "@cert-authority [127.0.0.1]:* $((Get-Content "$hostCa.pub" -Raw).Trim())" | Set-Content $caKnownHosts
        $hosts = @($fleet.Hosts)
    }
    AfterAll {
        $agent | Stop-TestAgent
        $fleet | Stop-TestFleet
    }

    It 'has 50 hosts whose host keys only a CA line vouches for (ssh agrees)' {
        $hosts | Should -HaveCount 50
        (Get-Content $caKnownHosts) | Should -HaveCount 1
        $control = Invoke-OpenSsh $fleet.Targets[0] -Port $hosts[0].Port -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$caKnownHosts"
        $control.ExitCode | Should -Be 0 -Because $control.Output
    }

    It 'runs Wait-CloudInit | Invoke-AptGet on every host with only the agent' {
        $before = Get-AcceptedCount $fleet.Targets $agentFingerprint
        $results = Invoke-FleetRun $hosts @{ UserName = 'aptready'; IdentityAgent = $agent.Socket; KnownHostsPath = $caKnownHosts }

        $script:Errors | Should -BeNullOrEmpty
        $results | Should -HaveCount 50
        $results | ForEach-Object { $_.Succeeded | Should -BeTrue }
        (Get-AcceptedCount $fleet.Targets $agentFingerprint) - $before | Should -BeGreaterOrEqual 50
    }

    It 'runs Wait-CloudInit | Invoke-AptGet on every host with only a certificate' {
        $results = Invoke-FleetRun $hosts @{ UserName = 'aptready'; NoAgent = $true; KeyFilePath = $certKey; KnownHostsPath = $caKnownHosts }

        $script:Errors | Should -BeNullOrEmpty
        $results | Should -HaveCount 50
        $results | ForEach-Object { $_.Succeeded | Should -BeTrue }
        Get-AcceptedCount $fleet.Targets $certFingerprint | Should -BeGreaterOrEqual 50
    }
}
