#Requires -Version 7.2
<#
.SYNOPSIS
    Fleet benchmark: AptReady on 10, 50, 200 and 1000 hosts against OpenSSH fan-outs and Ansible, in one run.
.DESCRIPTION
    The "hosts" are container targets whose sshd listens on up to 16 loopback ports each, with
    cloud-init run to done. For each size N, each measure runs -Repeat times and the median counts:
      (a) Wait-CloudInit on N finished hosts (a fresh pwsh each run, so new connections; the time is
          taken inside it, from before the cmdlet to its end, and its peak RSS is read from /proc)
      (b) Wait-CloudInit | Test-AptLock | Invoke-AptGet -Command Update -Simulate
      (c) a plain parallel OpenSSH fan-out, `ssh … 'cloud-init status --format json' &` per host, `wait`
      (s) the seed's probe fan-out, `ssh … 'test -f /var/lib/cloud/instance/boot-finished' &` per host, `wait`:
          one handshake and one stat per host, the floor any readiness check pays
      (d) three such fan-outs, one per step of (b): cloud-init status, /proc/locks, apt-get --print-uris update
          Each fan-out checks every ssh's exit status: a cell whose runs failed shows how many beside its
          time, and its ratio is n/a (a time measured on failed connections is no floor).
      (e) `ansible all -f N -m shell -a 'cloud-init status --format json'` (gathering off, pipelining on,
          no ControlPersist, host keys checked against the same known_hosts file)
    and, once, the time of Import-Module AptReady in a fresh pwsh (median of 5), and (when 50 hosts are up)
    (h) Wait-CloudInit on 50 hosts logging in through ssh-agent (the same key, held by a real agent)
    against -KeyFilePath, runs interleaved. -AgentAuthOnly runs only (h).
    With -JumpHostCount N (0 skips it), N hosts that only a bastion can reach (each target in a network
    namespace of its own, tests/targets/netns.sh) are timed in the same run:
      (f) Wait-CloudInit -JumpHost bastion on the N hosts (one bastion connection for all)
      (g) an OpenSSH fan-out through the same bastion, `ssh -F cfg -J bastion … &` per host, `wait`
    Sizes above 200 run -LargeRepeat times (default once) and skip Ansible, and a second table shows time per
    host, each size's time against the 200-host time scaled linearly, and the peak RSS of (a) and (b).
    -Fleet takes a fleet already started with tests/Pester/TestFleet.psm1's Start-TestFleet (it is left running).
    With APTREADY_TRACE set, each AptReady run appends per-host event times to that file (see FleetTrace.cs).
    Prints a table with ratios and writes it to out/bench/fleet.md. Needs root and a built module.
