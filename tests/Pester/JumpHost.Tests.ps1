#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Jump hosts and ssh_config on real parts: targets in network namespaces that only a bastion's namespace
# can reach (tests/targets/netns.sh), OpenSSH's ssh -J / ssh -F as the control.

BeforeDiscovery {
    # The generations a jump lab runs on; APTREADY_TEST_SUITES picks a part, as in Scripts/Suites.ps1.
    $suites = @(@{ Suite = 'bookworm' }, @{ Suite = 'trixie' })
    if ($env:APTREADY_TEST_SUITES) { $suites = @($suites | Where-Object { $_.Suite -in ($env:APTREADY_TEST_SUITES -split ',') }) }
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestJumpHosts.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1') -Force

    function New-SshConfigFile {
        param([string] $Path, [string[]] $Lines)
        $Lines -join "`n" | Set-Content -Path $Path -NoNewline
        $Path
    }

    function Invoke-OpenSsh {
        param([string[]] $Arguments)
        $output = & ssh -o BatchMode=yes @Arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
    }
}

Describe 'Jump hosts on <Suite>' -ForEach $suites -Tag 'JumpHost', 'Integration' {
    BeforeAll {
        $lab = Start-JumpLab -Suite $Suite
        $target = $lab.Targets[0]
        $port = $target.Ports[0]
        $bastion = "aptready@127.0.0.1:$($lab.Bastion.Port)"
        $common = @{ UserName = 'aptready'; KeyFilePath = $lab.KeyFilePath; SshConfigPath = ''; ErrorAction = 'SilentlyContinue' }
        $config = New-SshConfigFile (Join-Path $lab.Work 'ssh_config') @(
            'Host bastion', '  HostName 127.0.0.1', "  Port $($lab.Bastion.Port)", '  ProxyJump none',
            'Host target', "  HostName $($target.ComputerName)", "  Port $port", '  ProxyJump bastion',
            'Host *', '  User aptready', "  IdentityFile $($lab.KeyFilePath)", "  UserKnownHostsFile $($lab.KnownHostsPath)",
            '  StrictHostKeyChecking yes', '  ConnectTimeout 3')
    }
    AfterAll { $lab | Stop-JumpLab }

    It 'cannot reach the target directly, and reaches it through the bastion, as OpenSSH does' {
        $direct = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $lab.KnownHostsPath -ConnectTimeout 00:00:02 -ErrorVariable directErrors
        $direct | Should -BeNullOrEmpty
        $directErrors | Should -HaveCount 1
        $directErrors[0].FullyQualifiedErrorId | Should -Match '^(ConnectTimedOut|ConnectionFailed),'
        (Invoke-OpenSsh '-F', $config, '-o', 'ProxyJump=none', 'target', 'true').ExitCode | Should -Be 255

        $records = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $lab.KnownHostsPath -JumpHost $bastion -ErrorVariable jumpErrors
        $jumpErrors | Should -BeNullOrEmpty
        $records | Should -HaveCount 5
        $records[0].ComputerName | Should -Be $target.ComputerName
        (Invoke-OpenSsh '-F', $config, 'target', 'true').ExitCode | Should -Be 0
    }

    It 'takes the route, user, port, key and known_hosts from an ssh_config file, and names the host by its alias' {
        $records = Test-AptLock -ComputerName target -SshConfigPath $config -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        $records | Should -HaveCount 5
        $records[0].ComputerName | Should -Be 'target'
        $records[0].Host.Address | Should -Be $target.ComputerName
        $records[0].Port | Should -Be $port
        $records[0].UserName | Should -Be 'aptready'
    }

    It 'verifies the bastion under its own name and port: unknown is JumpHostFailed with HostKeyUnknown inside' {
        $onlyTarget = Join-Path $lab.Work 'known_hosts_target_only'
        Get-Content $target.KnownHostsPath | Set-Content $onlyTarget
        $null = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $onlyTarget -JumpHost $bastion -ErrorVariable errs
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'JumpHostFailed,*'
        $errs[0].Exception.Message | Should -Match 'jump host 1 \(aptready@127\.0\.0\.1:\d+\) failed: .*\[HostKeyUnknown\]'
        $errs[0].Exception.InnerException.Failure | Should -Be 'HostKeyUnknown'
    }

    It 'refuses a bastion whose key changed: JumpHostFailed with HostKeyMismatch inside' {
        $other = Join-Path $lab.Work 'other_key'
        & ssh-keygen -q -t ed25519 -N '' -f $other
        $changed = Join-Path $lab.Work 'known_hosts_changed'
        @("[127.0.0.1]:$($lab.Bastion.Port) $((Get-Content "$other.pub") -replace ' \S+$', '')") + @(Get-Content $target.KnownHostsPath) | Set-Content $changed
        $null = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $changed -JumpHost $bastion -ErrorVariable errs
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'JumpHostFailed,*'
        $errs[0].Exception.InnerException.Failure | Should -Be 'HostKeyMismatch'
    }

    It 'verifies and records the target under its own name and port, never the tunnel''s loopback address' {
        $record = Join-Path $lab.Work 'known_hosts_tofu'
        Get-Content $lab.KnownHostsPath -First 1 | Set-Content $record
        $records = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $record -TrustOnFirstUse -JumpHost $bastion -ErrorVariable errs
        $errs | Should -BeNullOrEmpty
        $records | Should -HaveCount 5
        $lines = Get-Content $record
        $lines | Should -HaveCount 2
        $lines[1] | Should -BeLike "``[$($target.ComputerName)``]:$port ssh-ed25519 *"
    }

    It 'keeps the tunnel to this process: another local user''s connection, and another process''s, get no SSH' {
        $records = Test-AptLock -ComputerName $target.ComputerName -Port $port @common -KnownHostsPath $lab.KnownHostsPath -JumpHost $bastion
        $records | Should -HaveCount 5
        # This process's loopback listeners are its jump tunnels (the pooled connection keeps one open).
        $tunnelPort = @(Get-OwnLoopbackListener) | Select-Object -First 1
        $tunnelPort | Should -Not -BeNullOrEmpty
        # A banner answers only a connection the tunnel forwards to the target's sshd.
        $probe = 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 9; timeout 5 head -c 4 <&3; echo "[end]"'
        $asNobody = & runuser -u nobody -- bash -c $probe sh $tunnelPort 2>&1 | Out-String
        $asRoot = & bash -c $probe sh $tunnelPort 2>&1 | Out-String
        $asNobody | Should -Match '\[end\]' -Because 'nobody could open the TCP connection, which is then closed unanswered'
        $asNobody | Should -Not -Match 'SSH-'
        $asRoot | Should -Not -Match 'SSH-'
        $control = & runuser -u nobody -- bash -c $probe sh $lab.Bastion.Port 2>&1 | Out-String
        $control | Should -Match 'SSH-' -Because 'the same probe does get a banner where nothing guards the port'
    }

    It 'refuses a ProxyJump loop and a route of more than 8 hops before connecting' {
        $loop = New-SshConfigFile (Join-Path $lab.Work 'loop_config') @('Host a', '  ProxyJump b', 'Host b', '  ProxyJump c', 'Host c', '  ProxyJump a')
        $null = Test-AptLock -ComputerName a -SshConfigPath $loop -KeyFilePath $lab.KeyFilePath -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'JumpHostLoop,*'
        $errs[0].Exception.Message | Should -Match 'comes back to'

        $nine = (1..9 | ForEach-Object { "hop$_.invalid" }) -join ','
        { Test-AptLock -ComputerName x.invalid -SshConfigPath '' -KeyFilePath $lab.KeyFilePath -JumpHost $nine -ErrorAction Stop } |
            Should -Throw -ErrorId 'TooManyJumpHosts,*'
    }
}

