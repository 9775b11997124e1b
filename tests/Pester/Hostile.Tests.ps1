#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# Hostile input and hostile hosts (issue 19): values the probes read on a host are data, never lines
# of their own; cloud-init's JSON is read as JSON whatever it quotes.

BeforeDiscovery {
    $suites = @(@{ Suite = 'bookworm' }, @{ Suite = 'trixie' })
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/HostileTarget.psm1') -Force
    # How the probes fold a value onto its line: NUL, CR, LF and tab become spaces.
    function Get-Folded([string] $Text) { ($Text -replace "[`0`r`n`t]", ' ').Trim() }
}

Describe 'The probes on a <Suite> target read hostile names and arguments as data' -ForEach $suites -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $splat = Get-TargetSplat $target
        $paths = New-HostileFile $target
        $names = Get-HostileName
        $folder = Get-HostileFolder
        # A lock holder whose very name tries to end the probe's output ("end" after a newline).
        $holderName = "h\c`nend`té"
        $holderArgs = @('arg\c', "two`nlines`nend", 'back\\slash', "tab`there", 'ü€')
        $holderPid = Start-HostileProcess $target -Name $holderName -LockPath "$folder/$($names.StopMidName)" -Arguments $holderArgs
        # Any local user can start a process named apt-get: the probes list it as package activity.
        $aptArgs = @('update\c', "x`nend", 'n\n', 'é\\')
        $aptPid = Start-HostileProcess $target -Name 'apt-get' -Arguments $aptArgs
    }
    AfterAll {
        if ($holderPid) { Invoke-InTarget $target kill $holderPid | Out-Null }
        if ($aptPid) { Invoke-InTarget $target kill $aptPid | Out-Null }
        $target | Stop-TestTarget
    }

    It 'Test-AptLock finds every hostile file, and the dpkg lock given after them' {
        $records = Test-AptLock @splat -Path (@($paths) + '/var/lib/dpkg/lock') -ErrorVariable errs
        $errs | Should -HaveCount 0
        $records | Should -HaveCount ($paths.Count + 1)
        $records | ForEach-Object { $_.Exists | Should -BeTrue -Because "$($_.Path) exists" }
        ($records | Where-Object IsHeld).Path | Should -Be "$folder/$($names.StopMidName)"
    }

    It 'names the holder with its hostile name and arguments whole' {
        $record = Test-AptLock @splat -Path "$folder/$($names.StopMidName)"
        $record.HolderPid | Should -Be $holderPid
        $record.ProcessName | Should -Be (Get-Folded $holderName)
        foreach ($a in $holderArgs) { $record.CommandLine | Should -BeLike "*$(Get-Folded $a)*" }
    }

    It 'lists the apt-get process of an unprivileged user with its hostile arguments' {
        $record = Test-AptLock @splat -Path /var/lib/dpkg/lock
        $apt = $record.PackageActivity | Where-Object Pid -eq $aptPid
        $apt.ProcessName | Should -Be 'apt-get'
        $apt.CommandLine | Should -BeLike "*$((Get-Folded ($aptArgs -join ' ')))*"
    }

    Context 'while the hostile holder holds the lists lock as root' {
        BeforeAll {
            # A file of the image's lower layer, opened for writing, is copied up: /proc/locks then names
            # another inode than stat does through the overlay. A new file lives in the upper layer only.
            Invoke-InTarget $target /bin/sh -c 'rm -f /var/lib/apt/lists/lock && : >/var/lib/apt/lists/lock' | Out-Null
            $rootHolder = Start-HostileProcess $target -Name $holderName -LockPath /var/lib/apt/lists/lock -Arguments $holderArgs -UserId 0
        }
        AfterAll {
            if ($rootHolder) { Invoke-InTarget $target kill $rootHolder | Out-Null }
        }

        It 'Invoke-AptGet waits, then names the holder whole in AptLockTimeout' {
            Invoke-AptGet @splat -Command Update -LockTimeout '00:00:02' -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
            $errs | Should -HaveCount 1
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'AptLockTimeout,*'
            $errs[0].Exception.Message | Should -BeLike "*$rootHolder*"
            $errs[0].Exception.Message | Should -BeLike "*h\c*"
        }
    }
}

