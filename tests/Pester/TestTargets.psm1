# Real targets for the Pester tests: container targets from tests/targets/target.sh.
$script:TargetScript = Join-Path $PSScriptRoot '../targets/target.sh'

function Start-TestTarget {
    <#
    Starts a container target (sshd in a chroot of Debian SUITE) and returns how to reach it.
    -Launcher: command words that start target.sh, as a caller might (for instance 'nohup').
    #>
    param(
        [Parameter(Mandatory)] [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite,
        [int[]] $Port,
        [string[]] $Launcher = @()
    )
    $command = @($Launcher) + @('bash', $script:TargetScript, 'start', $Suite) + @($Port | Where-Object { $_ } | ForEach-Object { "$_" })
    $lines = & $command[0] $command[1..($command.Count - 1)]
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

function Invoke-TargetControl {
    <# One control command of target.sh (sshd-stop, sshd-start, ...); it waits for its effect, or fails here. #>
    param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] $Target)
    $output = & bash $script:TargetScript $Command $Target.State 2>&1
    if ($LASTEXITCODE -ne 0) { throw "target.sh $Command $($Target.State) failed (exit $LASTEXITCODE): $(($output | Out-String).Trim())" }
}

<# Stops the target's sshd listener; returns once every port refuses. #>
function Stop-TargetSshd { param([Parameter(Mandatory)] $Target) Invoke-TargetControl sshd-stop $Target }
<# Starts a fresh sshd listener (it reads its config and host key anew); returns once every port sends a banner. #>
function Start-TargetSshd { param([Parameter(Mandatory)] $Target) Invoke-TargetControl sshd-start $Target }
<# Ends every sshd process of the target (open connections too), as a reboot would, and starts it again. #>
function Restart-TargetSshd { param([Parameter(Mandatory)] $Target) Invoke-TargetControl sshd-restart $Target }

function Test-TargetBanner {
    <# Whether an SSH server sends its banner on the port within the timeout (a listener alone is not enough). #>
    param([Parameter(Mandatory)] [int] $Port, [int] $TimeoutMilliseconds = 3000)
    $client = [Net.Sockets.TcpClient]::new()
    try {
        if (-not $client.ConnectAsync('127.0.0.1', $Port).Wait($TimeoutMilliseconds)) { return $false }
        $stream = $client.GetStream()
        $buffer = [byte[]]::new(4)
        $read = 0
        $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMilliseconds)
        while ($read -lt 4) {
            $task = $stream.ReadAsync($buffer, $read, 4 - $read)
            $left = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
            if (-not $task.Wait($left) -or $task.Result -eq 0) { return $false }
            $read += $task.Result
        }
        [Text.Encoding]::ASCII.GetString($buffer) -eq 'SSH-'
    }
    catch { $false }
    finally { $client.Dispose() }
}

function Assert-TestTargetReady {
    <#
    Called before each test that shares a target (or several; $null where a test has none): when one
    of its ports sends no SSH banner, starts its sshd again; when the target's init is gone, revives
    the target on the same root, ports and keys. So a test that broke the target fails alone, not
    every test after it. Throws when the target cannot be made to answer.
    #>
    param([AllowNull()] [AllowEmptyCollection()] [object[]] $Target)
    foreach ($t in $Target) {
        if (-not $t) { continue }
        # One port per target: all are one sshd listener's. Generous: a loaded machine greets slowly.
        if (Test-TargetBanner $t.Port 10000) { continue }
        & bash $script:TargetScript check $t.State
        switch ($LASTEXITCODE) {
            0 { continue }
            4 { Write-Host "    (target $($t.State) was gone: reviving it)"; Invoke-TargetControl revive $t }
            default { Write-Host "    (sshd of $($t.State) did not answer: starting it again)"; Invoke-TargetControl sshd-start $t }
        }
    }
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

function Wait-Condition {
    <#
    Waits until CONDITION returns something true, polling every 50 ms; throws naming WHAT after
    SECONDS. For waiting on an observable fact (a log line, a record, a port) instead of sleeping.
    #>
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $Seconds = 60, [Parameter(Mandatory)] [string] $What)
    $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "Gave up after $Seconds s waiting for $What." }
        Start-Sleep -Milliseconds 50
    }
}

Export-ModuleMember -Function *-*