Describe 'Two hops on <Suite>' -ForEach $suites -Tag 'JumpHost', 'Integration' {
    BeforeAll {
        $lab = Start-JumpLab -Suite $Suite -Inner
        $target = $lab.Targets[0]
        $port = $target.Ports[0]
        $route = "aptready@127.0.0.1:$($lab.Bastion.Port),aptready@$($lab.Inner.ComputerName)"
    }
    AfterAll { $lab | Stop-JumpLab }

    It 'reaches a target behind an inner bastion that the outer one cannot reach, as ssh -J a,b does' {
        $outerNs = $lab.Namespaces[0]
        & ip netns exec $outerNs timeout 3 bash -c "exec 3<>/dev/tcp/$($target.ComputerName)/$port" 2>$null
        $LASTEXITCODE | Should -Not -Be 0 -Because 'the outer bastion has no route to the target'

        $records = Test-AptLock -ComputerName $target.ComputerName -Port $port -UserName aptready -KeyFilePath $lab.KeyFilePath `
            -KnownHostsPath $lab.KnownHostsPath -JumpHost $route -SshConfigPath '' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        $records | Should -HaveCount 5

        $cfg = Join-Path $lab.Work 'ssh_config'
        @('Host *', '  User aptready', "  IdentityFile $($lab.KeyFilePath)", "  UserKnownHostsFile $($lab.KnownHostsPath)", '  StrictHostKeyChecking yes') | Set-Content $cfg
        $ssh = & ssh -F $cfg -o BatchMode=yes -J $route -p $port "aptready@$($target.ComputerName)" true 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "OpenSSH's ssh -J is the control ($ssh)"
    }

    It 'names the inner hop when it fails, with its own host-key error inside' {
        $withoutInner = Join-Path $lab.Work 'known_hosts_no_inner'
        Get-Content $lab.KnownHostsPath | Where-Object { $_ -notlike "$($lab.Inner.ComputerName) *" } | Set-Content $withoutInner
        $null = Test-AptLock -ComputerName $target.ComputerName -Port $port -UserName aptready -KeyFilePath $lab.KeyFilePath `
            -KnownHostsPath $withoutInner -JumpHost $route -SshConfigPath '' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'JumpHostFailed,*'
        $errs[0].Exception.Message | Should -Match "jump host 2 \(aptready@$([regex]::Escape($lab.Inner.ComputerName))\) failed: .*\[HostKeyUnknown\]"
    }
}