Describe 'Wait-CloudInit on a <Suite> target reads cloud-init errors that quote hostile text' -ForEach $suites -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $splat = Get-TargetSplat $target
        # write_files with an owner that does not exist: the module fails, and cloud-init's error
        # quotes the owner (a repr inside a string: backslashes on backslashes, \' and \n escapes).
        $owner = "q`"b\c\'x`nü€"
        $ownerYaml = ($owner -replace '\\', '\\' -replace '"', '\"' -replace "`n", '\n')
        $userData = @('write_files:', '  - path: /var/tmp/aptready-hostile-owner', '    content: x', "    owner: `"$ownerYaml`"")
        Set-CloudInitSeed $target -UserData $userData
        Invoke-CloudInitStage $target | Out-Null
        $result = Wait-CloudInit @splat -Timeout 60 -ErrorVariable errs
        # The oracle: python's own JSON reader on the host's files.
        $oracle = Invoke-InTarget $target python3 -c @'
import json
r = json.load(open("/run/cloud-init/result.json"))["v1"]
s = json.load(open("/run/cloud-init/status.json"))["v1"]
w = [m for st in s.values() if isinstance(st, dict) for lv in (st.get("recoverable_errors") or {}).values() for m in lv]
print(json.dumps({"errors": r["errors"], "warnings": w}))
'@ | Out-String | ConvertFrom-Json
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'answers Error, with every error of result.json as cloud-init wrote it' {
        $errs | Should -HaveCount 0
        $result.State | Should -Be 'Error'
        $oracle.errors | Should -Not -BeNullOrEmpty
        @($oracle.errors | Where-Object { $_ -like '*getpwnam*' }) | Should -HaveCount 1
        foreach ($e in $oracle.errors) { $result.Errors.Message | Should -Contain $e }
    }

    It 'keeps every recorded warning as cloud-init wrote it, hostile text included' {
        if ($Suite -ne 'trixie') { Set-ItResult -Skipped -Because 'cloud-init 22.4 records no warnings' ; return }
        $oracle.warnings | Should -Not -BeNullOrEmpty
        foreach ($w in $oracle.warnings) { $result.RecoverableErrors.Message | Should -Contain $w }
    }
}

Describe 'Wait-CloudInit on a trixie target answers Degraded for a warning that quotes hostile text' -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite trixie
        $splat = Get-TargetSplat $target
        $encoding = "q`"b\c\\n\' ü€`nsecond line"
        $encodingYaml = ($encoding -replace '\\', '\\' -replace '"', '\"' -replace "`n", '\n')
        Set-CloudInitSeed $target -UserData 'write_files:', '  - path: /var/tmp/aptready-hostile-encoding', '    content: x', "    encoding: `"$encodingYaml`""
        Invoke-CloudInitStage $target | Out-Null
        $result = Wait-CloudInit @splat -Timeout 60 -ErrorVariable errs
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'answers Degraded, not Error, with the warning whole' {
        $errs | Should -HaveCount 0
        $result.State | Should -Be 'Degraded'
        $result.RecoverableErrors.Message | Should -Contain "Unknown encoding type $($encoding.ToLowerInvariant().Trim()), assuming text/plain"
    }
}

Describe 'Local files that are no key or known_hosts files' -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        $folder = Join-Path $TestDrive 'local'
        New-Item -ItemType Directory $folder | Out-Null
        $fifo = Join-Path $folder 'fifo'
        & mkfifo $fifo
        $huge = Join-Path $folder 'huge'
        & truncate -s 300M $huge
        New-Item -ItemType Directory (Join-Path $folder 'dir') | Out-Null
        $aFile = Join-Path $folder 'a-file'
        Set-Content $aFile 'x'
        $connect = @{ ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName; ConnectTimeout = '00:00:05' }

        # Runs Test-AptLock in a runspace of its own; gives up (and unblocks a FIFO reader) after SECONDS.
        function Invoke-Bounded([hashtable] $Parameters, [int] $Seconds = 15) {
            $ps = [powershell]::Create()
            $null = $ps.AddScript('param($m, $p) Import-Module $m; Test-AptLock @p -ErrorAction SilentlyContinue -ErrorVariable e | Out-Null; $e').
                AddArgument($env:APTREADY_MODULE).AddArgument($Parameters)
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $handle = $ps.BeginInvoke()
            $done = $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($Seconds))
            $elapsed = $clock.Elapsed
            if (-not $done) {
                # A reader blocked on the FIFO needs a writer to come and go before it can end.
                & /bin/sh -c 'exec 3>"$1"; exec 3>&-' sh $fifo
                $null = $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))
            }
            $errors = if ($handle.IsCompleted) { @($ps.EndInvoke($handle)) } else { @() }
            $ps.Dispose()
            [pscustomobject]@{ Completed = $done; Elapsed = $elapsed; Errors = $errors }
        }
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'refuses <Name> as -KeyFilePath with KeyFileInvalid, at once' -ForEach @(
        @{ Name = 'a FIFO'; Path = 'fifo' }, @{ Name = '/dev/zero'; Path = '/dev/zero' }, @{ Name = 'a 300 MB file'; Path = 'huge' }, @{ Name = 'a folder'; Path = 'dir' }
    ) {
        $file = if ($Path.StartsWith('/')) { $Path } else { Join-Path $folder $Path }
        $run = Invoke-Bounded (@{ KeyFilePath = $file; HostKeyFingerprint = $target.HostKeyFingerprint } + $connect)
        $run.Completed | Should -BeTrue -Because 'a key file read must not block past the connect timeout'
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'KeyFileInvalid,*'
        $run.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'refuses <Name> as -KnownHostsPath with KnownHostsUnreadable, at once' -ForEach @(
        @{ Name = 'a FIFO'; Path = 'fifo' }, @{ Name = '/dev/zero'; Path = '/dev/zero' }, @{ Name = 'a 300 MB file'; Path = 'huge' }, @{ Name = 'a folder'; Path = 'dir' }
    ) {
        $file = if ($Path.StartsWith('/')) { $Path } else { Join-Path $folder $Path }
        $run = Invoke-Bounded (@{ KeyFilePath = $target.KeyFilePath; KnownHostsPath = $file } + $connect)
        $run.Completed | Should -BeTrue -Because 'a known_hosts read must not block past the connect timeout'
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'KnownHostsUnreadable,*'
        $run.Errors[0].Exception.Message | Should -BeLike "*$file*"
        $run.Elapsed.TotalSeconds | Should -BeLessThan 5
    }

    It 'reports a key that cannot be recorded as KnownHostsUnwritable, at once, not as a timeout' {
        $run = Invoke-Bounded (@{ KeyFilePath = $target.KeyFilePath; KnownHostsPath = (Join-Path $aFile 'known_hosts'); TrustOnFirstUse = $true } + $connect)
        $run.Completed | Should -BeTrue
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'KnownHostsUnwritable,*'
        $run.Elapsed.TotalSeconds | Should -BeLessThan 5
    }
}

Describe 'The hostile corpus against every parameter of every cmdlet' -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        Set-CloudInitSeed $target
        Invoke-CloudInitStage $target | Out-Null
        $work = Join-Path $TestDrive 'corpus'
        New-Item -ItemType Directory $work | Out-Null
        $target | ConvertTo-Json | Set-Content (Join-Path $work 'target.json')
        # Results for a reader: one JSON line per case (cmdlet, parameter, input label, outcome id, seconds).
        $resultsFolder = Join-Path $PSScriptRoot '../../out/TestResults'
        New-Item -ItemType Directory -Force $resultsFolder | Out-Null
        $resultPath = Join-Path $resultsFolder 'hostile-corpus.jsonl'
        Remove-Item $resultPath -ErrorAction Ignore
        $corpus = & (Join-Path $PSScriptRoot 'Scripts/HostileCorpus.ps1')

        # A child pwsh: an input that overflows the stack ends that process, not this one.
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Scripts/Invoke-HostileCorpus.ps1'),
            '-ModulePath', $env:APTREADY_MODULE, '-TargetJson', (Join-Path $work 'target.json'), '-ResultPath', $resultPath, '-WorkFolder', $work) {
            $start.ArgumentList.Add($a)
        }
        $start.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($start)
        $stderr = $process.StandardError.ReadToEndAsync()
        $finished = $process.WaitForExit([int][timespan]::FromMinutes(15).TotalMilliseconds)
        if (-not $finished) { $process.Kill($true) }
        $results = @(Get-Content $resultPath -ErrorAction Ignore | ConvertFrom-Json)
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'ran every case to its end in a process that survived (no crash, exit 0)' {
        $finished | Should -BeTrue -Because 'the corpus must end within 15 minutes'
        $process.ExitCode | Should -Be 0 -Because $stderr.Result
        $results.Count | Should -BeGreaterThan 2000
    }

    It 'covered every parameter of every cmdlet' {
        Import-Module $env:APTREADY_MODULE
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($command in Get-Command -Module AptReady) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common -and -not $_.SwitchParameter }) {
                $results | Where-Object { $_.Cmdlet -eq $command.Name -and $_.Parameter -eq $parameter.Name } |
                    Should -Not -BeNullOrEmpty -Because "$($command.Name) -$($parameter.Name) must be tried"
            }
        }
    }

    It 'let no case hang past its timeout' {
        $results | Where-Object Outcome -eq 'Hang' | ForEach-Object { "$($_.Cmdlet) -$($_.Parameter) $($_.Input)" } | Should -BeNullOrEmpty
    }

    It 'ended every error with an AptReady id (or a PowerShell parameter-binding id)' {
        $allowed = @($corpus.ModuleIds) + @($corpus.BindingIds) + 'Ok'
        $bad = foreach ($r in $results) {
            foreach ($id in $r.Outcome -split ';') { if ($id -notin $allowed) { "$($r.Cmdlet) -$($r.Parameter) $($r.Input): $id" } }
        }
        $bad | Should -BeNullOrEmpty
    }

    It 'refused the cyclic and deep structures with their own ids' {
        $cycles = $results | Where-Object { $_.Cmdlet -eq 'New-CloudConfig' -and $_.Parameter -in 'AdditionalConfig', 'NetworkConfig' -and $_.Input -match 'cyclic|itself|deep' }
        $cycles | Should -Not -BeNullOrEmpty
        $cycles | ForEach-Object { $_.Outcome | Should -BeIn 'CloudConfigCycle', 'CloudConfigTooDeep' -Because "$($_.Parameter) $($_.Input)" }
    }
}

Describe 'Input refused before anything is sent, and messages that quote it' -Tag 'Hostile', 'Integration' {
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm
        $splat = Get-TargetSplat $target
        $key = "-----BEGIN OPENSSH PRIVATE KEY-----`nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW`n-----END OPENSSH PRIVATE KEY-----`n"
        # The first error the command writes (terminating or per host), or $null.
        function Get-Refusal([scriptblock] $Command) {
            $ErrorActionPreference = 'Stop'
            try { & $Command | Out-Null; $null } catch { $_ }
        }
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'InvalidLockPath escapes ESC and BEL' {
        $e = Get-Refusal { Test-AptLock @splat -Path "/var/tmp/a`e[31mred`a" }
        $e.FullyQualifiedErrorId | Should -BeLike 'InvalidLockPath,*'
        $e.Exception.Message | Should -Not -Match "[`e`a]"
        $e.Exception.Message | Should -BeLike '*\u001b*'
    }

    It 'refuses <Name> with <Id>' -ForEach @(
        @{ Name = '20,000 packages'; Id = 'TooManyPackages'; Command = { Invoke-AptGet @splat -Command Install -Package ([string[]](1..20000 | ForEach-Object { "pkg$_" })) -Confirm:$false } }
        @{ Name = 'a 200 kB lock path'; Id = 'PathTooLong'; Command = { Test-AptLock @splat -Path ('/' + 'a' * 200000) } }
        @{ Name = 'a NUL in -OutFile'; Id = 'InvalidPath'; Command = { New-CloudConfig -User debian -OutFile (Join-Path $TestDrive "a`0b.yml") } }
        @{ Name = 'a NUL in -SeedPath'; Id = 'InvalidPath'; Command = { New-CloudConfig -User debian -SeedPath (Join-Path $TestDrive "a`0b") } }
        @{ Name = 'a newline in -ComputerName'; Id = 'InvalidComputerName'; Command = { Test-AptLock @splat -ComputerName "web1`n" } }
    ) {
        $e = Get-Refusal $Command
        $e.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $e.Exception.Message.Length | Should -BeLessThan 400
    }

    It 'never echoes private-key text given as <Parameter>' -ForEach @(@{ Parameter = 'KeyFilePath' }, @{ Parameter = 'HostKeyFingerprint' }) {
        $p = @{} + $splat
        $p[$Parameter] = $key
        $e = Get-Refusal { Test-AptLock @p }
        $e | Should -Not -BeNullOrEmpty
        ($e.Exception.Message + "$($e.TargetObject)" + $e.CategoryInfo) | Should -Not -Match 'b3BlbnNz|BEGIN OPENSSH'
    }

    It 'runs with the longest -LockTimeout accepted (no TimeSpan overflow)' {
        $result = Invoke-AptGet @splat -Command Clean -Simulate -LockTimeout 86400 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 0
        $result | Should -Not -BeNullOrEmpty
    }

    Context 'where sudo wants a password' {
        BeforeAll {
            # A password for the login user, sudo without NOPASSWD, and an interrupted dpkg to repair.
            Invoke-InTarget $target /bin/sh -c 'echo "aptready:right-password" | chpasswd && echo "aptready ALL=(ALL) ALL" >/etc/sudoers.d/aptready && mkdir -p /var/lib/dpkg/updates && : >/var/lib/dpkg/updates/0001' | Out-Null
            $wrong = [pscredential]::new('aptready', (ConvertTo-SecureString 'wrong-password' -AsPlainText -Force))
        }

        It 'says the -SudoCredential given was refused, when the dpkg repair runs with a wrong one' {
            $e = Get-Refusal { Invoke-AptGet @splat -Command Install -Package hello -RepairInterruptedDpkg -SudoCredential $wrong -LockTimeout '00:00:20' -Confirm:$false }
            $e.FullyQualifiedErrorId | Should -BeLike 'SudoPasswordRequired,*'
            $e.Exception.Message | Should -BeLike '*refused the password given with -SudoCredential*'
            $e.Exception.Message | Should -Not -BeLike '*Give -SudoCredential*'
        }
    }
}