.EXAMPLE
    dotnet pwsh ./bench/fleet.ps1 -Repeat 3          (sizes 10, 50, 200 and 1000: 63 targets of 16 sshd ports)
    dotnet pwsh -c "./bench/fleet.ps1 -Sizes 10,50 -SkipAnsible"
    dotnet pwsh ./bench/fleet.ps1 -AgentAuthOnly -Repeat 3        (only agent against key-file login, 50 hosts)
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1024)] [int[]] $Sizes = @(10, 50, 200, 1000),
    [ValidateRange(1, 10)] [int] $Repeat = 3,
    # Repeats for sizes above 200 (a 1000-host cell takes minutes on 2 cores).
    [ValidateRange(1, 10)] [int] $LargeRepeat = 1,
    # A running fleet (Start-TestFleet) to use instead of starting one; it is left running.
    $Fleet,
    [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'bookworm',
    [switch] $SkipAnsible,
    [ValidateRange(0, 128)] [int] $JumpHostCount = 50,
    # Only the jump-host part (f)/(g).
    [switch] $JumpHostOnly,
    # Only the agent part (h).
    [switch] $AgentAuthOnly,
    # No agent part (h) in a full run.
    [switch] $SkipAgent,
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
$root = Split-Path $PSScriptRoot
Import-Module "$PSScriptRoot/Bench.psm1" -Force
if (-not $ModulePath) { $ModulePath = Get-BuiltModulePath }
Import-Module "$root/tests/Pester/TestFleet.psm1" -Force
Import-Module "$root/tests/Pester/TestJumpHosts.psm1" -Force
Import-Module "$root/tests/Pester/Scripts/CloudInitStages.psm1" -Force

function Invoke-AptReadyRun([string] $Pipeline, $Hosts, $Fleet, [string] $JumpHost = '', [string] $Agent = '') {
    # A fresh pwsh per run: new connections, and a peak RSS of its own.
    $hostsFile = Join-Path $Fleet.Work 'hosts.json'
    $Hosts | ConvertTo-Json -Compress | Set-Content $hostsFile
    $script = {
param($module, $hostsFile, $user, $key, $known, $throttle, $pipeline, $jump, $agent)
$ErrorActionPreference = 'Continue'
Import-Module $module
$hosts = Get-Content $hostsFile -Raw | ConvertFrom-Json
$common = @{ UserName = $user; KeyFilePath = $key; KnownHostsPath = $known; ThrottleLimit = $throttle; NoAgent = $true }
if ($jump) { $common += @{ JumpHost = $jump; SshConfigPath = '' } }
if ($agent) { $common.Remove('KeyFilePath'); $common.Remove('NoAgent'); $common.IdentityAgent = $agent }
$clock = [Diagnostics.Stopwatch]::StartNew()
$out = switch ($pipeline) {
    'wait' { $hosts | Wait-CloudInit @common -Timeout 00:15:00 }
    'pipeline' { $hosts | Wait-CloudInit @common -Timeout 00:15:00 | Test-AptLock | Invoke-AptGet -Command Update -Simulate }
}
$seconds = $clock.Elapsed.TotalSeconds
$hwm = (Select-String -Path "/proc/$PID/status" -Pattern '^VmHWM:\s+(\d+)').Matches[0].Groups[1].Value
[pscustomobject]@{ Seconds = $seconds; Results = @($out).Count; Errors = $Error.Count; PeakRssMB = [math]::Round([double]$hwm / 1024, 1) } | ConvertTo-Json -Compress
    }
    $json = & dotnet pwsh -NoProfile -NonInteractive -Command $script -args $ModulePath, $hostsFile, $Fleet.UserName, $Fleet.KeyFilePath, $Fleet.KnownHostsPath, $Hosts.Count, $Pipeline, $JumpHost, $Agent
    ($json | Select-Object -Last 1) | ConvertFrom-Json
}

function Invoke-OpenSshFanOut([string[]] $Commands, $Hosts, $Fleet) {
    # The wall time, and how many ssh runs exited non-zero (refused by sshd's MaxStartups, say): a time
    # measured on failed connections is no floor, so the table shows failures beside the time.
    $lines = foreach ($h in $Hosts) { "$($h.Port)" }
    $portsFile = Join-Path $Fleet.Work 'ports.txt'
    $lines | Set-Content $portsFile
    $bash = @'
set -u
ports=$1 key=$2 known=$3; shift 3
failed=0
start=$(date +%s.%N)
for command in "$@"; do
  pids=()
  while read -r port; do
    ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$known" -o ControlMaster=no \
        -i "$key" -p "$port" aptready@127.0.0.1 "$command" >/dev/null 2>&1 &
    pids+=("$!")
  done <"$ports"
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=$((failed + 1))
  done
done
end=$(date +%s.%N)
echo "$start $end $failed"
'@
    $out = & bash -c $bash bash $portsFile $Fleet.KeyFilePath $Fleet.KnownHostsPath @Commands
    ConvertFrom-FanOutTimes $out (@($Hosts).Count * $Commands.Count)
}

function ConvertFrom-FanOutTimes($Output, [int] $Runs) {
    $start, $end, $failed = ($Output | Select-Object -Last 1) -split ' '
    $culture = [cultureinfo]::InvariantCulture
    [pscustomobject]@{ Seconds = [double]::Parse($end, $culture) - [double]::Parse($start, $culture); Failed = [int]$failed; Runs = $Runs }
}

function Format-FanOut($Results) {
    # The median time; with the most failures of any repeat beside it when ssh runs failed.
    if (-not $Results) { return 'n/a' }
    $seconds = [math]::Round((Get-Median $Results.Seconds), 2)
    $worst = ($Results | Measure-Object Failed -Maximum).Maximum
    if ($worst) { "$seconds ($worst of $(@($Results)[0].Runs) ssh failed)" } else { $seconds }
}

function Get-FanOutRatio([double] $Numerator, $Results) {
    # n/a where the fan-out had failures: its time is not what a working fan-out takes.
    if (-not $Results -or ($Results | Where-Object Failed)) { return 'n/a' }
    [math]::Round($Numerator / (Get-Median $Results.Seconds), 2)
}

function Invoke-Ansible([string] $Command, $Hosts, $Fleet) {
    $inventory = Join-Path $Fleet.Work 'inventory.ini'
    $i = 0
    @('[fleet]') + @($Hosts | ForEach-Object { $i++; "h$i ansible_host=127.0.0.1 ansible_port=$($_.Port)" }) + @(
        '[fleet:vars]'
        "ansible_user=$($Fleet.UserName)"
        "ansible_ssh_private_key_file=$($Fleet.KeyFilePath)"
        "ansible_ssh_common_args='-o UserKnownHostsFile=$($Fleet.KnownHostsPath) -o StrictHostKeyChecking=yes -o ControlMaster=no'"
        'ansible_python_interpreter=/usr/bin/python3'
    ) | Set-Content $inventory
    $env:ANSIBLE_GATHERING = 'explicit'; $env:ANSIBLE_PIPELINING = 'True'; $env:ANSIBLE_HOST_KEY_CHECKING = 'True'
    $env:ANSIBLE_SSH_ARGS = '-o ControlMaster=no'; $env:ANSIBLE_LOCALHOST_WARNING = 'False'; $env:ANSIBLE_NOCOLOR = '1'
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $out = & ansible all -i $inventory -f $Hosts.Count -m shell -a $Command 2>&1
    $seconds = $clock.Elapsed.TotalSeconds
    $ok = @($out | Select-String -Pattern '\| CHANGED \|').Count
    [pscustomobject]@{ Seconds = $seconds; Ok = $ok }
}

function Invoke-OpenSshJumpFanOut($Lab, [string] $Config) {
    # Without ControlMaster, as people run it: every ssh -J logs in to the bastion on its own.
    $targetsFile = Join-Path $Lab.Work 'jump-targets.txt'
    $Lab.Hosts | ForEach-Object { "$($_.ComputerName) $($_.Port)" } | Set-Content $targetsFile
    $bash = @'
set -u
targets=$1 config=$2
failed=0 pids=()
start=$(date +%s.%N)
while read -r address port; do
  ssh -F "$config" -J bastion -p "$port" "aptready@$address" 'cloud-init status --format json' >/dev/null 2>&1 &
  pids+=("$!")
done <"$targets"
for pid in "${pids[@]}"; do
  wait "$pid" || failed=$((failed + 1))
done
end=$(date +%s.%N)
echo "$start $end $failed"
'@
    $out = & bash -c $bash bash $targetsFile $Config
    ConvertFrom-FanOutTimes $out @($Lab.Hosts).Count
}

function Measure-JumpHostFanOut([int] $Count) {
    $perTarget = [math]::Min(16, [math]::Ceiling($Count / 4))
    $lab = Start-JumpLab -Suite $Suite -TargetCount ([math]::Ceiling($Count / $perTarget)) -PortsPerTarget $perTarget
    try {
        foreach ($t in $lab.Targets) {
            Set-CloudInitSeed $t
            if ((Invoke-CloudInitStage $t) -ne 0) { throw "cloud-init did not finish cleanly in $($t.State)." }
        }
        $lab.Hosts = @($lab.Hosts | Select-Object -First $Count)
        $config = Join-Path $lab.Work 'ssh_config'
        @('Host bastion', '  HostName 127.0.0.1', "  Port $($lab.Bastion.Port)", 'Host *', '  User aptready', "  IdentityFile $($lab.KeyFilePath)",
            "  UserKnownHostsFile $($lab.KnownHostsPath)", '  StrictHostKeyChecking yes', '  BatchMode yes', '  ControlMaster no') | Set-Content $config
        $bastion = "aptready@127.0.0.1:$($lab.Bastion.Port)"
        $before = Get-SshdLogCount $lab.Bastion 'Accepted publickey'
        $f = 1..$Repeat | ForEach-Object { Invoke-AptReadyRun 'wait' $lab.Hosts $lab $bastion }
        $logins = (Get-SshdLogCount $lab.Bastion 'Accepted publickey') - $before
        $g = 1..$Repeat | ForEach-Object { Invoke-OpenSshJumpFanOut $lab $config }
        $fs = Get-Median $f.Seconds
        [pscustomobject]@{
            N                             = $Count
            'Wait-CloudInit -JumpHost s'  = [math]::Round($fs, 2)
            'ssh -J fan-out s'            = Format-FanOut $g
            '(f)/(g)'                     = Get-FanOutRatio $fs $g
            'accounted (f)'               = "$(($f | Measure-Object Results -Minimum).Minimum)+$(($f | Measure-Object Errors -Maximum).Maximum)err"
            'bastion logins per run (f)'  = $logins / $Repeat
        }
    }
    finally { $lab | Stop-JumpLab }
}

function Measure-AgentAuth($Fleet, [int] $Count) {
    # The fleet's own key, held by a real ssh-agent: the same server-side work, only the signer differs.
    $socket = Join-Path $Fleet.Work 'bench-agent.sock'
    $out = & ssh-agent -a $socket
    $agentPid = [int](($out | Select-String 'SSH_AGENT_PID=(\d+)').Matches[0].Groups[1].Value)
    try {
        $env:SSH_AUTH_SOCK = $socket
        & ssh-add -q $Fleet.KeyFilePath
        $env:SSH_AUTH_SOCK = $null
        $hosts = @($Fleet.Hosts | Select-Object -First $Count)
        $keyRuns = [System.Collections.Generic.List[object]]::new(); $agentRuns = [System.Collections.Generic.List[object]]::new()
        foreach ($i in 1..$Repeat) {
            # Interleaved, so a load spike on this shared machine falls on both.
            $keyRuns.Add((Invoke-AptReadyRun 'wait' $hosts $Fleet))
            $agentRuns.Add((Invoke-AptReadyRun 'wait' $hosts $Fleet $socket))
        }
        $k = Get-Median $keyRuns.Seconds; $g = Get-Median $agentRuns.Seconds
        [pscustomobject]@{
            N                   = $Count
            'key file s'        = [math]::Round($k, 2)
            'agent s'           = [math]::Round($g, 2)
            'agent/key'         = [math]::Round($g / $k, 2)
            'accounted key'     = "$(($keyRuns | Measure-Object Results -Minimum).Minimum)+$(($keyRuns | Measure-Object Errors -Maximum).Maximum)err"
            'accounted agent'   = "$(($agentRuns | Measure-Object Results -Minimum).Minimum)+$(($agentRuns | Measure-Object Errors -Maximum).Maximum)err"
        }
    }
    finally { Stop-Process -Id $agentPid -ErrorAction Ignore }
}

$outDir = Join-Path $root 'out/bench'
New-Item -ItemType Directory -Force $outDir | Out-Null
$load = { "Machine: {0} cores, load {1}." -f [Environment]::ProcessorCount, ((Get-Content /proc/loadavg) -split ' ')[0] }
if ($AgentAuthOnly) {
    Write-Host "Standing up 50 hosts ($Suite, cloud-init done)..."
    $fleet = Start-TestFleet -Count 50 -Suite $Suite -CloudInitDone
    try { $agentRow = Measure-AgentAuth $fleet 50 }
    finally { $fleet | Stop-TestFleet }
    $table = Format-MarkdownTable @($agentRow)
    $summary = "(h) Wait-CloudInit, agent against key file, {0} interleaved runs each, median. {1}" -f $Repeat, (& $load)
    Write-Host $table
    Write-Host $summary
    @('# Fleet benchmark: agent login', '', (Get-Date -Format o), '', $table, '', $summary) | Set-Content (Join-Path $outDir 'fleet-agent.md')
    return
}

$rows = [System.Collections.Generic.List[object]]::new()
$importTimes = 1..5 | ForEach-Object {
    [double](& dotnet pwsh -NoProfile -NonInteractive -Command "`$c = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'; `$c.Elapsed.TotalSeconds")
}
$importSeconds = Get-Median $importTimes

$jumpRow = if ($JumpHostCount -gt 0) { Write-Host "Jump hosts: $JumpHostCount hosts behind one bastion..."; Measure-JumpHostFanOut $JumpHostCount }
if ($JumpHostOnly) { $Sizes = @() }
$max = ($Sizes | Measure-Object -Maximum).Maximum
$ownFleet = $false
if ($Fleet) { $fleet = $Fleet; $Sizes = @($Sizes | Where-Object { $_ -le $fleet.Hosts.Count }) }
elseif ($Sizes.Count) { Write-Host "Standing up $max hosts ($Suite, cloud-init done)..."; $fleet = Start-TestFleet -Count $max -Suite $Suite -CloudInitDone; $ownFleet = $true }
$growth = [System.Collections.Generic.List[object]]::new()
try {
    $hasAnsible = -not $SkipAnsible -and (Get-Command ansible -ErrorAction Ignore)
    foreach ($n in $Sizes) {
        $hosts = @($fleet.Hosts | Select-Object -First $n)
        $runs = if ($n -gt 200) { $LargeRepeat } else { $Repeat }
        $wait = 1..$runs | ForEach-Object { Invoke-AptReadyRun 'wait' $hosts $fleet }
        $pipe = 1..$runs | ForEach-Object { Invoke-AptReadyRun 'pipeline' $hosts $fleet }
        # Above 200 hosts only the seed probes are fanned out: (c) and (d) take many minutes there.
        $large = $n -gt 200
        $ssh1 = if (-not $large) { 1..$runs | ForEach-Object { Invoke-OpenSshFanOut @('cloud-init status --format json') $hosts $fleet } }
        $seed = 1..$runs | ForEach-Object { Invoke-OpenSshFanOut @('test -f /var/lib/cloud/instance/boot-finished') $hosts $fleet }
        $ssh3 = if (-not $large) { 1..$runs | ForEach-Object {
            Invoke-OpenSshFanOut @('cloud-init status --format json', 'cat /proc/locks', 'sudo -n apt-get --print-uris -q update') $hosts $fleet
        } }
        $ans = if ($hasAnsible -and $n -le 200) { 1..$runs | ForEach-Object { Invoke-Ansible 'cloud-init status --format json' $hosts $fleet } }

        $a = Get-Median $wait.Seconds; $b = Get-Median $pipe.Seconds
        $e = if ($ans) { Get-Median $ans.Seconds } else { $null }
        $rows.Add([pscustomobject]@{
            N                    = $n
            'Wait-CloudInit s'   = [math]::Round($a, 2)
            'ssh fan-out s'      = Format-FanOut $ssh1
            'ansible s'          = if ($null -ne $e) { [math]::Round($e, 2) } else { 'n/a' }
            '(a)/(c)'            = Get-FanOutRatio $a $ssh1
            'seed probe s'       = Format-FanOut $seed
            '(a)/(s)'            = Get-FanOutRatio $a $seed
            '(e)/(a)'            = if ($null -ne $e) { [math]::Round($e / $a, 2) } else { 'n/a' }
            'pipeline s'         = [math]::Round($b, 2)
            '3 fan-outs s'       = Format-FanOut $ssh3
            '(b)/(d)'            = Get-FanOutRatio $b $ssh3
            'accounted (a)/(b)'  = "$(($wait | Measure-Object Results -Minimum).Minimum)+$(($wait | Measure-Object Errors -Maximum).Maximum)err / $(($pipe | Measure-Object Results -Minimum).Minimum)+$(($pipe | Measure-Object Errors -Maximum).Maximum)err"
            'peak RSS MB (b)'    = ($pipe | Measure-Object PeakRssMB -Maximum).Maximum
            'ansible ok'         = if ($ans) { ($ans | Measure-Object Ok -Minimum).Minimum } else { 'n/a' }
        })
        $growth.Add([pscustomobject]@{ N = $n; A = $a; B = $b; RssA = ($wait | Measure-Object PeakRssMB -Maximum).Maximum; RssB = ($pipe | Measure-Object PeakRssMB -Maximum).Maximum })
        Write-Host "N=$n done ($(& $load))"
    }
    $agentRow = if ($max -ge 50 -and -not $SkipAgent) { Measure-AgentAuth $fleet 50 }
}
finally {
    if ($fleet -and $ownFleet) { $fleet | Stop-TestFleet }
}

# Growth: each size's time against the 200-host time scaled to its size (1.0 = linear in hosts).
$base = $growth | Where-Object N -EQ 200 | Select-Object -First 1
$growthRows = foreach ($g in $growth) {
    [pscustomobject]@{
        N                         = $g.N
        'Wait-CloudInit ms/host'  = [math]::Round($g.A * 1000 / $g.N, 1)
        '(a) vs linear from 200'  = if ($base) { [math]::Round($g.A / ($base.A * $g.N / 200), 2) } else { 'n/a' }
        'peak RSS MB (a)'         = $g.RssA
        'pipeline ms/host'        = [math]::Round($g.B * 1000 / $g.N, 1)
        '(b) vs linear from 200'  = if ($base) { [math]::Round($g.B / ($base.B * $g.N / 200), 2) } else { 'n/a' }
        'peak RSS MB (b)'         = $g.RssB
    }
}

$table = (Format-MarkdownTable $rows) + $(if ($growthRows) { "`n`n" + (Format-MarkdownTable $growthRows) } else { '' }) + $(if ($jumpRow) { "`n`n" + (Format-MarkdownTable $jumpRow) } else { '' })
if ($agentRow) { $table += "`n`n(h) login through ssh-agent against a key file, Wait-CloudInit:`n`n" + (Format-MarkdownTable @($agentRow)) }
$summary = "Import-Module AptReady: {0:0.000} s (median of 5, fresh pwsh). {1} repeats per cell up to 200 hosts ($LargeRepeat above), median. Machine: {2} cores, load {3}." -f $importSeconds, $Repeat, [Environment]::ProcessorCount, ((Get-Content /proc/loadavg) -split ' ')[0]
Write-Host $table
Write-Host $summary
@('# Fleet benchmark', '', (Get-Date -Format o), '', $table, '', $summary) | Set-Content (Join-Path $outDir 'fleet.md')
