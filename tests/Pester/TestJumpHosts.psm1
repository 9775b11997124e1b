# Targets only a bastion can reach, for the jump-host tests: each target lives in a network namespace
# of its own, joined by a veth pair to the bastion's namespace only (addresses from 10.231.0.0/16,
# assigned inside namespaces tests/targets/netns.sh creates; this machine's own namespace gets none).
# The bastion is served to this machine's 127.0.0.1 by `sshd -i` run inside its namespaces per connection.
Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1')
$script:NetnsScript = Join-Path $PSScriptRoot '../targets/netns.sh'
$script:TargetScript = Join-Path $PSScriptRoot '../targets/target.sh'

function Invoke-Netns {
    $out = & bash $script:NetnsScript @args
    if ($LASTEXITCODE -ne 0) { throw "netns.sh $($args -join ' ') failed (exit $LASTEXITCODE)." }
    $out
}

function Start-NetnsTarget {
    <# Starts a target (target.sh) inside namespace NETNS, its sshd listening on ADDRESS:PORT... there. #>
    param([Parameter(Mandatory)] [string] $Suite, [Parameter(Mandatory)] [string] $Netns, [Parameter(Mandatory)] [string] $Address, [int[]] $Port = @(22))
    $env:APTREADY_NETNS = $Netns
    $env:APTREADY_LISTEN = $Address
    try { $t = Start-TestTarget -Suite $Suite -Port $Port }
    finally { $env:APTREADY_NETNS = $null; $env:APTREADY_LISTEN = $null }
    $t.ComputerName = $Address
    $t | Add-Member -NotePropertyName Netns -NotePropertyValue $Netns -PassThru
}

