#Requires -Version 7.2
<#
.SYNOPSIS
    Benchmarks Wait-CloudInit on container targets against the OpenSSH loops people write by hand.
.DESCRIPTION
    (a) Latency: from the moment cloud-init's final stage completes on the target to the moment the
        waiting client returns, over -Runs runs each (fresh target per run), for Wait-CloudInit and
        for `until [ -f boot-finished ]; do sleep 1; done` over OpenSSH. The completion time is
        written by the target itself: the final stage's last runcmd records `date +%s.%N` (the
        target shares the machine's clock), and result.json's mtime is read as a second mark.
    (b) Fan-out: wall time to check -Hosts already-finished hosts (4 targets, many sshd ports each)
        with Wait-CloudInit (a fresh runspace each time, so new connections) against a plain
        parallel OpenSSH fan-out (`ssh … 'cloud-init status --format json' &` per host, then `wait`).
    Needs root (container targets) and a built module: dotnet pwsh ./build.ps1 first.
.EXAMPLE
    dotnet pwsh ./bench/wait-cloudinit.ps1 -Runs 20 -Hosts 50
#>
[CmdletBinding()]
param(
    [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'bookworm',
    [ValidateRange(1, 200)] [int] $Runs = 20,
    [ValidateRange(1, 64)] [int] $Hosts = 50,
    [ValidateRange(1, 20)] [int] $FanOutRepeats = 5,
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module "$PSScriptRoot/Bench.psm1" -Force
if (-not $ModulePath) { $ModulePath = Get-BuiltModulePath }
$env:APTREADY_MODULE = $ModulePath
Import-Module $ModulePath -Force
Import-Module "$root/tests/Pester/TestTargets.psm1" -Force
Import-Module "$root/tests/Pester/Scripts/CloudInitStages.psm1" -Force

function Get-Now { [DateTime]::UtcNow.Subtract([DateTime]::UnixEpoch).TotalSeconds }

function Get-Percentile([double[]] $Values, [double] $P) {
    $sorted = $Values | Sort-Object
    $rank = [math]::Ceiling($P / 100 * $sorted.Count) - 1
    $sorted[[math]::Max(0, [math]::Min($sorted.Count - 1, $rank))]
}

function New-RunningTarget {
    <# A target whose final stage is running: its runcmd sleeps, then records completion. #>
    # A random stage length, so completion falls at a random point of a poller's cycle (a fixed
    # sleep would line the completion up with the until-loop's 1 s ticks, run after run).
    $t = Start-TestTarget -Suite $Suite
    $sleep = '{0:0.000}' -f (2 + (Get-Random -Maximum 2000) / 1000)
    Set-CloudInitSeed $t -UserData 'runcmd:', "  - [sh, -c, `"sleep $sleep; date +%s.%N >/run/aptready-done`"]"
    Invoke-CloudInitStage $t -Stage local, init, config | Out-Null
    Start-CloudInitFinalStage $t
    $t
}

function Get-CompletionMarks($Target) {
    $lines = Invoke-InTarget $Target /bin/sh '-c' 'cat /run/aptready-done; stat -L -c %.9Y /run/cloud-init/result.json'
    [pscustomobject]@{ Runcmd = [double]$lines[0]; ResultJson = [double]$lines[1] }
}

# (a) latency ---------------------------------------------------------------------------------
$latency = @{ 'Wait-CloudInit' = @(); 'OpenSSH until-loop' = @() }
$latencyResult = @{ 'Wait-CloudInit' = @(); 'OpenSSH until-loop' = @() }
for ($i = 1; $i -le $Runs; $i++) {
    foreach ($method in 'Wait-CloudInit', 'OpenSSH until-loop') {
        $t = New-RunningTarget
        try {
            if ($method -eq 'Wait-CloudInit') {
                $splat = Get-TargetSplat $t
                $r = Wait-CloudInit @splat -Timeout 120
                $returned = Get-Now
                if ($r.State -ne 'Done') { throw "Run $i ended $($r.State): $($r.Detail)" }
            }
            else {
                $ssh = Invoke-TargetSsh $t 'until [ -f /var/lib/cloud/instance/boot-finished ]; do sleep 1; done'
                $returned = Get-Now
                if ($ssh.ExitCode -ne 0) { throw "Run $i of the OpenSSH loop failed: $($ssh.Output)" }
            }
            # The stage may still be writing result.json when a loop saw boot-finished: wait for it.
            for ($w = 0; $w -lt 50 -and -not (Invoke-InTarget $t /bin/sh '-c' 'test -e /run/cloud-init/result.json && echo y'); $w++) { Start-Sleep -Milliseconds 100 }
            $marks = Get-CompletionMarks $t
            $latency[$method] += $returned - $marks.Runcmd
            $latencyResult[$method] += $returned - $marks.ResultJson
        }
        finally {
            $t | Stop-TestTarget
        }
    }
    Write-Progress -Activity 'Latency runs' -Status "$i of $Runs" -PercentComplete ($i * 100 / $Runs)
}
Write-Progress -Activity 'Latency runs' -Completed

# (b) fan-out over already-finished hosts -----------------------------------------------------
$perTarget = [math]::Ceiling($Hosts / 4)
$targets = @()
try {
    # One sshd listens on at most 16 ports: 4 targets with up to 16 each.
    $ports = @(Get-Random -InputObject (30000..60000) -Count (4 * $perTarget))
    for ($k = 0; $k -lt 4; $k++) {
        $t = Start-TestTarget -Suite $Suite -Port $ports[($k * $perTarget)..(($k + 1) * $perTarget - 1)]
        $targets += $t
        Set-CloudInitSeed $t
        Invoke-CloudInitStage $t | Out-Null
    }
    # One client key and one host key for the fleet, so one -KeyFilePath and one -HostKeyFingerprint
    # serve every host (the base cmdlet does not read known_hosts files yet), and one known_hosts
    # file serves OpenSSH.
    $key = $targets[0].KeyFilePath
    $pub = (Get-Content "$key.pub" -Raw).Trim()
    $hostKey = Join-Path $targets[0].Root 'etc/ssh/ssh_host_ed25519_key'
    foreach ($t in $targets | Select-Object -Skip 1) {
        Invoke-InTarget $t /bin/sh '-c' 'printf "%s\n" "$1" >>/home/aptready/.ssh/authorized_keys' sh $pub | Out-Null
        Copy-Item $hostKey, "$hostKey.pub" (Join-Path $t.Root 'etc/ssh/') -Force
        & bash "$root/tests/targets/target.sh" sshd-start $t.State   # restarts sshd with the copied key
    }
    $hostPub = (Get-Content "$hostKey.pub" -Raw).Trim() -replace '^(\S+ \S+).*$', '$1'
    $fingerprint = $targets[0].HostKeyFingerprint
    $knownHosts = Join-Path ([IO.Path]::GetTempPath()) "aptready-bench-known_hosts-$PID"
    $targets | ForEach-Object { $_.Ports } | ForEach-Object { "[127.0.0.1]:$_ $hostPub" } | Set-Content $knownHosts
    # Wait until every port answers again after the restarts.
    foreach ($t in $targets) {
        foreach ($p in $t.Ports) {
            for ($w = 0; $w -lt 100; $w++) {
                try { [Net.Sockets.TcpClient]::new('127.0.0.1', $p).Dispose(); break } catch { Start-Sleep -Milliseconds 50 }
            }
        }
    }
    $fleet = @($targets | ForEach-Object { $t = $_; $t.Ports | ForEach-Object { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $_; UserName = $t.UserName } } }) |
        Select-Object -First $Hosts

    $sshScript = ($fleet | ForEach-Object {
            "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$knownHosts -i $key -p $($_.Port) aptready@127.0.0.1 'cloud-init status --format json' >/dev/null 2>&1 &"
        }) -join "`n"
    $sshScript += "`nfail=0; for j in `$(jobs -p); do wait `$j || fail=`$((fail+1)); done; echo `$fail"

    $cold = @(); $warm = @(); $fan = @()
    for ($rep = 1; $rep -le $FanOutRepeats; $rep++) {
        # Wait-CloudInit in a fresh runspace: its pool is empty, so every host is a new connection.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($module, $fleet, $key, $fingerprint)
                    Import-Module $module
                    $clock = [Diagnostics.Stopwatch]::StartNew()
                    $r1 = @($fleet | Wait-CloudInit -KeyFilePath $key -HostKeyFingerprint $fingerprint -ThrottleLimit 64 -Timeout 120)
                    $t1 = $clock.Elapsed.TotalSeconds
                    $clock.Restart()
                    # The same hosts again: the pooled connections are reused (no credentials needed).
                    $r2 = @($fleet | Wait-CloudInit -ThrottleLimit 64 -Timeout 120)
                    $t2 = $clock.Elapsed.TotalSeconds
                    [pscustomobject]@{ Cold = $t1; Warm = $t2; Done = @($r1 | Where-Object State -eq 'Done').Count; DoneWarm = @($r2 | Where-Object State -eq 'Done').Count }
                }).AddArgument($ModulePath).AddArgument($fleet).AddArgument($key).AddArgument($fingerprint)
            $m = $ps.Invoke() | Select-Object -First 1
            if ($ps.Streams.Error.Count -gt 0) { $fleet | Format-Table | Out-Host; $ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Out-Host; throw "Wait-CloudInit wrote $($ps.Streams.Error.Count) errors." }
            if ($m.Done -ne $fleet.Count -or $m.DoneWarm -ne $fleet.Count) { throw "Only $($m.Done)/$($m.DoneWarm) of $($fleet.Count) hosts were Done." }
            $cold += $m.Cold; $warm += $m.Warm
        }
        finally { $ps.Dispose() }

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $failed = & bash -c $sshScript
        $fan += $clock.Elapsed.TotalSeconds
        if ([int]$failed -ne 0) { throw "$failed of the OpenSSH fan-out's commands failed." }
    }
}
finally {
    $targets | Stop-TestTarget
    if ($knownHosts -and (Test-Path $knownHosts)) { Remove-Item $knownHosts }
}

