<#
.SYNOPSIS
    Runs in a fresh pwsh: imports the real Posh-SSH and AptReady in the order given, opens Posh-SSH sessions
    to a target whose cloud-init final stage is held (its runcmd waits for /run/aptready-release), and drives
    AptReady through them in every state a Posh-SSH user meets. Prints one JSON object of what happened,
    for PoshSsh.Tests.ps1 to check.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PoshSshPath,
    [Parameter(Mandatory)] [ValidateSet('PoshSshFirst', 'AptReadyFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $TargetJson
)
$ErrorActionPreference = 'Stop'
$target = $TargetJson | ConvertFrom-Json
if ($Order -eq 'PoshSshFirst') { Import-Module $PoshSshPath; Import-Module $ModulePath }
else { Import-Module $ModulePath; Import-Module $PoshSshPath }
Import-Module (Join-Path $PSScriptRoot '../TestTargets.psm1')
Import-Module (Join-Path $PSScriptRoot 'PoshSsh.psm1')

$open = Get-PoshSshSessionScript
$hostKey = Get-PoshSshHostKey $target
$own = Get-TargetSplat $target
$facts = [ordered]@{ Order = $Order }

function Invoke-Recorded {
    <# Runs CALL; returns the ids of the error records it wrote (or 'Terminating:<type>'), exception types, and output. #>
    param([scriptblock] $Call)
    $ErrorActionPreference = 'Continue'
    $errors = [System.Collections.Generic.List[object]]::new()
    $output = [System.Collections.Generic.List[object]]::new()
    try {
        & $Call 2>&1 3>$null | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) } else { $output.Add($_) } }
    } catch {
        $errors.Add([pscustomobject]@{ FullyQualifiedErrorId = "Terminating:$($_.Exception.GetType().Name)"; Exception = $_.Exception })
    }
    [pscustomobject]@{
        Ids        = @($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        Types      = @($errors | ForEach-Object { $_.Exception.GetType().FullName })
        InnerTypes = @($errors | ForEach-Object { if ($_.Exception.InnerException) { $_.Exception.InnerException.GetType().FullName } })
        Messages   = @($errors | ForEach-Object { $_.Exception.Message })
        Output     = $output
    }
}

function Start-Instance {
    <# Runs SCRIPT in a runspace of its own (AptReady imported there), so progress can be read while it runs. #>
    param([scriptblock] $Script, [object[]] $Arguments)
    $ps = [powershell]::Create()
    $null = $ps.AddScript('param($module) Import-Module $module').AddArgument($ModulePath).AddStatement().AddScript($Script)
    foreach ($a in $Arguments) { $null = $ps.AddArgument($a) }
    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
}

function Wait-Progress {
    <# Waits (bounded) until the instance wrote COUNT progress records naming the running final stage. #>
    param($Instance, [int] $Count, [int] $Seconds = 120)
    $until = [datetime]::UtcNow.AddSeconds($Seconds)
    while ([datetime]::UtcNow -lt $until -and -not $Instance.Handle.IsCompleted) {
        if (@($Instance.PowerShell.Streams.Progress | Where-Object StatusDescription -Match 'running modules-final').Count -ge $Count) { return $true }
        Start-Sleep -Milliseconds 100
    }
    $false
}

function Get-WaitScriptPid {
    <# Pids of AptReady's cloud-init wait scripts on the target (from /proc; the pattern does not match itself). #>
    @(Invoke-InTarget $target /bin/sh -c 'for d in /proc/[0-9]*; do (tr "\0" " " <"$d/cmdline") 2>/dev/null | grep -q "aptready[-]cloudinit" && echo "${d#/proc/}"; done; true')
}

# AptReady's own connection, before any Posh-SSH session is used.
$before = Invoke-Recorded { Test-AptLock @own }
$facts.OwnBefore = @{ Count = $before.Output.Count; Ids = $before.Ids; SessionIds = @($before.Output.SessionId | Where-Object { $null -ne $_ }) }

$s0 = & $open -Target $target -HostKey $hostKey
$s1 = & $open -Target $target -HostKey $hostKey
$s2 = & $open -Target $target -HostKey $hostKey
$s3 = & $open -Target $target -HostKey $hostKey
$sftp = & $open -Target $target -HostKey $hostKey -Sftp
$facts.SessionIds = @((Get-SSHSession).SessionId)

