# Real targets for the Pester tests: container targets from tests/targets/target.sh.
$script:TargetScript = Join-Path $PSScriptRoot '../targets/target.sh'

function Start-TestTarget {
    <# Starts a container target (sshd in a chroot of Debian SUITE) and returns how to reach it. #>
    param(
        [Parameter(Mandatory)] [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite,
        [int[]] $Port
    )
    $lines = & bash $script:TargetScript start $Suite @Port
    if ($LASTEXITCODE -ne 0) { throw "Starting a $Suite target failed (exit $LASTEXITCODE)." }
    $info = @{}
    foreach ($line in $lines) {
        if ($line -match '^([A-Z_]+)=(.*)$') { $info[$Matches[1]] = $Matches[2].Trim('"') }
    }
    [pscustomobject]@{
        Suite              = $Suite
        State              = $info.STATE
        Root               = $info.ROOT
        ComputerName       = '127.0.0.1'
        Port               = [int]$info.PORT
        Ports              = [int[]]($info.PORTS -split ' ')
        UserName           = $info.USER_NAME
        KeyFilePath        = $info.KEY
        KnownHostsPath     = $info.KNOWN_HOSTS
        HostKeyFingerprint = $info.HOST_KEY_FINGERPRINT
        HostName           = $info.HOSTNAME
    }
}

function Stop-TargetSshd { param([Parameter(Mandatory)] $Target) & bash $script:TargetScript sshd-stop $Target.State }
function Start-TargetSshd { param([Parameter(Mandatory)] $Target) & bash $script:TargetScript sshd-start $Target.State }

function Restart-TargetSshd {
    <# Ends every sshd process of the target (open connections too), as a reboot would, and starts it again. #>
    param([Parameter(Mandatory)] $Target)
    & bash $script:TargetScript sshd-restart $Target.State
    foreach ($i in 1..100) {
        try { $c = [Net.Sockets.TcpClient]::new('127.0.0.1', $Target.Port); $c.Dispose(); return } catch { Start-Sleep -Milliseconds 50 }
    }
    throw "sshd of $($Target.State) did not come back."
}

function Get-TargetConnectionCount {
    <# How many SSH logins the target's sshd accepted so far (from its VERBOSE log). #>
    param([Parameter(Mandatory)] $Target)
    $log = Join-Path $Target.Root 'var/log/aptready-sshd.log'
    if (-not (Test-Path $log)) { return 0 }
    @(Select-String -Path $log -Pattern 'Accepted (publickey|password) for').Count
}

function Stop-TestTarget {
    param([Parameter(ValueFromPipeline)] $Target)
    process { if ($Target) { & bash $script:TargetScript stop $Target.State } }
}

function Invoke-InTarget {
    <#
    Runs a command as root inside the target's namespaces; returns its output lines.
      Invoke-InTarget $target /bin/sh -c 'echo hi'             (every argument after the target, -c included)
      Invoke-InTarget -Target $target -Command python3, -c, 'print(1)'
    A simple function on purpose, so that the command's own switches are not taken as its parameters.
    #>
    $target = $null
    $command = [System.Collections.Generic.List[string]]::new()
    for ($i = 0; $i -lt $args.Count; $i++) {
        if ($args[$i] -is [string] -and $args[$i] -eq '-Target') { $target = $args[++$i]; continue }
        if ($args[$i] -is [string] -and $args[$i] -eq '-Command') { foreach ($part in @($args[++$i])) { $command.Add([string]$part) }; continue }
        if ($null -eq $target) { $target = $args[$i]; continue }
        foreach ($part in @($args[$i])) { $command.Add([string]$part) }
    }
    & bash $script:TargetScript exec $target.State @command
}

function Start-LockHolder {
    <# Holds an fcntl write lock on PATH inside the target, as apt does; returns the holder's pid there. #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $Path, [int] $Seconds = 120)
    $out = & bash $script:TargetScript hold-lock $Target.State $Path $Seconds
    if ($LASTEXITCODE -ne 0) { throw "Holding $Path in the target failed." }
    [int]($out | Select-Object -Last 1)
}

function Stop-LockHolder {
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [int] $HolderPid)
    Invoke-InTarget $Target kill $HolderPid | Out-Null
}

function Invoke-TargetSsh {
    <# Runs a command over the OpenSSH client as the target's user; returns output and exit code. #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $Command)
    $output = & ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$($Target.KnownHostsPath)" `
        -i $Target.KeyFilePath -p $Target.Port "$($Target.UserName)@$($Target.ComputerName)" $Command 2>&1
    [pscustomobject]@{ Output = ($output | Out-String); ExitCode = $LASTEXITCODE }
}

function Get-TargetSplat {
    <# The connection parameters AptReady's cmdlets take for this target. #>
    param([Parameter(Mandatory)] $Target)
    @{
        ComputerName       = $Target.ComputerName
        Port               = $Target.Port
        UserName           = $Target.UserName
        KeyFilePath        = $Target.KeyFilePath
        HostKeyFingerprint = $Target.HostKeyFingerprint
    }
}

Export-ModuleMember -Function *-*