Describe '50 hosts behind one bastion on <Suite>, from ~/.ssh/config alone' -ForEach $suites -Tag 'JumpHost', 'Integration' {
    BeforeAll {
        $lab = Start-JumpLab -Suite $Suite -TargetCount 4 -PortsPerTarget 13
        $repo = Join-Path $lab.Work 'repo'
        & bash (Join-Path $PSScriptRoot '../targets/apt-repo.sh') build $repo | Out-Null
        foreach ($t in $lab.Targets) {
            Set-CloudInitSeed $t
            if ((Invoke-CloudInitStage $t) -ne 0) { throw "cloud-init did not finish cleanly in $($t.State)." }
            Set-TargetFileAptSource -Target $t -RepoFolder $repo
        }
        # A home of its own: ~/.ssh/config holds the only route, ~/.ssh/known_hosts the keys.
        $tempHome = Join-Path $lab.Work 'home'
        New-Item -ItemType Directory (Join-Path $tempHome '.ssh') -Force | Out-Null
        Copy-Item $lab.KnownHostsPath (Join-Path $tempHome '.ssh/known_hosts')
        $hosts = @($lab.Hosts | Select-Object -First 50)
        $aliases = for ($i = 0; $i -lt $hosts.Count; $i++) { 'vm{0:d2}' -f ($i + 1) }
        $lines = @('Host bastion', '  HostName 127.0.0.1', "  Port $($lab.Bastion.Port)", '  ProxyJump none')
        for ($i = 0; $i -lt $hosts.Count; $i++) { $lines += "Host $($aliases[$i])", "  HostName $($hosts[$i].ComputerName)", "  Port $($hosts[$i].Port)" }
        $lines += 'Host *', '  User aptready', "  IdentityFile $($lab.KeyFilePath)", '  ProxyJump bastion'
        $lines | Set-Content (Join-Path $tempHome '.ssh/config')
        $aliases | Set-Content (Join-Path $lab.Work 'hosts.txt')
    }
    AfterAll { $lab | Stop-JumpLab }

    It 'Get-Content hosts.txt | Wait-CloudInit | Invoke-AptGet -Command Update works with one bastion login' {
        $loginsBefore = Get-SshdLogCount $lab.Bastion 'Accepted publickey'
        $savedHome = $env:HOME
        $env:HOME = $tempHome
        try {
            $results = Get-Content (Join-Path $lab.Work 'hosts.txt') | Wait-CloudInit -ErrorVariable errs -ErrorAction SilentlyContinue |
                Invoke-AptGet -Command Update -ErrorVariable +errs -ErrorAction SilentlyContinue
        }
        finally { $env:HOME = $savedHome }
        $errs | Should -BeNullOrEmpty
        $results | Should -HaveCount 50
        ($results | Where-Object Succeeded) | Should -HaveCount 50
        ($results.ComputerName | Sort-Object) | Should -Be ($aliases | Sort-Object)
        ($results | Where-Object { $_.Host.Address -notlike '10.231.*' }) | Should -BeNullOrEmpty
        (Get-SshdLogCount $lab.Bastion 'Accepted publickey') - $loginsBefore | Should -Be 1 -Because 'one bastion connection serves all 50 targets'

        # ssh finds ~ through the password database, not HOME: the control names the same file with -F.
        $control = Join-Path $lab.Work 'control_config'
        @(Get-Content (Join-Path $tempHome '.ssh/config')) + "  UserKnownHostsFile $(Join-Path $tempHome '.ssh/known_hosts')" | Set-Content $control
        $ssh = & ssh -F $control -o BatchMode=yes $aliases[0] true 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "OpenSSH reaches the same alias through the same file ($ssh)"
    }
}