# Ctrl+C while Wait-CloudInit waits through a Posh-SSH session: the wait ends, and so does the remote script.
$waiting = Start-Instance { param($s) Wait-CloudInit -Session $s -Timeout 300 } @($s0)
$facts.StopSawProgress = Wait-Progress $waiting 1
$facts.WaitScriptsBeforeStop = (Get-WaitScriptPid).Count
$stop = $waiting.PowerShell.BeginStop($null, $null)
$facts.StoppedWithin10s = $stop.AsyncWaitHandle.WaitOne(10000)
$facts.StopState = "$($waiting.PowerShell.InvocationStateInfo.State)"
$until = [datetime]::UtcNow.AddSeconds(30)
while ((Get-WaitScriptPid).Count -gt 0 -and [datetime]::UtcNow -lt $until) { Start-Sleep -Milliseconds 200 }
$facts.WaitScriptsAfterStop = (Get-WaitScriptPid).Count
$waiting.PowerShell.Dispose()

# Live progress: records arrive while cloud-init is provably still running (held until released here).
$live = Start-Instance { param($s) Wait-CloudInit -Session $s -Timeout 300 } @($s0)
$facts.LiveSawThreeBeats = Wait-Progress $live 3
$facts.LiveProgressBeforeRelease = @($live.PowerShell.Streams.Progress | Where-Object StatusDescription -Match 'running modules-final').Count
$facts.LiveCompletedBeforeRelease = $live.Handle.IsCompleted
$null = Invoke-InTarget $target /bin/sh -c 'touch /run/aptready-release'
$facts.LiveEndedWithin120s = $live.Handle.AsyncWaitHandle.WaitOne(120000)
$liveResult = @($live.PowerShell.EndInvoke($live.Handle))[0]
$facts.LiveState = "$($liveResult.State)"
$facts.LiveSessionId = $liveResult.SessionId
$facts.LiveErrors = @($live.PowerShell.Streams.Error | ForEach-Object FullyQualifiedErrorId)
$live.PowerShell.Dispose()

# Lock sightings flow live too: Invoke-AptGet reports the holder while it waits, before the lock is freed.
$holder = Start-LockHolder -Target $target -Path /var/lib/dpkg/lock-frontend -Seconds 120
$apt = Start-Instance { param($s) Invoke-AptGet -Session $s -Command Install -Package apt -Simulate -LockTimeout '00:05:00' } @($s0)
$until = [datetime]::UtcNow.AddSeconds(120)
while (-not ($sighted = @($apt.PowerShell.Streams.Progress | Where-Object StatusDescription -Like "waiting for /var/lib/dpkg/lock-frontend held by $holder *").Count) -and
    -not $apt.Handle.IsCompleted -and [datetime]::UtcNow -lt $until) { Start-Sleep -Milliseconds 100 }
$facts.AptSightedBeforeRelease = $sighted
$facts.AptCompletedBeforeRelease = $apt.Handle.IsCompleted
Stop-LockHolder -Target $target -HolderPid $holder
$facts.AptEndedWithin120s = $apt.Handle.AsyncWaitHandle.WaitOne(120000)
$aptResult = @($apt.PowerShell.EndInvoke($apt.Handle))[0]
$facts.Apt = @{ Succeeded = $aptResult.Succeeded; SessionId = $aptResult.SessionId; Sightings = @($aptResult.LockHolderSightings).Count }
$apt.PowerShell.Dispose()

# A result that came through a session leads the next cmdlet to the same session: no key is given.
$chain = Invoke-Recorded { Get-SSHSession -SessionId 1 | Test-AptLock | Invoke-AptGet -Command Install -Package apt -Simulate }
$facts.Chain = @{ Ids = $chain.Ids; Succeeded = $chain.Output.Succeeded; SessionId = $chain.Output.SessionId }

