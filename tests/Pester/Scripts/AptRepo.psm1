# The local apt repository of Invoke-AptGet's tests (tests/targets/apt-repo.sh) and helpers that act
# inside a target as root. Everything started here is stopped by its pid.
$script:RepoScript = Join-Path $PSScriptRoot '../../targets/apt-repo.sh'
$script:TargetScript = Join-Path $PSScriptRoot '../../targets/target.sh'

function Start-AptRepo {
    <# Builds the repository in a new folder and serves it on loopback; returns Folder, Port, Pid. #>
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("aptready-repo-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    $null = & bash $script:RepoScript build $folder
    if ($LASTEXITCODE -ne 0) { throw "Building the apt repository failed (exit $LASTEXITCODE)." }
    $info = @{}
    foreach ($line in & bash $script:RepoScript serve $folder) {
        if ($line -match '^([A-Z]+)=(.*)$') { $info[$Matches[1]] = $Matches[2] }
    }
    if ($LASTEXITCODE -ne 0) { throw "Serving the apt repository failed (exit $LASTEXITCODE)." }
    [pscustomobject]@{ Folder = $folder; Port = [int]$info.PORT; Pid = [int]$info.PID }
}

function Stop-AptRepo {
    param([Parameter(ValueFromPipeline)] $Repo)
    process {
        if ($Repo) {
            & bash $script:RepoScript stop $Repo.Pid
            Remove-Item -Recurse -Force $Repo.Folder -ErrorAction SilentlyContinue
        }
    }
}

function Set-TargetAptSource {
    <# Points the target's apt at the local repository only (no Debian mirror inside the overlay). #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] $Repo)
    & bash $script:RepoScript point $Target.State $Repo.Port
    if ($LASTEXITCODE -ne 0) { throw 'Pointing the target at the repository failed.' }
}

function Start-SlowAptUpdate {
    <# Starts a real apt-get update in the target that holds the lists lock about SECONDS; returns its pid there. #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] $Repo, [int] $Seconds = 6)
    $env:APTREADY_REPO_DIR = $Repo.Folder
    try {
        $out = & bash $script:RepoScript slow-update $Target.State $Repo.Port $Seconds
        if ($LASTEXITCODE -ne 0) { throw 'Starting a slow apt-get update failed.' }
    } finally {
        Remove-Item Env:APTREADY_REPO_DIR
    }
    [int]($out | Select-Object -Last 1)
}

function Wait-TargetProcessExit {
    <# Waits until process PID (as the target sees it) has ended; a generous guard, not a timing check. #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [int] $ProcessId, [int] $GuardSeconds = 60)
    $guard = [Diagnostics.Stopwatch]::StartNew()
    while ($guard.Elapsed.TotalSeconds -lt $GuardSeconds) {
        & bash $script:TargetScript exec $Target.State /bin/sh -c "kill -0 $ProcessId 2>/dev/null"
        if ($LASTEXITCODE -ne 0) { return }
        Start-Sleep -Milliseconds 200
    }
    throw "Process $ProcessId in the target did not end within $GuardSeconds s."
}

function Test-TargetProcess {
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [int] $ProcessId)
    & bash $script:TargetScript exec $Target.State /bin/sh -c "kill -0 $ProcessId 2>/dev/null"
    $LASTEXITCODE -eq 0
}

function Get-TargetProcessMatching {
    <# Pids of the target's processes whose command line contains TEXT (read from /proc; nothing is signalled). #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $Text)
    & bash $script:TargetScript exec $Target.State /bin/sh -c 'for d in /proc/[0-9]*; do [ "${d#/proc/}" = $$ ] && continue; tr "\0" " " <"$d/cmdline" 2>/dev/null | grep -qF -- "$1" && echo "${d#/proc/}"; done; true' sh $Text
}

function Get-TargetPackageStatus {
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] [string] $Name)
    $status = & bash $script:TargetScript exec $Target.State /bin/sh -c "dpkg-query -W -f '`${Status}' '$Name' 2>/dev/null || echo not-installed"
    ($status -join '').Trim()
}

function Get-TargetLockInode {
    <# The inode of each apt/dpkg lock file in the target: a removed and recreated lock gets a new one. #>
    param([Parameter(Mandatory)] $Target)
    $inodes = [ordered]@{}
    foreach ($path in '/var/lib/apt/lists/lock', '/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/cache/apt/archives/lock') {
        $inodes[$path] = (& bash $script:TargetScript exec $Target.State stat -c %i $path) -join ''
    }
    $inodes
}

function Start-InterruptedDpkg {
    <#
    Leaves dpkg really interrupted in the target: dpkg -i of aptready-slow, killed while its
    postinst sleeps. dpkg's journal (/var/lib/dpkg/updates/NNNN) stays behind, as after a crash.
    #>
    param([Parameter(Mandatory)] $Target, [Parameter(Mandatory)] $Repo)
    Copy-Item (Join-Path $Repo.Folder 'pool/aptready-slow_1.0_all.deb') (Join-Path $Target.Root 'tmp/')
    Set-Content -Path (Join-Path $Target.Root 'etc/aptready-slow-seconds') -Value '60'
    Remove-Item (Join-Path $Target.Root 'run/aptready-slow-postinst.pid') -ErrorAction SilentlyContinue
    $dpkgPid = [int]((& bash $script:TargetScript exec $Target.State /bin/sh -c 'setsid dpkg -i /tmp/aptready-slow_1.0_all.deb </dev/null >/tmp/aptready-dpkg.log 2>&1 & echo $!') -join '')
    $pidFile = Join-Path $Target.Root 'run/aptready-slow-postinst.pid'
    $guard = [Diagnostics.Stopwatch]::StartNew()
    while (-not (Test-Path $pidFile) -or -not (Get-Content $pidFile)) {
        if ($guard.Elapsed.TotalSeconds -gt 30) { throw 'The slow postinst never started.' }
        Start-Sleep -Milliseconds 100
    }
    $postinstPid = [int](Get-Content $pidFile)
    & bash $script:TargetScript exec $Target.State kill -KILL $dpkgPid $postinstPid
    Wait-TargetProcessExit -Target $Target -ProcessId $dpkgPid
    Remove-Item (Join-Path $Target.Root 'etc/aptready-slow-seconds')
}

Export-ModuleMember -Function *-*