function Start-JumpLab {
    <#
    A bastion and COUNT targets behind it (each target's sshd on up to 16 ports), optionally an inner
    bastion between them (two hops). One client key for all. Returns the lab; Stop-JumpLab ends it.
      bastion      namespace B, served on 127.0.0.1:<Bastion.Port> of this machine
      inner        namespace I, 10.231.1.2:22, reachable from B only (with -Inner)
      targets      namespace Tk, 10.231.(10+k).2, reachable from B (or from I with -Inner) only
    #>
    param(
        [Parameter(Mandatory)] [ValidateSet('bookworm', 'trixie')] [string] $Suite,
        [ValidateRange(1, 8)] [int] $TargetCount = 1,
        [ValidateRange(1, 16)] [int] $PortsPerTarget = 1,
        [switch] $Inner
    )
    $work = Join-Path ([IO.Path]::GetTempPath()) ("aptready-jump-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    New-Item -ItemType Directory $work | Out-Null
    $key = Join-Path $work 'client_key'
    & ssh-keygen -q -t ed25519 -N '' -C 'aptready-jump' -f $key
    $lab = [pscustomobject]@{
        Work = $work; KeyFilePath = $key; UserName = 'aptready'; Namespaces = [Collections.Generic.List[string]]::new()
        Bastion = $null; Inner = $null; Targets = [Collections.Generic.List[object]]::new(); ExposePid = 0
        KnownHostsPath = (Join-Path $work 'known_hosts'); Hosts = @()
    }
    $env:APTREADY_CLIENT_KEY = $key
    try {
        $b = Invoke-Netns create; $lab.Namespaces.Add($b)
        $lab.Bastion = Start-NetnsTarget -Suite $Suite -Netns $b -Address 127.0.0.1
        $exposed = @{}
        foreach ($line in Invoke-Netns expose $lab.Bastion.State) { if ($line -match '^([A-Z]+)=(.*)$') { $exposed[$Matches[1]] = $Matches[2] } }
        $lab.ExposePid = [int]$exposed.PID
        $lab.Bastion.Port = [int]$exposed.PORT
        $front = $b
        if ($Inner) {
            $i = Invoke-Netns create; $lab.Namespaces.Add($i)
            Invoke-Netns link $b 10.231.1.1/24 $i 10.231.1.2/24 | Out-Null
            $lab.Inner = Start-NetnsTarget -Suite $Suite -Netns $i -Address 10.231.1.2
            $front = $i
        }
        foreach ($k in 1..$TargetCount) {
            $ns = Invoke-Netns create; $lab.Namespaces.Add($ns)
            Invoke-Netns link $front "10.231.$(10 + $k).1/24" $ns "10.231.$(10 + $k).2/24" | Out-Null
            $lab.Targets.Add((Start-NetnsTarget -Suite $Suite -Netns $ns -Address "10.231.$(10 + $k).2" -Port (2200..(2200 + $PortsPerTarget - 1))))
        }
    }
    catch { Stop-JumpLab $lab; throw }
    finally { $env:APTREADY_CLIENT_KEY = $null }

        $bastionKey = (Get-Content -Path $lab.Bastion.KnownHostsPath -First 1) -replace '^\S+ ', ''
    $lines = @("[127.0.0.1]:$($lab.Bastion.Port) $bastionKey")
    foreach ($t in @($lab.Inner) + @($lab.Targets)) { if ($t) { $lines += Get-Content $t.KnownHostsPath } }
    $lines | Set-Content $lab.KnownHostsPath
    $lab.Hosts = @(foreach ($t in $lab.Targets) { foreach ($p in $t.Ports) { [pscustomobject]@{ ComputerName = $t.ComputerName; Port = $p } } })
    $lab
}

function Stop-JumpLab {
    param([Parameter(ValueFromPipeline)] $Lab)
    process {
        if (-not $Lab) { return }
        if ($Lab.ExposePid) { & bash $script:NetnsScript unexpose $Lab.ExposePid }
        @($Lab.Targets) + @($Lab.Inner) + @($Lab.Bastion) | Where-Object { $_ } | Stop-TestTarget
        if ($Lab.Namespaces.Count) { & bash $script:NetnsScript delete @($Lab.Namespaces) }
        Remove-Item $Lab.Work -Recurse -Force -ErrorAction Ignore
    }
}

function Get-SshdLogCount {
    <# How many lines of a target's sshd log match PATTERN (for instance 'Accepted publickey' for logins). #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $Pattern)
    $log = Join-Path $Target.Root 'var/log/aptready-sshd.log'
    if (-not (Test-Path $log)) { return 0 }
    @(Select-String -Path $log -Pattern $Pattern).Count
}

function Get-OwnLoopbackListener {
    <# The 127.0.0.1 ports this process listens on (AptReady's jump tunnels), from /proc/net/tcp and /proc/self/fd. #>
    $inodes = @(Get-ChildItem /proc/self/fd | ForEach-Object { $_.LinkTarget } | Where-Object { $_ -match '^socket:\[(\d+)\]$' } | ForEach-Object { $_ -replace '\D', '' })
    foreach ($line in Get-Content /proc/net/tcp | Select-Object -Skip 1) {
        $f = -split $line
        if ($f[3] -eq '0A' -and $f[1] -like '0100007F:*' -and $inodes -contains $f[9]) { [Convert]::ToInt32($f[1].Split(':')[1], 16) }
    }
}

function Set-TargetFileAptSource {
    <# Copies a built apt repository into the target and points apt at it only (file:, so no network is needed). #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $RepoFolder)
    $repo = Join-Path $Target.Root 'srv/aptready-repo'
    New-Item -ItemType Directory -Force $repo | Out-Null
    Copy-Item (Join-Path $RepoFolder '*') $repo -Recurse -Force
    Invoke-InTarget $Target /bin/sh -c ': >/etc/apt/sources.list; rm -f /etc/apt/sources.list.d/*; find /var/lib/apt/lists -maxdepth 1 -type f ! -name lock -delete; echo "deb [trusted=yes] file:/srv/aptready-repo ./" >/etc/apt/sources.list.d/aptready-local.list' | Out-Null
}

Export-ModuleMember -Function Get-OwnLoopbackListener, Start-JumpLab, Stop-JumpLab, Get-SshdLogCount, Set-TargetFileAptSource, Start-NetnsTarget
