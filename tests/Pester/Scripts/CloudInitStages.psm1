# Drives real cloud-init stages inside a container target (as root, in its namespaces), as a VM's
# boot would: a NoCloud seed in /var/lib/cloud/seed/nocloud, then init --local, init, modules config,
# modules final. See ../../../shared/TESTING.md §2 for the traps the seed avoids.

Import-Module (Join-Path $PSScriptRoot '../TestTargets.psm1')

function Set-CloudInitSeed {
    <# Writes user-data and meta-data. Extra cloud-config lines go after the container-safe ones. #>
    param(
        [Parameter(Mandatory)] $Target,
        [string[]] $UserData = @(),
        [string] $InstanceId = "i-$([guid]::NewGuid().ToString('n').Substring(0, 12))"
    )
    # ssh_deletekeys false: the container's sshd already serves its key. [ed25519] rather than []:
    # an empty list fails 25.x's schema (a recoverable error: degraded). local-hostname resolves in
    # the target's /etc/hosts, so sudo does not stall on DNS.
    $user = (@('#cloud-config', 'ssh_deletekeys: false', 'ssh_genkeytypes: [ed25519]', 'locale: C.UTF-8') + $UserData) -join "`n"
    $meta = "instance-id: $InstanceId`nlocal-hostname: $($Target.HostName)"
    Invoke-InTarget $Target /bin/sh '-c' 'mkdir -p /var/lib/cloud/seed/nocloud && printf "%s\n" "$1" >/var/lib/cloud/seed/nocloud/user-data && printf "%s\n" "$2" >/var/lib/cloud/seed/nocloud/meta-data' sh $user $meta | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Writing the NoCloud seed failed.' }
}

function Invoke-CloudInitStage {
    <# Runs stages in order and waits for each; returns the last stage's exit code. #>
    param(
        [Parameter(Mandatory)] $Target,
        [ValidateSet('local', 'init', 'config', 'final')] [string[]] $Stage = @('local', 'init', 'config', 'final')
    )
    $code = 0
    foreach ($s in $Stage) {
        [string[]] $arguments = switch ($s) {
            'local' { 'init', '--local' }
            'init' { 'init' }
            'config' { 'modules', '--mode', 'config' }
            'final' { 'modules', '--mode', 'final' }
        }
        Invoke-InTarget $Target cloud-init @arguments 2>&1 | Out-Null
        if ($LASTEXITCODE -eq 2) { throw "cloud-init $($arguments -join " "): usage error (exit 2)." }
        $code = $LASTEXITCODE
    }
    $code
}

function Start-CloudInitFinalStage {
    <# Starts the final stage in the background inside the target and returns at once. #>
    param([Parameter(Mandatory)] $Target)
    Invoke-InTarget $Target /bin/sh '-c' 'cloud-init modules --mode final </dev/null >/var/log/aptready-final.log 2>&1 &' | Out-Null
    # The stage counts as started once status.json names it; wait for that (bounded).
    for ($i = 0; $i -lt 100; $i++) {
        $stage = Invoke-InTarget $Target /bin/sh '-c' 'cat /run/cloud-init/status.json 2>/dev/null' | Out-String
        if ($stage -match '"stage": "modules-final"') { return }
        Start-Sleep -Milliseconds 100
    }
    throw 'The final stage did not start within 10 s.'
}

function Start-WaitCloudInitInstance {
    <# Runs Wait-CloudInit in its own [powershell] instance (BeginInvoke), for Ctrl+C and late-host tests. #>
    param([Parameter(Mandatory)] [hashtable] $Parameters)
    $ps = [powershell]::Create()
    $null = $ps.AddScript('param($module, $p) Import-Module $module; Wait-CloudInit @p').
        AddArgument($env:APTREADY_MODULE).AddArgument($Parameters)
    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
}

function Wait-ProgressOf {
    <# Waits until the instance reported per-host progress matching STATUS (the remote wait is beating). #>
    param([Parameter(Mandatory)] $Instance, [Parameter(Mandatory)] [string] $StatusPattern, [int] $Seconds = 60)
    $until = [datetime]::UtcNow.AddSeconds($Seconds)
    while ([datetime]::UtcNow -lt $until) {
        if ($Instance.PowerShell.Streams.Progress | Where-Object { $_.ParentActivityId -eq 0 -and $_.StatusDescription -match $StatusPattern }) { return $true }
        if ($Instance.Handle.IsCompleted) { return $false }
        Start-Sleep -Milliseconds 100
    }
    $false
}

function Get-SshLoginCount {
    <# How many logins the target's sshd has accepted so far (its own log). #>
    param([Parameter(Mandatory)] $Target)
    @(Get-Content (Join-Path $Target.Root 'var/log/aptready-sshd.log') | Where-Object { $_ -match 'Accepted publickey' }).Count
}


function Stop-WaitScriptConnection {
    <#
        Drops the SSH connection that runs the wait script, as a reboot would: kills (by pid) the
        sshd session process that is the script's parent, inside the target. Returns that pid.
    #>
    param([Parameter(Mandatory)] $Target)
    # The header is split so that this scanner's own command line does not match it.
    $found = Invoke-InTarget $Target /bin/sh '-c' '
        for f in /proc/[0-9]*/cmdline; do
            p=${f#/proc/}; p=${p%/cmdline}
            if { tr "\000" " " <"$f"; } 2>/dev/null | grep -q "aptready-cloud""init 1"; then
                awk "/^PPid:/ { print \$2 }" /proc/$p/status
            fi
        done'
    $parents = @($found | Where-Object { $_ -match '^\d+$' } | Select-Object -Unique)
    if ($parents.Count -ne 1) { throw "Expected one wait script in the target, found parents: $($parents -join ', ')." }
    Invoke-InTarget $Target kill -KILL $parents[0] | Out-Null
    [int]$parents[0]
}

function Set-StagedBootId {
    <#
        Staged reboot: a container shares the host's kernel, so its boot id never changes. Binds a
        new id over /proc/sys/kernel/random/boot_id inside the target's mount namespace only.
    #>
    param([Parameter(Mandatory)] $Target)
    $id = [guid]::NewGuid().ToString()
    Invoke-InTarget $Target /bin/sh '-c' 'printf "%s\n" "$1" >/run/aptready-boot_id && mount --bind /run/aptready-boot_id /proc/sys/kernel/random/boot_id' sh $id | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Staging a new boot id failed.' }
    $id
}

Export-ModuleMember -Function *-*
