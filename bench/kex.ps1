#Requires -Version 7.2
<#
.SYNOPSIS
    Key-exchange benchmark: client CPU per login of AptReady (SSH.NET, managed code) against OpenSSH's ssh,
    one row per key exchange (issue 17).
.DESCRIPTION
    Container targets of -Suite listen on -Hosts + 1 loopback ports (sshd listens on at most 16 ports, so
    20 hosts take two targets). AptReady pools one connection per host, port and user, so -Hosts distinct
    ports are -Hosts real handshakes. For each key exchange of -KexAlgorithm ('default' is no KexAlgorithms
    line: SSH.NET's own order for AptReady, ssh's own for ssh), an ssh_config file whose `Host *` block names
    it (with the user, key and known_hosts) is used by both clients:
      AptReady  a fresh pwsh imports the module, logs in once on a port of its own (JIT warm-up), then runs
                `Test-AptLock -Quiet` (one SSH command) on each port in turn; the pwsh process's own CPU time
                (user + system) and the wall time are read around that loop. This runs twice: as pwsh runs
                (tiered JIT: hot methods are recompiled in the background, and much of that falls into the
                loop, more with more hosts), and with DOTNET_TieredCompilation=0 (everything compiled once,
                in the warm-up: the handshake's own cost). The second child then runs the loop again on the
                pooled connections (column "pooled"): the cmdlet and its command alone, without a handshake.
      ssh       `ssh -F FILE -p PORT 127.0.0.1 true` on each port in turn (after one warm-up), timed by bash's
                `time` (user + system of the ssh processes, and wall time).
    A key exchange the target's sshd does not offer (`sshd -T`) is skipped with the reason; one that SSH.NET
    or this machine's ssh lacks (`ssh -Q kex`) leaves that client's cells n/a.
    Every cell is measured in each of -Repeat rounds (a round takes every key exchange in turn) and shows
    the median. Prints a table (CPU and wall ms per host, ratios of CPU AptReady/ssh) with the load average at start and
    end, and writes it to out/bench/kex-SUITE.md. CPU time per login is fair on a busy machine; wall times
    mean something only on a quiet one. Needs root (container targets) and a built module.
.EXAMPLE
    dotnet pwsh ./bench/kex.ps1                          (bookworm, 20 hosts, every key exchange of the list)
    nice -n 19 dotnet pwsh ./bench/kex.ps1 -Suite trixie  (beside other work: CPU times stay comparable)
    dotnet pwsh -c "./bench/kex.ps1 -Suite trixie -Hosts 40 -KexAlgorithm default,curve25519-sha256"
#>
[CmdletBinding()]
param(
    [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'bookworm',
    # Logins per cell, each on a port of its own (one more port serves the warm-up).
    [ValidateRange(1, 200)] [int] $Hosts = 20,
    # Rounds over the key exchanges; each cell shows the median.
    [ValidateRange(1, 10)] [int] $Repeat = 3,
    # 'default' is no KexAlgorithms line; a comma list works with `pwsh -File` too.
    [string[]] $KexAlgorithm = @('default', 'mlkem768x25519-sha256', 'sntrup761x25519-sha512@openssh.com', 'curve25519-sha256', 'ecdh-sha2-nistp256'),
    # The module to measure; by default the one build.ps1 laid out.
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
$KexAlgorithm = @($KexAlgorithm -split ',' | Where-Object { $_ })
$root = Split-Path $PSScriptRoot
Import-Module "$PSScriptRoot/Bench.psm1" -Force
Import-Module "$root/tests/Pester/TestTargets.psm1" -Force
if (-not $ModulePath) { $ModulePath = Get-BuiltModulePath }

function Get-LoadAverage { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' }

function Start-KexTargets([int] $PortCount, [string] $Key, $Started) {
    # Blocks of 16 ports below Linux's ephemeral range with nothing listening; one target per block, one
    # client key for all. Each target goes into $Started as soon as it runs, so the caller can stop it.
    $listening = @{}
    foreach ($line in @(& ss -Hltn 2>$null)) { if ($line -match ':(\d+)\s+\S+:\S+\s*$') { $listening[[int]$Matches[1]] = $true } }
    $free = @(0..700 | Where-Object { $first = 20000 + $_ * 16; -not @($first..($first + 15) | Where-Object { $listening[$_] }).Count })
    $env:APTREADY_CLIENT_KEY = $Key
    try {
        foreach ($block in Get-Random -InputObject $free -Count ([math]::Ceiling($PortCount / 16))) {
            $first = 20000 + $block * 16
            $n = [math]::Min(16, $PortCount - @($Started.Ports).Count)
            $Started.Add((Start-TestTarget -Suite $Suite -Port ($first..($first + $n - 1))))
        }
    }
    finally { $env:APTREADY_CLIENT_KEY = $null }
}

function Measure-AptReady([string] $Config, [int] $WarmPort, [string] $PortsFile, [switch] $NoTieredJit) {
    $script = {
        param($module, $config, $warmPort, $portsFile)
        $ErrorActionPreference = 'Continue'
        Import-Module $module
        $ports = Get-Content $portsFile
        $null = Test-AptLock -ComputerName 127.0.0.1 -Port $warmPort -SshConfigPath $config -NoAgent -Quiet
        $Error.Clear()
        $cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $results = 0
        foreach ($port in $ports) {
            $results += @(Test-AptLock -ComputerName 127.0.0.1 -Port $port -SshConfigPath $config -NoAgent -Quiet).Count
        }
        $wall = $clock.Elapsed.TotalMilliseconds
        $cpu = ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalMilliseconds
        # The same loop again on the pooled connections: the cmdlet and its command without a handshake.
        $pooled = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
        foreach ($port in $ports) { $null = Test-AptLock -ComputerName 127.0.0.1 -Port $port -SshConfigPath $config -NoAgent -Quiet }
        $pooled = ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $pooled).TotalMilliseconds
        [pscustomobject]@{ CpuMs = $cpu; WallMs = $wall; PooledCpuMs = $pooled; Ok = $results; Errors = $Error.Count; FirstError = "$($Error | Select-Object -Last 1)" } |
            ConvertTo-Json -Compress
    }
    # Without tiered compilation every method is compiled optimised at its first call (in the warm-up), so no
    # background recompiling of hot methods falls into the loop: the handshake's own cost.
    $env:DOTNET_TieredCompilation = if ($NoTieredJit) { '0' } else { $null }
    try { $json = & dotnet pwsh -NoProfile -NonInteractive -Command $script -args $ModulePath, $Config, $WarmPort, $PortsFile }
    finally { $env:DOTNET_TieredCompilation = $null }
    ($json | Select-Object -Last 1) | ConvertFrom-Json
}

function Measure-OpenSsh([string] $Config, [int] $WarmPort, [string] $PortsFile) {
    # bash's `time` counts the user and system time of the ssh processes it waited for.
    $bash = @'
set -u
config=$1 warm=$2 ports=$3 times=$4
ssh -F "$config" -p "$warm" 127.0.0.1 true </dev/null >/dev/null 2>&1
TIMEFORMAT='%3R %3U %3S'
ok=0 failed=0
{ time {
    while read -r port; do
      if ssh -F "$config" -p "$port" 127.0.0.1 true </dev/null >/dev/null 2>&1; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
    done <"$ports"
  }; } 2>"$times"
echo "$(cat "$times") $ok $failed"
'@
    $out = & bash -c $bash bash $Config $WarmPort $PortsFile "$Config.times"
    $culture = [cultureinfo]::InvariantCulture
    $real, $user, $sys, $ok, $failed = ($out | Select-Object -Last 1) -split ' '
    [pscustomobject]@{
        CpuMs = ([double]::Parse($user, $culture) + [double]::Parse($sys, $culture)) * 1000
        WallMs = [double]::Parse($real, $culture) * 1000; Ok = [int]$ok; Errors = [int]$failed; FirstError = ''
    }
}

function Format-PerHost($Runs, [string] $Property) {
    # The median over the rounds, in ms per host; failed logins beside it (a time measured on failures is no
    # login's cost).
    if (-not @($Runs).Count) { return 'n/a' }
    $value = [math]::Round((Get-Median $Runs.$Property) / $Hosts, 1)
    $failed = ($Runs | Measure-Object Errors -Sum).Sum
    if ($failed) { "$value ($failed of $($Hosts * @($Runs).Count) failed)" } else { $value }
}

function Get-CpuRatio($AptReady, $OpenSsh) {
    if (-not @($AptReady).Count -or -not @($OpenSsh).Count -or ($AptReady + $OpenSsh | Where-Object Errors)) { return 'n/a' }
    [math]::Round((Get-Median $AptReady.CpuMs) / (Get-Median $OpenSsh.CpuMs), 2)
}

$loadStart = Get-LoadAverage
$work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-kexbench-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
New-Item -ItemType Directory $work | Out-Null
$targets = [System.Collections.Generic.List[object]]::new()
$rows = [System.Collections.Generic.List[object]]::new()
$notes = [System.Collections.Generic.List[string]]::new()
try {
    $key = Join-Path $work 'client_key'
    & ssh-keygen -q -t ed25519 -N '' -C 'aptready-kexbench' -f $key
    Write-Host "Starting $Suite targets with $($Hosts + 1) sshd ports..."
    Start-KexTargets ($Hosts + 1) $key $targets
    $knownHosts = Join-Path $work 'known_hosts'
    Get-Content $targets.KnownHostsPath | Set-Content $knownHosts
    $allPorts = @($targets.Ports)
    $warmPort = $allPorts[0]
    $portsFile = Join-Path $work 'ports.txt'
    $allPorts[1..$Hosts] | Set-Content $portsFile

    # What each side can do: the target's sshd, SSH.NET (AptReady's default order) and this machine's ssh.
    $offered = @(((Invoke-InTarget $targets[0] /usr/sbin/sshd -T | Where-Object { $_ -like 'kexalgorithms *' }) -split ' ')[1] -split ',')
    $transport = Join-Path (Split-Path $ModulePath) 'bin/deps/AptReady.Transport.dll'
    $sshNet = @((& dotnet pwsh -NoProfile -NonInteractive -Command "[void][Reflection.Assembly]::LoadFrom('$transport'); [AptReady.Transport.KeyExchangeOrder]::Supported -join ','") -split ',')
    $sshClient = @(& ssh -Q kex)
    $sshVersion = (& ssh -V 2>&1) -replace ',.*$', ''
    $baseLines = @('Host *', '  User aptready', "  IdentityFile $key", "  UserKnownHostsFile $knownHosts", '  StrictHostKeyChecking yes',
        '  IdentityAgent none', '  BatchMode yes', '  ControlMaster no')

    $cells = foreach ($kex in $KexAlgorithm) {
        $isDefault = $kex -eq 'default'
        if (-not $isDefault -and $kex -notin $offered) { $notes.Add("$kex skipped: the $Suite target's sshd does not offer it."); continue }
        $config = Join-Path $work "ssh_config-$kex"
        $baseLines + @(if (-not $isDefault) { "  KexAlgorithms $kex" }) | Set-Content $config
        $label = $kex
        if ($isDefault) {
            # Each client takes its own first choice that the server offers.
            $sshDefault = @(((& ssh -F $config -G -p $warmPort 127.0.0.1 | Where-Object { $_ -like 'kexalgorithms *' }) -split ' ')[1] -split ',')
            $label = "default (AptReady: $(@($sshNet | Where-Object { $_ -in $offered })[0]); ssh: $(@($sshDefault | Where-Object { $_ -in $offered })[0]))"
        }
        $aptReady = $isDefault -or $kex -in $sshNet
        $openSsh = $isDefault -or $kex -in $sshClient
        if (-not $aptReady) { $notes.Add("${kex}: SSH.NET does not implement it.") }
        if (-not $openSsh) { $notes.Add("${kex}: this machine's $sshVersion does not know it (ssh -Q kex).") }
        [pscustomobject]@{ Label = $label; Config = $config; AptReady = $aptReady; OpenSsh = $openSsh
            Tiered = [Collections.Generic.List[object]]::new(); NoTiered = [Collections.Generic.List[object]]::new(); Ssh = [Collections.Generic.List[object]]::new() }
    }
    # Rounds over every key exchange in turn, so a change of the machine's load falls on all of them.
    foreach ($round in 1..$Repeat) {
        foreach ($cell in $cells) {
            Write-Host "Round $round of ${Repeat}: $($cell.Label) ..."
            if ($cell.AptReady) {
                $cell.Tiered.Add((Measure-AptReady $cell.Config $warmPort $portsFile))
                $cell.NoTiered.Add((Measure-AptReady $cell.Config $warmPort $portsFile -NoTieredJit))
            }
            if ($cell.OpenSsh) { $cell.Ssh.Add((Measure-OpenSsh $cell.Config $warmPort $portsFile)) }
        }
    }
    foreach ($cell in $cells) {
        foreach ($run in @($cell.Tiered) + @($cell.NoTiered) | Where-Object Errors) { $notes.Add("$($cell.Label): AptReady's error: $($run.FirstError)") }
        $rows.Add([pscustomobject]@{
            'key exchange'                        = $cell.Label
            'AptReady CPU ms/host'                = Format-PerHost $cell.Tiered CpuMs
            'ssh CPU ms/host'                     = Format-PerHost $cell.Ssh CpuMs
            'ratio (AptReady/ssh)'                = Get-CpuRatio $cell.Tiered $cell.Ssh
            'AptReady wall ms/host'               = Format-PerHost $cell.Tiered WallMs
            'ssh wall ms/host'                    = Format-PerHost $cell.Ssh WallMs
            'AptReady CPU ms/host, no tiered JIT' = Format-PerHost $cell.NoTiered CpuMs
            'ratio, no tiered JIT'                = Get-CpuRatio $cell.NoTiered $cell.Ssh
            'pooled, no tiered JIT'               = Format-PerHost $cell.NoTiered PooledCpuMs
        })
    }
}
finally {
    $targets | Stop-TestTarget
    Remove-Item $work -Recurse -Force -ErrorAction Ignore
}

$table = if ($rows.Count) { Format-MarkdownTable $rows } else { '(no key exchange measured)' }
$summary = @(
    "$Suite target, $Hosts sequential logins per cell (one warm-up login first), median of $Repeat rounds, $sshVersion, $([Environment]::ProcessorCount) cores; load average $loadStart at start, $(Get-LoadAverage) at end."
    'CPU is user + system time of the client process(es) per login and command; wall times mean something only on a quiet machine.'
) + $notes
Write-Host $table
$summary | ForEach-Object { Write-Host $_ }
$outDir = Join-Path $root 'out/bench'
New-Item -ItemType Directory -Force $outDir | Out-Null
@('# Key-exchange benchmark', '', (Get-Date -Format o), '', $table, '') + $summary | Set-Content (Join-Path $outDir "kex-$Suite.md")