Describe 'KexAlgorithms from ssh_config on <Suite>' -ForEach $suites -Tag 'JumpHost', 'KexAlgorithms', 'Integration' {
    BeforeAll {
        # The bastion's sshd logs at DEBUG1, so its log names each key exchange it negotiated.
        $lab = Start-JumpLab -Suite $Suite
        $target = $lab.Targets[0]
        $bastionLines = @('  HostName 127.0.0.1', "  Port $($lab.Bastion.Port)", '  ProxyJump none')
        $config = New-SshConfigFile (Join-Path $lab.Work 'kex_config') @(
            @('Host bastion') + $bastionLines + '  KexAlgorithms curve25519-sha256'
            @('Host bastion-hop') + $bastionLines + '  KexAlgorithms ^ecdh-sha2-nistp384'
            'Host old-kex', "  HostName $($target.ComputerName)", "  Port $($target.Ports[0])", '  ProxyJump bastion-hop', '  KexAlgorithms diffie-hellman-group1-sha1'
            'Host *', '  User aptready', "  IdentityFile $($lab.KeyFilePath)", "  UserKnownHostsFile $($lab.KnownHostsPath)", '  StrictHostKeyChecking yes', '  ConnectTimeout 20'
        )
        # A name only OpenSSH 10.5 and later know: this machine's ssh may refuse the file, so it has one of its own.
        $newer = New-SshConfigFile (Join-Path $lab.Work 'kex_newer_config') (@('Host bastion-newer') + $bastionLines + @(
                '  KexAlgorithms mlkem768nistp256-sha256,ecdh-sha2-nistp521', '  User aptready', "  IdentityFile $($lab.KeyFilePath)",
                "  UserKnownHostsFile $($lab.KnownHostsPath)"))
        function Get-KexCount([string] $Name) { Get-SshdLogCount $lab.Bastion "kex: algorithm: $([regex]::Escape($Name))(\s|`$)" }
    }
    AfterAll { $lab | Stop-JumpLab }

    It 'negotiates the one key exchange KexAlgorithms names, as ssh does with the same file' {
        $before = Get-KexCount 'curve25519-sha256'
        $null = Test-AptLock -ComputerName bastion -SshConfigPath $config -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -BeNullOrEmpty
        (Get-KexCount 'curve25519-sha256') - $before | Should -Be 1 -Because 'SSH.NET''s own order would have put a post-quantum exchange first'
        (Invoke-OpenSsh '-F', $config, 'bastion', 'true').ExitCode | Should -Be 0
        (Get-KexCount 'curve25519-sha256') - $before | Should -Be 2 -Because 'ssh negotiates the same from the same file'
    }

    It 'gives the jump host its own KexAlgorithms, and fails a target whose sshd refuses the target''s at once (KeyExchangeFailed)' {
        $before = Get-KexCount 'ecdh-sha2-nistp384'
        $null = Test-AptLock -ComputerName old-kex -SshConfigPath $config -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'KeyExchangeFailed,*' -Because 'a key exchange in common does not come by retrying until ConnectTimeout'
        $errs[0].Exception.Message | Should -Match 'AptReady offered diffie-hellman-group1-sha1 \(KexAlgorithms in ssh_config\)'
        (Get-KexCount 'ecdh-sha2-nistp384') - $before | Should -Be 1 -Because 'the bastion hop resolved its own ^ecdh-sha2-nistp384'
        $ssh = Invoke-OpenSsh '-F', $config, 'old-kex', 'true'
        $ssh.ExitCode | Should -Be 255
        $ssh.Output | Should -Match 'no matching key exchange method found'
    }

    It 'leaves out, saying so in verbose output, a name ssh knows that SSH.NET does not implement' {
        $before = Get-KexCount 'ecdh-sha2-nistp521'
        $verbose = Test-AptLock -ComputerName bastion-newer -SshConfigPath $newer -ErrorVariable errs -ErrorAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $errs | Should -BeNullOrEmpty
        ($verbose.Message -match 'SSH\.NET does not implement mlkem768nistp256-sha256; left out') | Should -HaveCount 1
        (Get-KexCount 'ecdh-sha2-nistp521') - $before | Should -Be 1
    }
}

