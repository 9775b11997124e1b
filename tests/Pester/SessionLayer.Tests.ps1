#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force

    # Runs a script block in a new runspace (its own connection pool) with the module imported.
    function Invoke-InFreshRunspace {
        param([scriptblock] $ScriptBlock, [object[]] $ArgumentList)
        $job = Start-ThreadJob -ScriptBlock {
            param($module, $script, $arguments)
            Import-Module $module
            & ([scriptblock]::Create($script)) @arguments
        } -ArgumentList $env:APTREADY_MODULE, $ScriptBlock.ToString(), $ArgumentList
        $job | Receive-Job -Wait -AutoRemoveJob -ErrorVariable jobErrors -ErrorAction SilentlyContinue
        $script:LastJobErrors = $jobErrors
    }

    function New-TempFile([string] $Content = '') {
        $path = Join-Path ([IO.Path]::GetTempPath()) ("aptready-" + [guid]::NewGuid())
        Set-Content -Path $path -Value $Content -NoNewline
        $path
    }
}

Describe 'The SSH session layer' -Tag 'Session', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        $splat = Get-TargetSplat $target
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    Context 'connecting while the host boots' {
        It 'keeps trying until sshd comes up, then succeeds' {
            Stop-TargetSshd $target
            $job = Start-ThreadJob -ScriptBlock {
                param($module, $splat)
                Import-Module $module
                Test-AptLock @splat -ConnectTimeout 00:00:30 -Verbose 4>&1
            } -ArgumentList $env:APTREADY_MODULE, $splat
            Wait-Condition -Seconds 60 -What 'a refused connection attempt' {
                $job | Receive-Job -Keep | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'refused' }
            }
            Start-TargetSshd $target
            $out = $job | Receive-Job -Wait -AutoRemoveJob
            @($out | Where-Object { $_.PSObject.TypeNames -contains 'AptReady.Core.Locks.AptLockStatus' }) | Should -HaveCount 5
            ($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message -join "`n" |
                Should -Match 'connection refused .*Trying again'
        }

        It 'does not retry a refused login: AuthenticationFailed at once' {
            $otherKey = Join-Path ([IO.Path]::GetTempPath()) ("aptready-key-" + [guid]::NewGuid())
            & ssh-keygen -q -t ed25519 -N '' -f $otherKey
            try {
                $bad = $splat.Clone(); $bad.KeyFilePath = $otherKey
                $verbose = Test-AptLock @bad -ConnectTimeout 00:01:00 -Verbose -ErrorVariable errs -ErrorAction SilentlyContinue 4>&1
                $errs | Should -HaveCount 1
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'AuthenticationFailed,*'
                $errs[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
                ($verbose.Message -join "`n") | Should -Not -Match 'Trying again'
            }
            finally { Remove-Item "$otherKey*" }
        }

        It 'names an unknown host HostNotFound' {
            $bad = $splat.Clone(); $bad.ComputerName = 'no-such-host.invalid'
            Test-AptLock @bad -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostNotFound,*'
            $errs[0].TargetObject | Should -Be 'no-such-host.invalid'
        }
    }

    Context 'host keys' {
        It 'refuses a key that does not match the pinned fingerprint, naming both' {
            $other = Join-Path ([IO.Path]::GetTempPath()) ("aptready-key-" + [guid]::NewGuid())
            & ssh-keygen -q -t ed25519 -N '' -f $other
            $wrong = (& ssh-keygen -lf "$other.pub") -split ' ' | Select-Object -Index 1
            Remove-Item "$other*"
            $bad = $splat.Clone(); $bad.HostKeyFingerprint = $wrong
            Test-AptLock @bad -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyMismatch,*'
            $errs[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $errs[0].Exception.Message | Should -Match ([regex]::Escape($wrong))
            $errs[0].Exception.Message | Should -Match ([regex]::Escape($target.HostKeyFingerprint))
        }

        It 'refuses a key that changed since known_hosts recorded it' {
            $other = Join-Path ([IO.Path]::GetTempPath()) ("aptready-key-" + [guid]::NewGuid())
            & ssh-keygen -q -t ed25519 -N '' -f $other
            $known = New-TempFile ("[127.0.0.1]:$($target.Port) " + ((Get-Content "$other.pub") -split ' ')[0..1] -join ' ')
            try {
                $bad = $splat.Clone(); $bad.Remove('HostKeyFingerprint'); $bad.KnownHostsPath = $known
                Test-AptLock @bad -ErrorVariable errs -ErrorAction SilentlyContinue
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyMismatch,*'
                $errs[0].Exception.Message | Should -Match ([regex]::Escape($target.HostKeyFingerprint))
            }
            finally { Remove-Item "$other*", $known }
        }

        It 'refuses an unknown key without -TrustOnFirstUse, and records it with it' {
            $known = New-TempFile
            try {
                $opts = $splat.Clone(); $opts.Remove('HostKeyFingerprint'); $opts.KnownHostsPath = $known
                Test-AptLock @opts -ErrorVariable errs -ErrorAction SilentlyContinue
                $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyUnknown,*'
                (Get-Content $known -Raw) | Should -BeNullOrEmpty

                Test-AptLock @opts -TrustOnFirstUse | Should -HaveCount 5
                & ssh-keygen -F "[127.0.0.1]:$($target.Port)" -f $known | Out-Null
                $LASTEXITCODE | Should -Be 0
                # The recorded key is now known: no opt-in needed any more (fresh runspace: new connection).
                Invoke-InFreshRunspace { param($o) Test-AptLock @o } -ArgumentList $opts | Should -HaveCount 5
            }
            finally { Remove-Item $known }
        }

        It 'trusts the target known_hosts file the harness wrote' {
            $opts = $splat.Clone(); $opts.Remove('HostKeyFingerprint'); $opts.KnownHostsPath = $target.KnownHostsPath
            Invoke-InFreshRunspace { param($o) Test-AptLock @o } -ArgumentList $opts | Should -HaveCount 5
        }

        It 'checks a pooled connection against the pin of a later cmdlet too' {
            Test-AptLock @splat | Should -HaveCount 5
            $other = Join-Path ([IO.Path]::GetTempPath()) ("aptready-key-" + [guid]::NewGuid())
            & ssh-keygen -q -t ed25519 -N '' -f $other
            $wrong = (& ssh-keygen -lf "$other.pub") -split ' ' | Select-Object -Index 1
            Remove-Item "$other*"
            # No credentials: the pooled connection would serve, but its key is not the pinned one.
            Test-AptLock -ComputerName $splat.ComputerName -Port $splat.Port -UserName $splat.UserName -HostKeyFingerprint $wrong `
                -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyMismatch,*'
        }

        It 'rejects a malformed fingerprint before connecting' {
            $bad = $splat.Clone(); $bad.HostKeyFingerprint = 'SHA256:not-base64!'
            { Test-AptLock @bad -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidHostKeyFingerprint,*'
        }
    }

    Context 'one connection per host' {
        It 'opens one SSH connection for a three-cmdlet pipeline' {
            $before = Get-TargetConnectionCount $target
            $out = Invoke-InFreshRunspace {
                param($s)
                Test-AptLock @s | Select-Object -First 1 | Test-AptLock | Select-Object -First 1 | Test-AptLock
            } -ArgumentList $splat
            $out | Should -HaveCount 5
            (Get-TargetConnectionCount $target) - $before | Should -Be 1
        }

        It 'works on each host once however often the input names it' {
            # Test-AptLock writes a record per lock: piped on, they name the same host five times.
            $out = Test-AptLock @splat | Test-AptLock -Verbose 4>&1
            @($out | Where-Object { $_.PSObject.TypeNames -contains 'AptReady.Core.Locks.AptLockStatus' }) | Should -HaveCount 5
            @($out | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and $_.Message -match 'repeated input is skipped' }) | Should -HaveCount 4
        }

        It 'reconnects when the host went away and came back mid-pipeline' {
            $before = Get-TargetConnectionCount $target
            $out = Invoke-InFreshRunspace {
                param($s, $targetScript, $state)
                Test-AptLock @s | Select-Object -First 1 | ForEach-Object {
                    # Returns once the new listener sends its banner.
                    & bash $targetScript sshd-restart $state
                    $_
                } | Test-AptLock
            } -ArgumentList $splat, (Join-Path $PSScriptRoot '../targets/target.sh'), $target.State
            $out | Should -HaveCount 5
            (Get-TargetConnectionCount $target) - $before | Should -Be 2
        }
    }

    Context 'the end of a session' {
        It 'closes its connections when the module is removed' {
            $log = Join-Path $target.Root 'var/log/aptready-sshd.log'
            $closedBefore = @(Select-String -Path $log -Pattern 'Disconnected from user aptready').Count
            $stillOpen = Invoke-InFreshRunspace {
                param($s, $logPath, $before)
                Test-AptLock @s | Out-Null
                Remove-Module AptReady
                # Counted while this runspace still lives: its end must not be what closes the connection.
                $deadline = [DateTime]::UtcNow.AddSeconds(30)
                do {
                    $closed = @(Select-String -Path $logPath -Pattern 'Disconnected from user aptready').Count
                    if ($closed -gt $before) { break }
                    Start-Sleep -Milliseconds 50
                } while ([DateTime]::UtcNow -lt $deadline)
                $closed
            } -ArgumentList $splat, $log, $closedBefore
            $stillOpen - $closedBefore | Should -Be 1
        }
    }

    Context 'Ctrl+C' {
        It 'ends a long connect wait promptly' {
            $ps = [powershell]::Create()
            $null = $ps.AddScript({
                param($module, $s)
                Import-Module $module
                Test-AptLock @s -Port 9 -ConnectTimeout 00:05:00 -Verbose
            }).AddArgument($env:APTREADY_MODULE).AddArgument($splat)
            $handle = $ps.BeginInvoke()
            Wait-Condition -Seconds 60 -What 'a connection attempt to be refused and retried' {
                $ps.Streams.Verbose | Where-Object Message -Match 'Trying again'
            }
            $handle.IsCompleted | Should -BeFalse
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            Write-Host "    Stop() returned after $([int]$clock.Elapsed.TotalMilliseconds) ms"
            # A hang guard, not a performance target (bench/ measures it).
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $ps.Dispose()
        }
    }

    Context 'secrets' {
        BeforeAll {
            $password = 'Pw-' + [guid]::NewGuid().ToString('N')
            Invoke-InTarget $target /bin/sh -c "echo 'aptready:$password' | chpasswd" | Out-Null
            $passphrase = 'Pp-' + [guid]::NewGuid().ToString('N')
            $encrypted = Join-Path ([IO.Path]::GetTempPath()) ("aptready-enc-" + [guid]::NewGuid())
            & ssh-keygen -q -t ed25519 -N $passphrase -f $encrypted
            Get-Content "$encrypted.pub" | & bash (Join-Path $PSScriptRoot '../targets/target.sh') exec $target.State /bin/sh -c 'cat >> /home/aptready/.ssh/authorized_keys'
            $keyLines = Get-Content $encrypted | Where-Object { $_ -notmatch '-----' }
        }
        AfterAll {
            Remove-Item "$encrypted*" -ErrorAction Ignore
        }

        It 'logs in with a password and keeps it out of every stream' {
            $cred = [pscredential]::new('aptready', (ConvertTo-SecureString $password -AsPlainText -Force))
            $all = Invoke-InFreshRunspace {
                param($s, $c)
                Test-AptLock -ComputerName $s.ComputerName -Port $s.Port -Credential $c -HostKeyFingerprint $s.HostKeyFingerprint -Verbose -Debug *>&1 | Out-String
            } -ArgumentList $splat, $cred
            $all | Should -Match 'lists|Lists'
            $all | Should -Not -Match $password
        }

        It 'refuses a wrong password with AuthenticationFailed and does not echo it' {
            $wrong = 'Wrong-' + [guid]::NewGuid().ToString('N')
            $cred = [pscredential]::new('aptready', (ConvertTo-SecureString $wrong -AsPlainText -Force))
            $all = Test-AptLock -ComputerName 127.0.0.1 -Port $target.Port -Credential $cred -HostKeyFingerprint $target.HostKeyFingerprint -Verbose -Debug -ErrorAction Continue *>&1 | Out-String
            $all | Should -Match 'AuthenticationFailed|authentication failed'
            $all | Should -Not -Match $wrong
        }

        It 'asks for the passphrase of an encrypted key (KeyPassphraseRequired) and uses it when given' {
            $opts = $splat.Clone(); $opts.KeyFilePath = $encrypted
            $all = Test-AptLock @opts -Verbose -ErrorAction Continue *>&1 | Out-String
            $all | Should -Match 'encrypted'
            $errs = Test-AptLock @opts -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId | Should -BeLike 'KeyPassphraseRequired,*'

            $secure = ConvertTo-SecureString $passphrase -AsPlainText -Force
            $all = Invoke-InFreshRunspace {
                param($o, $p)
                Test-AptLock @o -KeyPassphrase $p -Verbose -Debug *>&1 | Out-String
            } -ArgumentList $opts, $secure
            $all | Should -Match 'Lists'
            $all | Should -Not -Match $passphrase
            foreach ($line in $keyLines) { $all | Should -Not -Match ([regex]::Escape($line)) }
        }
    }
}

Describe 'Fan-out over 100 hosts' -Tag 'Session', 'Fleet', 'Integration' {
    BeforeEach { Assert-TestTargetReady $fleet }
    BeforeAll {
        $clientKey = Join-Path ([IO.Path]::GetTempPath()) ("aptready-fleet-" + [guid]::NewGuid())
        & ssh-keygen -q -t ed25519 -N '' -f $clientKey
        $env:APTREADY_CLIENT_KEY = $clientKey
        # Ports below Linux's ephemeral range (32768+), so no client socket of this machine holds one.
        $ports = 0..6 | ForEach-Object { $base = 20000 + (Get-Random -Maximum 700) * 16; , ($base..($base + 14)) }
        $fleet = foreach ($p in $ports) { Start-TestTarget -Suite bookworm -Port $p }
        $env:APTREADY_CLIENT_KEY = $null
        $known = New-TempFile ((Get-Content $fleet.KnownHostsPath) -join "`n")
        $hosts = @($fleet.Ports | Select-Object -First 95 | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_ } })
        # Five closed ports: each must give exactly one error record.
        $closed = 1..5 | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = 29 + $_ } }
    }
    AfterAll {
        $fleet | Stop-TestTarget
        Remove-Item $known, "$clientKey*" -ErrorAction Ignore
    }

    It 'gives every host its records or exactly one error record' {
        # 30 s to connect: on a loaded machine a 3 s budget let a live host end as ConnectTimedOut.
        $results = $hosts + $closed | Test-AptLock -UserName aptready -KeyFilePath $clientKey -KnownHostsPath $known `
            -ConnectTimeout 30 -ThrottleLimit 32 -ErrorVariable errs -ErrorAction SilentlyContinue
        $byPort = $results | Group-Object Port
        $byPort | Should -HaveCount 95
        $byPort | ForEach-Object { $_.Count | Should -Be 5 }
        $errs | Should -HaveCount 5
        ($errs.TargetObject | Sort-Object -Unique) | Should -Be '127.0.0.1'
        $errs | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'ConnectTimedOut,*' }
    }
}
