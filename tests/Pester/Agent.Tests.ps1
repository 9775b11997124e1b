#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Logging in the way ssh does (issue 13): a real ssh-agent with keys added by ssh-add, user and host
# CAs made with ssh-keygen -s, sshd with TrustedUserCAKeys, HostCertificate and RevokedKeys. OpenSSH's
# ssh, given the same agent, certificate and known_hosts, is the control for every outcome.

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/SshAuthority.psm1') -Force

    # Runs a script block in a new runspace (its own connection pool), so each case opens its own connection.
    function Invoke-Fresh {
        param([scriptblock] $ScriptBlock, [object[]] $ArgumentList)
        $job = Start-ThreadJob -ScriptBlock {
            param($module, $script, $arguments)
            $env:SSH_AUTH_SOCK = $null
            Import-Module $module
            & ([scriptblock]::Create($script)) @arguments
        } -ArgumentList $env:APTREADY_MODULE, $ScriptBlock.ToString(), $ArgumentList
        $out = $job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable jobErrors -ErrorAction SilentlyContinue
        $script:Errors = @($jobErrors)
        $out
    }

    function Get-ErrorId($Record) { ($Record.FullyQualifiedErrorId -split ',')[0] }
}

Describe 'ssh-agent and certificates on <Suite>' -Tag 'Agent', 'Integration' -ForEach @(@{ Suite = 'bookworm' }, @{ Suite = 'trixie' }) {
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-agent-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
        New-Item -ItemType Directory $work | Out-Null

        # Keys that live only in the agent: the private key files are deleted once ssh-add has them.
        $agent = Start-TestAgent -Folder $work
        $ed = New-TestKey $work 'agent_ed25519' ed25519
        $ec = New-TestKey $work 'agent_ecdsa' ecdsa
        $rsa = New-TestKey $work 'agent_rsa' rsa
        $stranger = New-TestKey $work 'stranger' ed25519
        Add-AgentKey $agent $ed, $ec, $rsa
        Remove-Item $ed, $ec, $rsa
        $fp = @{}
        foreach ($k in 'ed', 'ec', 'rsa', 'stranger') {
            $fp[$k] = ((& ssh-keygen -lf "$((Get-Variable $k).Value).pub") -split ' ')[1]
        }

        # A user CA trusted by sshd; a host CA whose @cert-authority line is the only host-key trust.
        $userCa = New-TestKey $work 'user_ca'
        $hostCa = New-TestKey $work 'host_ca'
        $revokedUser = New-TestKey $work 'revoked_user'
        New-TestCertificate -CaKey $userCa -PublicKeyFile "$revokedUser.pub" -Principals aptready | Out-Null
        Set-TargetCertificateSettings -Target $target -UserCaPublicKey "$userCa.pub" -HostCaKey $hostCa -RevokedPublicKeys "$revokedUser.pub"
        Set-TargetAuthorizedKeys -Target $target -PublicKeyFile "$ed.pub", "$ec.pub", "$rsa.pub"

        $caKnownHosts = Join-Path $work 'known_hosts_ca'
        "@cert-authority [127.0.0.1]:* $((Get-Content "$hostCa.pub" -Raw).Trim())" | Set-Content $caKnownHosts
        $plainKnownHosts = $target.KnownHostsPath
        $base = @{ ComputerName = '127.0.0.1'; Port = $target.Port; UserName = 'aptready'; ConnectTimeout = [timespan]'00:00:30' }
    }
    AfterAll {
        $agent | Stop-TestAgent
        $target | Stop-TestTarget
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'the agent' {
        It 'logs in with only the agent: no key file exists, as ssh -o IdentityAgent does' {
            $control = Invoke-OpenSsh $target -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$plainKnownHosts"
            $control.ExitCode | Should -Be 0 -Because $control.Output

            $out = Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $agent.Socket, $plainKnownHosts
            $script:Errors | Should -BeNullOrEmpty
            $out | Should -Not -BeNullOrEmpty
        }

        It 'uses SSH_AUTH_SOCK when no agent is named' {
            $out = Invoke-Fresh { param($b, $sock, $known) $env:SSH_AUTH_SOCK = $sock; Test-AptLock @b -KnownHostsPath $known } $base, $agent.Socket, $plainKnownHosts
            $script:Errors | Should -BeNullOrEmpty
            $out | Should -Not -BeNullOrEmpty
        }

        It 'logs in with the <Name> key alone (-AgentIdentity by fingerprint), as sshd logs it' -ForEach @(
            @{ Name = 'ed'; Type = 'ED25519' }, @{ Name = 'ec'; Type = 'ECDSA' }, @{ Name = 'rsa'; Type = 'RSA' }
        ) {
            $log = Join-Path $target.Root 'var/log/aptready-sshd.log'
            $before = @(Get-Content $log).Count
            Invoke-Fresh { param($b, $sock, $known, $id) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known -AgentIdentity $id } $base, $agent.Socket, $plainKnownHosts, $fp[$Name] | Out-Null
            $script:Errors | Should -BeNullOrEmpty
            $new = @(Get-Content $log | Select-Object -Skip $before)
            ($new -match "Accepted publickey for aptready .* $Type $([regex]::Escape($fp[$Name]))") | Should -Not -BeNullOrEmpty
            ($new -match 'Failed publickey') | Should -BeNullOrEmpty -Because 'only the chosen key is offered'
        }

        It 'signs RSA with SHA-2 where the server accepts only rsa-sha2-256' {
            $port = Start-TargetExtraSshd $target -Option 'PubkeyAcceptedAlgorithms=rsa-sha2-256', 'HostCertificate=/etc/ssh/ssh_host_ed25519_key-cert.pub'
            # Seen here: sshd 9.2 (bookworm) still lists rsa-sha2-512 in server-sig-algs, so ssh asks the
            # agent for SHA-512 only and is refused; sshd 10.0 lists what it accepts, and ssh gets in.
            # AptReady offers rsa-sha2-512, then rsa-sha2-256, and gets in on both.
            $control = Invoke-OpenSsh $target -Port $port -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$caKnownHosts"
            $control.ExitCode | Should -Be $(if ($Suite -eq 'bookworm') { 255 } else { 0 }) -Because $control.Output
            $b = $base.Clone(); $b.Port = $port
            Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $b, $agent.Socket, $caKnownHosts | Out-Null
            $script:Errors | Should -BeNullOrEmpty
            (Get-Content (Join-Path $target.Root "var/log/aptready-extra-$port.log")) -match "Accepted publickey .* RSA $([regex]::Escape($fp.rsa))" | Should -Not -BeNullOrEmpty
        }

        It 'offers -KeyFilePath keys before the agent keys' {
            $log = Join-Path $target.Root 'var/log/aptready-sshd.log'
            $before = @(Get-Content $log).Count
            Invoke-Fresh { param($b, $sock, $known, $key) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known -KeyFilePath $key } $base, $agent.Socket, $plainKnownHosts, $stranger | Out-Null
            $script:Errors | Should -BeNullOrEmpty
            $new = @(Get-Content $log | Select-Object -Skip $before) -join "`n"
            $new.IndexOf($fp.stranger) | Should -BeGreaterOrEqual 0
            $new.IndexOf($fp.stranger) | Should -BeLessThan $new.IndexOf("Accepted publickey")
        }

        It 'names the fingerprints it offered, and no key material, when the server refuses them all' {
            $other = Start-TestAgent -Folder $work
            try {
                Add-AgentKey $other $stranger
                $control = Invoke-OpenSsh $target -Option "IdentityAgent=$($other.Socket)", "UserKnownHostsFile=$plainKnownHosts"
                $control.ExitCode | Should -Be 255

                Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $other.Socket, $plainKnownHosts | Out-Null
                $script:Errors | Should -HaveCount 1
                Get-ErrorId $script:Errors[0] | Should -Be 'AuthenticationFailed'
                $message = $script:Errors[0].Exception.Message
                $message | Should -Match ([regex]::Escape($fp.stranger))
                $message | Should -Not -Match ((Get-Content "$stranger.pub") -split ' ')[1].Substring(0, 40)
            }
            finally { $other | Stop-TestAgent }
        }

        It 'says AgentUnavailable, naming the socket, when no agent answers there' {
            $dead = Join-Path $work 'nobody.sock'
            Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $dead, $plainKnownHosts | Out-Null
            $script:Errors | Should -HaveCount 1
            Get-ErrorId $script:Errors[0] | Should -Be 'AgentUnavailable'
            $script:Errors[0].Exception.Message | Should -Match ([regex]::Escape($dead))
        }

        It 'says AgentUnavailable when the agent was ended before the run' {
            $gone = Start-TestAgent -Folder $work
            Add-AgentKey $gone $stranger
            $gone | Stop-TestAgent
            $deadline = [Diagnostics.Stopwatch]::StartNew()
            while ((Get-Process -Id $gone.Pid -ErrorAction Ignore) -and $deadline.Elapsed.TotalSeconds -lt 20) { $null = (Get-Process -Id $gone.Pid -ErrorAction Ignore).WaitForExit(100) }
            Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $gone.Socket, $plainKnownHosts | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'AgentUnavailable'
        }

        It 'gives a clear error, and does not hang, when an ssh-add -c confirmation is declined' {
            $confirming = Start-TestAgent -Folder $work -DeclineConfirmation
            try {
                $key = New-TestKey $work 'confirm_me'
                Add-AgentKey $confirming $key -RequireConfirmation
                Set-TargetAuthorizedKeys -Target $target -PublicKeyFile "$ed.pub", "$ec.pub", "$rsa.pub", "$key.pub"
                $control = Invoke-OpenSsh $target -Option "IdentityAgent=$($confirming.Socket)", "UserKnownHostsFile=$plainKnownHosts"
                $control.ExitCode | Should -Be 255 -Because 'ssh is refused the signature too'

                $clock = [Diagnostics.Stopwatch]::StartNew()
                Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $confirming.Socket, $plainKnownHosts | Out-Null
                $clock.Elapsed.TotalSeconds | Should -BeLessThan 60
                Get-ErrorId $script:Errors[0] | Should -Be 'AgentRefusedToSign'
                $script:Errors[0].Exception.Message | Should -Match 'ssh-add -c'
            }
            finally {
                $confirming | Stop-TestAgent
                Set-TargetAuthorizedKeys -Target $target -PublicKeyFile "$ed.pub", "$ec.pub", "$rsa.pub"
            }
        }

        It 'reaches a New-CloudConfig -ValidateOn host through the agent' {
            $r = Invoke-Fresh {
                param($b, $sock, $known)
                New-CloudConfig -HostName agent-check -ValidateOn @{ ComputerName = $b.ComputerName; Port = $b.Port; UserName = 'aptready'; IdentityAgent = $sock; KnownHostsPath = $known }
            } $base, $agent.Socket, $plainKnownHosts
            $script:Errors | Should -BeNullOrEmpty
            $r.SchemaValid | Should -BeTrue -Because $r.SchemaOutput
        }

        It 'offers nothing from the agent with -NoAgent' {
            Invoke-Fresh { param($b, $sock, $known) $env:SSH_AUTH_SOCK = $sock; Test-AptLock @b -NoAgent -KnownHostsPath $known } $base, $agent.Socket, $plainKnownHosts | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'AuthenticationFailed'
            $script:Errors[0].Exception.Message | Should -Match 'nothing to log in with'
        }

        It 'calls a bad -AgentIdentity a parameter error: <Case>' -ForEach @(
            @{ Case = 'not a fingerprint'; Value = 'SHA256:tooshort'; Extra = @{}; Id = 'InvalidAgentIdentity' }
            @{ Case = 'no such file'; Value = '/nonexistent/key.pub'; Extra = @{}; Id = 'InvalidAgentIdentity' }
            @{ Case = 'with -NoAgent'; Value = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'; Extra = @{ NoAgent = $true }; Id = 'AgentIdentityWithoutAgent' }
        ) {
            Invoke-Fresh { param($b, $known, $id, $extra) Test-AptLock @b -KnownHostsPath $known -AgentIdentity $id @extra } $base, $plainKnownHosts, $Value, $Extra | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be $Id
            $script:Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'refuses an -AgentIdentity the agent does not hold, naming what it holds' {
            Invoke-Fresh { param($b, $sock, $known, $pub) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known -AgentIdentity $pub } $base, $agent.Socket, $plainKnownHosts, "$stranger.pub" | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'AgentIdentityNotFound'
            $script:Errors[0].Exception.Message | Should -Match ([regex]::Escape($fp.ed))
        }

        It 'logs in with a certificate the agent holds (ssh-add adds KEY-cert.pub), the key itself not authorized' {
            $other = Start-TestAgent -Folder $work
            try {
                $key = New-TestKey $work 'agent_certified'
                New-TestCertificate -CaKey $userCa -PublicKeyFile "$key.pub" -Principals aptready | Out-Null
                Add-AgentKey $other $key
                Remove-Item $key
                (Invoke-OpenSsh $target -Option "IdentityAgent=$($other.Socket)", "UserKnownHostsFile=$plainKnownHosts").ExitCode | Should -Be 0
                Invoke-Fresh { param($b, $sock, $known) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known } $base, $other.Socket, $plainKnownHosts | Should -Not -BeNullOrEmpty
                $script:Errors | Should -BeNullOrEmpty
            }
            finally { $other | Stop-TestAgent }
        }
    }

    Context 'user certificates' {
        BeforeAll {
            $certKey = New-TestKey $work 'cert_user'
            function New-UserCert([string] $Principals = 'aptready', [string] $Validity = '-5m:+1h', [string] $Name = [guid]::NewGuid().ToString('n')) {
                New-TestCertificate -CaKey $userCa -PublicKeyFile "$certKey.pub" -Principals $Principals -Validity $Validity -OutFile (Join-Path $work "$Name-cert.pub")
            }
            $noAgent = @{ NoAgent = $true; KnownHostsPath = $plainKnownHosts }
        }

        It 'logs in with -CertificateFilePath, the key itself not authorized, as ssh -o CertificateFile does' {
            $cert = New-UserCert
            (Invoke-OpenSsh $target -Identity $certKey -Option "CertificateFile=$cert", 'IdentityAgent=none', "UserKnownHostsFile=$plainKnownHosts").ExitCode | Should -Be 0
            Invoke-Fresh { param($b, $n, $key, $cert) Test-AptLock @b @n -KeyFilePath $key -CertificateFilePath $cert } $base, $noAgent, $certKey, $cert | Should -Not -BeNullOrEmpty
            $script:Errors | Should -BeNullOrEmpty
        }

        It 'uses KEY-cert.pub beside the key file without being told, as ssh does' {
            $beside = New-TestKey $work 'beside'
            New-TestCertificate -CaKey $userCa -PublicKeyFile "$beside.pub" -Principals aptready | Out-Null
            (Invoke-OpenSsh $target -Identity $beside -Option 'IdentityAgent=none', "UserKnownHostsFile=$plainKnownHosts").ExitCode | Should -Be 0
            Invoke-Fresh { param($b, $n, $key) Test-AptLock @b @n -KeyFilePath $key } $base, $noAgent, $beside | Should -Not -BeNullOrEmpty
            $script:Errors | Should -BeNullOrEmpty
        }

        It 'leaves out an expired KEY-cert.pub beside the key with a warning, and still offers the key' {
            $stale = New-TestKey $work 'stale'
            New-TestCertificate -CaKey $userCa -PublicKeyFile "$stale.pub" -Principals aptready -Validity '20200101000000:20200201000000' | Out-Null
            Set-TargetAuthorizedKeys -Target $target -PublicKeyFile "$ed.pub", "$ec.pub", "$rsa.pub", "$stale.pub"
            try {
                $warnings = Invoke-Fresh { param($b, $n, $key) Test-AptLock @b @n -KeyFilePath $key -WarningVariable w -WarningAction SilentlyContinue | Out-Null; $w } $base, $noAgent, $stale
                $script:Errors | Should -BeNullOrEmpty
                "$warnings" | Should -Match ([regex]::Escape("$stale-cert.pub"))
                "$warnings" | Should -Match 'EXPIRED'
            }
            finally { Set-TargetAuthorizedKeys -Target $target -PublicKeyFile "$ed.pub", "$ec.pub", "$rsa.pub" }
        }

        It 'reports an <Case> certificate before connecting, naming the file and its window' -ForEach @(
            @{ Case = 'expired'; Validity = '20200101000000:20200201000000'; Id = 'CertificateExpired'; Window = 'from 2020-01-01T00:00:00Z to 2020-02-01T00:00:00Z' }
            @{ Case = 'not yet valid'; Validity = '+1d:+2d'; Id = 'CertificateNotYetValid'; Window = 'from 20' }
        ) {
            $cert = New-UserCert -Validity $Validity
            (Invoke-OpenSsh $target -Identity $certKey -Option "CertificateFile=$cert", 'IdentityAgent=none', "UserKnownHostsFile=$plainKnownHosts").ExitCode | Should -Be 255
            $logins = Get-TargetConnectionCount $target
            Invoke-Fresh { param($b, $n, $key, $cert) Test-AptLock @b @n -KeyFilePath $key -CertificateFilePath $cert } $base, $noAgent, $certKey, $cert | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be $Id
            $script:Errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $script:Errors[0].Exception.Message | Should -Match ([regex]::Escape($cert))
            $script:Errors[0].Exception.Message | Should -Match ([regex]::Escape($Window))
            Get-TargetConnectionCount $target | Should -Be $logins
        }

        It 'is refused by the server for another principal, or when sshd lists the key in RevokedKeys, as ssh is' -ForEach @(
            @{ Case = 'wrong principal' }, @{ Case = 'revoked' }
        ) {
            if ($Case -eq 'revoked') { $key = $revokedUser; $cert = "$revokedUser-cert.pub" }
            else { $key = $certKey; $cert = New-UserCert -Principals 'somebody-else' }
            (Invoke-OpenSsh $target -Identity $key -Option "CertificateFile=$cert", 'IdentityAgent=none', "UserKnownHostsFile=$plainKnownHosts").ExitCode | Should -Be 255
            Invoke-Fresh { param($b, $n, $key, $cert) Test-AptLock @b @n -KeyFilePath $key -CertificateFilePath $cert } $base, $noAgent, $key, $cert | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'AuthenticationFailed'
        }

        It 'calls a malformed certificate file a parameter error naming it' {
            $bad = Join-Path $work 'bad-cert.pub'
            'ssh-ed25519-cert-v01@openssh.com AAAAC3NzaC1lZDI1NTE5 x' | Set-Content $bad
            Invoke-Fresh { param($b, $n, $key, $cert) Test-AptLock @b @n -KeyFilePath $key -CertificateFilePath $cert } $base, $noAgent, $certKey, $bad | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'CertificateFileInvalid'
            $script:Errors[0].Exception.Message | Should -Match ([regex]::Escape($bad))
        }
    }

    Context 'host certificates' {
        BeforeAll {
            function Test-Host([int] $Port, [string] $KnownHosts, [hashtable] $Extra = @{}) {
                $b = $base.Clone(); $b.Port = $Port
                Invoke-Fresh { param($b, $sock, $known, $extra) Test-AptLock @b -IdentityAgent $sock -KnownHostsPath $known @extra } $b, $agent.Socket, $KnownHosts, $Extra
            }
            function New-KnownHosts([string[]] $Line) { $path = Join-Path $work ([guid]::NewGuid().ToString('n')); $Line | Set-Content $path; $path }
            $caLine = (Get-Content $caKnownHosts)
            $hostKeyPub = Join-Path $target.Root 'etc/ssh/ssh_host_ed25519_key.pub'
        }

        It 'trusts a host certificate through an @cert-authority line and nothing else, as ssh does' {
            (Invoke-OpenSsh $target -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$caKnownHosts").ExitCode | Should -Be 0
            Test-Host $target.Port $caKnownHosts | Should -Not -BeNullOrEmpty
            $script:Errors | Should -BeNullOrEmpty
        }

        It 'does not trust a CA line for another host pattern' {
            $other = New-KnownHosts ($caLine -replace '^@cert-authority \S+', '@cert-authority *.example.org')
            (Invoke-OpenSsh $target -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$other").ExitCode | Should -Be 255
            Test-Host $target.Port $other | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'HostKeyUnknown'
        }

        It 'refuses with HostKeyRevoked when the <What> is @revoked' -ForEach @(@{ What = 'CA' }, @{ What = 'host key' }) {
            $revokedKey = if ($What -eq 'CA') { (Get-Content "$hostCa.pub" -Raw).Trim() } else { ((Get-Content $hostKeyPub -Raw) -split ' ')[0..1] -join ' ' }
            $known = New-KnownHosts $caLine, "@revoked * $revokedKey"
            (Invoke-OpenSsh $target -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$known").ExitCode | Should -Be 255
            Test-Host $target.Port $known | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'HostKeyRevoked'
        }

        It 'refuses a host certificate that is <Case> with <Id>, as ssh does' -ForEach @(
            @{ Case = 'for another host'; Principals = 'other.example.org'; Validity = '-5m:+1h'; Id = 'HostCertificatePrincipalMismatch' }
            @{ Case = 'expired'; Principals = '127.0.0.1'; Validity = '20200101000000:20200201000000'; Id = 'HostCertificateExpired' }
            @{ Case = 'not yet valid'; Principals = '127.0.0.1'; Validity = '+1d:+2d'; Id = 'HostCertificateNotYetValid' }
        ) {
            $name = "host-cert-$([guid]::NewGuid().ToString('n').Substring(0, 6)).pub"
            New-TestCertificate -CaKey $hostCa -PublicKeyFile $hostKeyPub -Principals $Principals -Validity $Validity -HostCertificate -OutFile (Join-Path $target.Root "etc/ssh/$name") | Out-Null
            $port = Start-TargetExtraSshd $target -Option "HostCertificate=/etc/ssh/$name"
            (Invoke-OpenSsh $target -Port $port -Option "IdentityAgent=$($agent.Socket)", "UserKnownHostsFile=$caKnownHosts").ExitCode | Should -Be 255
            Test-Host $port $caKnownHosts | Out-Null
            $script:Errors | Should -HaveCount 1
            Get-ErrorId $script:Errors[0] | Should -Be $Id
            $script:Errors[0].CategoryInfo.Category | Should -Be 'SecurityError'
        }

        It 'still pins the key inside the certificate with -HostKeyFingerprint' {
            Test-Host $target.Port $caKnownHosts @{ HostKeyFingerprint = $target.HostKeyFingerprint } | Should -Not -BeNullOrEmpty
            $script:Errors | Should -BeNullOrEmpty
            Test-Host $target.Port $caKnownHosts @{ HostKeyFingerprint = $fp.stranger } | Out-Null
            Get-ErrorId $script:Errors[0] | Should -Be 'HostKeyMismatch'
        }
    }
}