Describe 'ssh_config settings AptReady refuses' -Tag 'JumpHost' {
    BeforeAll {
        $work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-sshcfg-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
        New-Item -ItemType Directory $work | Out-Null
        $key = Join-Path $work 'key'
        & ssh-keygen -q -t ed25519 -N '' -f $key
    }
    AfterAll { Remove-Item $work -Recurse -Force -ErrorAction Ignore }

    It 'stops the command before any host starts, naming the file and line, when a line is malformed' {
        $bad = Join-Path $work 'bad_config'
        "Host *`n  User ok`n  Port not-a-port`n" | Set-Content $bad
        $err = { 'a.invalid', 'b.invalid' | Test-AptLock -SshConfigPath $bad -KeyFilePath $key -ErrorAction Stop } |
            Should -Throw -ErrorId 'SshConfigInvalid,*' -PassThru
        $err.Exception.Message | Should -BeLike "*bad_config line 3: Bad port 'not-a-port'*"
    }

    It 'refuses <Keyword> with SshConfigUnsupported, per host, without connecting' -ForEach @(
        @{ Keyword = 'StrictHostKeyChecking no'; Line = 'StrictHostKeyChecking no' }
        @{ Keyword = 'ProxyCommand'; Line = 'ProxyCommand nc %h %p' }
        @{ Keyword = 'KexAlgorithms naming only what SSH.NET lacks'; Line = 'KexAlgorithms mlkem768nistp256-sha256' }
        @{ Keyword = 'KexAlgorithms removing every name'; Line = 'KexAlgorithms -*' }
    ) {
        $config = Join-Path $work 'refused_config'
        "Host refused.invalid`n  $Line`n" | Set-Content $config
        $null = 'refused.invalid', 'other.invalid' | Test-AptLock -SshConfigPath $config -KeyFilePath $key -ConnectTimeout 00:00:01 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 2
        $refused = $errs | Where-Object { $_.TargetObject -eq 'refused.invalid' }
        $refused.FullyQualifiedErrorId | Should -BeLike 'SshConfigUnsupported,*'
        $refused.Exception.Message | Should -BeLike '*refused_config line 2*'
        ($errs | Where-Object { $_.TargetObject -eq 'other.invalid' }).FullyQualifiedErrorId | Should -BeLike 'HostNotFound,*'
    }
}