$all = Invoke-Recorded { Test-AptLock -Session (Get-SSHSession) }
$facts.AllSessions = @{ Ids = $all.Ids; Count = $all.Output.Count; SessionIds = @($all.Output.SessionId | Sort-Object -Unique) }
$byId = Invoke-Recorded { Test-AptLock -SessionId 0, 1 }
$facts.ById = @{ Ids = $byId.Ids; Count = $byId.Output.Count; SessionIds = @($byId.Output.SessionId | Sort-Object -Unique) }
$facts.UnknownId = (Invoke-Recorded { Test-AptLock -SessionId 42 }).Ids
$notLoaded = Start-Instance { Test-AptLock -SessionId 0 -ErrorAction SilentlyContinue -ErrorVariable e; @($e)[0].FullyQualifiedErrorId } @()
$facts.NotLoaded = "$(@($notLoaded.PowerShell.EndInvoke($notLoaded.Handle))[-1])" -replace ',.*'
$notLoaded.PowerShell.Dispose()

# Every state a session can be in, through each of the four cmdlets.
$s2.Session.Disconnect()
$s3.Session.Dispose()
Remove-SSHSession -SessionId 1 | Out-Null
$states = [ordered]@{
    Removed      = $s1
    Disconnected = $s2
    Disposed     = $s3
    Sftp         = $sftp
    WrongShape   = [pscustomobject]@{ PSTypeName = 'SSH.SshSession'; SessionId = 9; Host = $target.ComputerName; Session = 'not a client' }
}
$facts.States = [ordered]@{}
$types = [System.Collections.Generic.List[string]]::new()
$innerTypes = [System.Collections.Generic.List[string]]::new()
foreach ($state in $states.Keys) {
    $s = $states[$state]
    $runs = [ordered]@{
        'Test-AptLock'    = Invoke-Recorded { $s | Test-AptLock }
        'Wait-CloudInit'  = Invoke-Recorded { $s | Wait-CloudInit -Timeout 10 }
        'Invoke-AptGet'   = Invoke-Recorded { $s | Invoke-AptGet -Command Update }
        'New-CloudConfig' = Invoke-Recorded { New-CloudConfig -HostName posh -ValidateOn $s }
    }
    $facts.States[$state] = [ordered]@{}
    foreach ($cmdlet in $runs.Keys) {
        $facts.States[$state][$cmdlet] = @($runs[$cmdlet].Ids) -join ' '
        $runs[$cmdlet].Types | ForEach-Object { $types.Add($_) }
        $runs[$cmdlet].InnerTypes | ForEach-Object { $innerTypes.Add($_) }
    }
}
$facts.RemovedById = (Invoke-Recorded { Test-AptLock -SessionId 1 }).Ids
$facts.RemovedMessage = (Invoke-Recorded { Test-AptLock -Session $s1 }).Messages
$facts.ExceptionTypes = @($types | Sort-Object -Unique)
$facts.InnerExceptionTypes = @($innerTypes | Sort-Object -Unique)

# The live session still serves, and a host named with its own credentials gets AptReady's own connection.
$still = Invoke-Recorded { Test-AptLock -Session $s0 }
$facts.StillLive = @{
    Ids = $still.Ids; Count = $still.Output.Count; SessionIds = @($still.Output.SessionId | Sort-Object -Unique)
    Table = $still.Output | Format-Table | Out-String
}
$ownWhileLive = Invoke-Recorded { Test-AptLock @own }
$facts.OwnWhileLive = @{ Ids = $ownWhileLive.Ids; Count = $ownWhileLive.Output.Count; SessionIds = @($ownWhileLive.Output.SessionId | Where-Object { $null -ne $_ }) }
Get-SSHSession | Remove-SSHSession | Out-Null
Remove-SFTPSession -SessionId $sftp.SessionId | Out-Null
$after = Invoke-Recorded { Test-AptLock @own }
$facts.OwnAfter = @{ Count = $after.Output.Count; Ids = $after.Ids; SessionIds = @($after.Output.SessionId | Where-Object { $null -ne $_ }) }
$noKey = $own.Clone(); $noKey.Remove('KeyFilePath')
$warnings = $null
$noKeyRun = Invoke-Recorded { Test-AptLock @noKey -WarningVariable +script:warnings }
$facts.NoKeyAfterRemoval = @{
    Ids = $noKeyRun.Ids; Count = $noKeyRun.Output.Count; Warnings = @($warnings | ForEach-Object { "$_" })
    SessionIds = @($noKeyRun.Output.SessionId | Where-Object { $null -ne $_ })
}

$facts.SshNetVersions = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Renci.SshNet' } | ForEach-Object {
        [pscustomobject]@{ Version = $_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
    })
[pscustomobject]$facts | ConvertTo-Json -Depth 6
