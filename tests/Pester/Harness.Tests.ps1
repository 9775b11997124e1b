#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }
# The test harness itself (tests/targets/target.sh): a target's sshd stopped and started many times, in
# varied order and spacing, comes back after every start, whoever started the target: a plain shell,
# nohup (SIGHUP ignored), or a parent that ignores HUP, INT and TERM.

BeforeDiscovery {
    $launchers = @(
        @{ Name = 'a plain shell'; Launcher = @(); Cycles = 50 }
        @{ Name = 'nohup'; Launcher = @('nohup'); Cycles = 50 }
        @{ Name = 'a parent ignoring HUP, INT and TERM'; Launcher = @('bash', '-c', 'trap "" HUP INT TERM; exec "$@"', 'sh'); Cycles = 15 }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    $script:TargetScript = Join-Path $PSScriptRoot '../targets/target.sh'

    function Get-TargetInfo([object] $Target, [string] $Key) {
        foreach ($line in Get-Content (Join-Path $Target.State 'info')) { if ($line -match "^$Key=(.*)$") { return $Matches[1] } }
    }

    function Test-PortRefuses([int] $Port) {
        $client = [Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $Port); $false } catch { $true } finally { $client.Dispose() }
    }

    # Runs target.sh control commands as separate processes at the same moment; returns their exit codes.
    function Invoke-AtOnce([string[]] $Commands, [string] $State) {
        $processes = foreach ($command in $Commands) {
            $info = [Diagnostics.ProcessStartInfo]::new('bash')
            $info.ArgumentList.Add($script:TargetScript); $info.ArgumentList.Add($command); $info.ArgumentList.Add($State)
            $info.RedirectStandardError = $true
            [Diagnostics.Process]::Start($info)
        }
        foreach ($p in $processes) {
            $null = $p.StandardError.ReadToEnd()
            if (-not $p.WaitForExit(150000)) { $p.Kill(); throw "target.sh did not return within 150 s" }
            $p.ExitCode
        }
    }
}

Describe 'A target started from <Name>' -ForEach $launchers -Tag 'Harness' {
    BeforeAll {
        $target = Start-TestTarget -Suite bookworm -Launcher $Launcher
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It "answers after every start of <Cycles> stop/start cycles in varied order and spacing" {
        $random = [Random]::new(12)
        $failures = [Collections.Generic.List[string]]::new()
        $fifo = Join-Path $target.Root 'run/aptready-control'
        $expectUp = {
            param($cycle, $what)
            if (-not (Test-TargetBanner $target.Port)) { $failures.Add("cycle ${cycle}: no banner after $what") }
        }
        foreach ($cycle in 1..$Cycles) {
            # Spacing between requests varies from none to 150 ms: the order of events is what is tested.
            $gap = @(0, 0, 5, 20, 150)[$random.Next(5)]
            switch ($cycle % 6) {
                0 {
                    Stop-TargetSshd $target
                    if (-not (Test-PortRefuses $target.Port)) { $failures.Add("cycle ${cycle}: port still open after sshd-stop") }
                    Start-Sleep -Milliseconds $gap
                    Start-TargetSshd $target; & $expectUp $cycle 'stop, start'
                }
                1 { Start-TargetSshd $target; Start-TargetSshd $target; & $expectUp $cycle 'start, start' }
                2 {
                    Stop-TargetSshd $target; Stop-TargetSshd $target
                    Start-Sleep -Milliseconds $gap
                    Start-TargetSshd $target; & $expectUp $cycle 'stop, stop, start'
                }
                3 {
                    # Racing callers: one stops while another starts; the order is the lock's. A start after both answers.
                    $codes = Invoke-AtOnce 'sshd-stop', 'sshd-start', 'sshd-stop' $target.State
                    if (@($codes | Where-Object { $_ -ne 0 }).Count) { $failures.Add("cycle ${cycle}: racing callers exited $($codes -join ', ')") }
                    Start-TargetSshd $target; & $expectUp $cycle 'racing stop/start/stop, start'
                }
                4 {
                    # Requests straight into the init's channel, back to back, as fast as they can be written.
                    & bash -c 'printf "down\nup\ndown\ndown\nup\ndown\n" >"$1"' sh $fifo
                    Start-Sleep -Milliseconds $gap
                    Start-TargetSshd $target; & $expectUp $cycle 'a burst of raw requests, start'
                }
                5 { Restart-TargetSshd $target; & $expectUp $cycle 'restart' }
            }
        }
        $failures | Should -BeNullOrEmpty
        (Invoke-TargetSsh $target 'echo still-here').Output | Should -Match 'still-here'
    }

    It 'is revived on the same port and keys when its init was killed' {
        $initPid = [int](Get-TargetInfo $target INIT_PID)
        Invoke-InTarget $target /bin/sh -c 'echo kept >/root/marker'
        Stop-Process -Id $initPid -Force
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ((Test-TargetBanner $target.Port 500) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        Test-TargetBanner $target.Port 500 | Should -BeFalse -Because 'the namespace ended with its init'

        Assert-TestTargetReady $target

        Test-TargetBanner $target.Port | Should -BeTrue
        (Invoke-TargetSsh $target 'echo back').Output | Should -Match 'back' -Because 'the same client key and host key still work'
        Invoke-InTarget $target cat /root/marker | Should -Be 'kept'
    }

    It 'restarts an sshd that was stopped behind the test''s back' {
        & bash $script:TargetScript sshd-kill $target.State
        Test-PortRefuses $target.Port | Should -BeTrue
        Assert-TestTargetReady $target
        Test-TargetBanner $target.Port | Should -BeTrue
    }

    It 'stops completely, whatever signals its starter ignored' {
        $unsharePid = [int](Get-TargetInfo $target UNSHARE_PID)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $target | Stop-TestTarget
        $clock.Stop()
        Get-Process -Id $unsharePid -ErrorAction Ignore | Should -BeNullOrEmpty
        Test-Path $target.State | Should -BeFalse
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15 -Because 'a hang guard'
    }
}
