# A fleet of "hosts" for scale tests and benchmarks: container targets whose sshd listens on up to
# 16 loopback ports each (sshd's limit of listening sockets), one client key and one known_hosts
# file for all, and cloud-init run to done once per target. Bounded: every loop has a count.
Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1')
Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1')

function Start-TestFleet {
    param(
        [Parameter(Mandatory)] [ValidateRange(1, 1024)] [int] $Count,
        [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'bookworm',
        [ValidateRange(1, 16)] [int] $PortsPerTarget = 16,
        # Run cloud-init's four stages in each target, so Wait-CloudInit finds it done.
        [switch] $CloudInitDone
    )
    $work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-fleet-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    New-Item -ItemType Directory $work | Out-Null
    $key = Join-Path $work 'client_key'
    & ssh-keygen -q -t ed25519 -N '' -C 'aptready-fleet' -f $key
    $targetCount = [math]::Ceiling($Count / $PortsPerTarget)
    # Port blocks below Linux's ephemeral range (32768+), so no client socket holds one.
    # Blocks with a port already listening (another fleet on this machine) are left out.
    $listening = @{}
    foreach ($line in @(& ss -Hltn 2>$null)) { if ($line -match ':(\d+)\s+\S+:\S+\s*$') { $listening[[int]$Matches[1]] = $true } }
    $free = @(0..700 | Where-Object { $first = 20000 + $_ * 16; -not @($first..($first + 15) | Where-Object { $listening[$_] }).Count })
    $blocks = Get-Random -InputObject $free -Count $targetCount
    $targets = [System.Collections.Generic.List[object]]::new()
    $env:APTREADY_CLIENT_KEY = $key
    try {
        foreach ($block in $blocks) {
            $first = 20000 + $block * 16
            $n = [math]::Min($PortsPerTarget, $Count - $targets.Count * $PortsPerTarget)
            $targets.Add((Start-TestTarget -Suite $Suite -Port ($first..($first + $n - 1))))
        }
    }
    finally { $env:APTREADY_CLIENT_KEY = $null }

    if ($CloudInitDone) {
        foreach ($t in $targets) {
            Set-CloudInitSeed $t
            $code = Invoke-CloudInitStage $t
            if ($code -ne 0) { throw "cloud-init did not finish cleanly in $($t.State) (exit $code)." }
        }
    }

    $knownHosts = Join-Path $work 'known_hosts'
    Get-Content $targets.KnownHostsPath | Set-Content $knownHosts
    $hosts = foreach ($t in $targets) { foreach ($p in $t.Ports) { [pscustomobject]@{ ComputerName = '127.0.0.1'; Port = $p } } }
    [pscustomobject]@{
        Work           = $work
        Targets        = $targets
        Hosts          = @($hosts)
        UserName       = 'aptready'
        KeyFilePath    = $key
        KnownHostsPath = $knownHosts
    }
}

function Stop-TestFleet {
    param([Parameter(ValueFromPipeline)] $Fleet)
    process {
        if (-not $Fleet) { return }
        $Fleet.Targets | Stop-TestTarget
        Remove-Item $Fleet.Work -Recurse -Force -ErrorAction Ignore
    }
}

Export-ModuleMember -Function Start-TestFleet, Stop-TestFleet