# Report --------------------------------------------------------------------------------------
$w = $latency['Wait-CloudInit']; $o = $latency['OpenSSH until-loop']
$wr = $latencyResult['Wait-CloudInit']; $or = $latencyResult['OpenSSH until-loop']
$rows = @(
    [pscustomobject]@{ Measure = "(a) latency median, from runcmd's mark (s), $Runs runs"; 'Wait-CloudInit' = Get-Median $w; OpenSSH = Get-Median $o }
    [pscustomobject]@{ Measure = "(a) latency p95, from runcmd's mark (s)"; 'Wait-CloudInit' = Get-Percentile $w 95; OpenSSH = Get-Percentile $o 95 }
    [pscustomobject]@{ Measure = "(a) latency median, from result.json mtime (s)"; 'Wait-CloudInit' = Get-Median $wr; OpenSSH = Get-Median $or }
    [pscustomobject]@{ Measure = "(a) latency p95, from result.json mtime (s)"; 'Wait-CloudInit' = Get-Percentile $wr 95; OpenSSH = Get-Percentile $or 95 }
    [pscustomobject]@{ Measure = "(b) $($fleet.Count) finished hosts, new connections, median of $FanOutRepeats (s)"; 'Wait-CloudInit' = Get-Median $cold; OpenSSH = Get-Median $fan }
    [pscustomobject]@{ Measure = "(b) $($fleet.Count) finished hosts, pooled connections, median of $FanOutRepeats (s)"; 'Wait-CloudInit' = Get-Median $warm; OpenSSH = Get-Median $fan }
)
$rows | ForEach-Object {
    $_ | Add-Member Ratio ([math]::Round($_.'Wait-CloudInit' / $_.OpenSSH, 2))
    $_.'Wait-CloudInit' = [math]::Round($_.'Wait-CloudInit', 3)
    $_.OpenSSH = [math]::Round($_.OpenSSH, 3)
}
"Suite $Suite, $([Environment]::ProcessorCount) cores, load $((Get-Content /proc/loadavg) -replace ' .*$')"
$rows | Format-Table -AutoSize | Out-String -Width 200
"Targets: latency median <= 0.5 s; $($fleet.Count) hosts within 1.5x of the OpenSSH fan-out."
