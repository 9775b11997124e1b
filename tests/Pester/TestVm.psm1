# A real cloud-init VM for the Pester tests: tests/vm/vm.sh (qemu, TCG) booting the image of
# tests/vm/image.sh with a NoCloud seed made by AptReady's own core, a slow local apt repository
# (tests/vm/slow-repo.py) on the host's loopback, and SSH on a free loopback port.
# The VM objects carry the property names of TestTargets.psm1's targets, so Get-TargetSplat and
# Invoke-TargetSsh work on them too.
$script:VmDir = Join-Path $PSScriptRoot '../vm'
$script:VmScript = Join-Path $script:VmDir 'vm.sh'
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-TestVmSkipReason {
    <# Why this machine cannot run the VM tests, or $null when it can. Only a machine that truly cannot is skipped. #>
    if (-not $IsLinux) { return 'the VM fixture runs on Linux only' }
    foreach ($tool in 'qemu-system-x86_64', 'qemu-img') {
        if (-not (Get-Command $tool -CommandType Application -ErrorAction Ignore)) {
            return "$tool is not installed (apt-get install -y qemu-system-x86 qemu-utils; build.ps1 -Task Test installs it)"
        }
    }
    $probe = & qemu-system-x86_64 -accel help 2>&1 | Out-String
    if ($LASTEXITCODE -ne 0 -or $probe -notmatch '\btcg\b') { return "qemu-system-x86_64 cannot run TCG guests here: $($probe.Trim())" }
    if ((& id -u) -ne '0') { return 'the VM image is built from the root-owned Debian root file system: run as root' }
    $null
}

function Get-TestVmDependencyFolder {
    <# The built module's bin/deps, where AptReady.Core and its libraries are. #>
    $module = if ($env:APTREADY_MODULE) { $env:APTREADY_MODULE } else { Join-Path $script:RepoRoot 'out/AptReady/0.1.0/AptReady.psd1' }
    $deps = Join-Path (Split-Path $module) 'bin/deps'
    if (-not (Test-Path (Join-Path $deps 'AptReady.Core.dll'))) { throw "AptReady.Core.dll is not in $deps; run ./build.ps1 first." }
    $deps
}

function New-TestVmSeed {
    <#
    Writes the VM's NoCloud seed ISO with AptReady's core (tests/vm/new-seed.ps1, in a child pwsh so
    the core does not load into this session next to the module's private copy). Returns the seed
    summary: SeedPath, InstanceId, HostName, UserName, HostKeyFingerprint, HostKeyPublicLine.
    #>
    param(
        [Parameter(Mandatory)] [string] $SeedPath,
        [Parameter(Mandatory)] [string] $AuthorizedKeyPath,
        [Parameter(Mandatory)] [int] $RepoPort,
        [string[]] $Package = @(),
        [switch] $RebootIfRequired
    )
    $pwshArgs = @('-NoProfile', '-NonInteractive', '-File', (Join-Path $script:VmDir 'new-seed.ps1'),
        '-DependencyFolder', (Get-TestVmDependencyFolder), '-SeedPath', $SeedPath,
        '-AuthorizedKeyPath', $AuthorizedKeyPath, '-RepoPort', $RepoPort)
    if ($Package) { $pwshArgs += @('-Package', ($Package -join ',')) }
    if ($RebootIfRequired) { $pwshArgs += '-RebootIfRequired' }
    $self = (Get-Process -Id $PID).Path
    # Under `dotnet pwsh` this process is dotnet itself; pwsh.dll is next to $PSHOME.
    $out = if ((Split-Path $self -Leaf) -eq 'dotnet') { & $self (Join-Path $PSHOME 'pwsh.dll') @pwshArgs 2>&1 } else { & $self @pwshArgs 2>&1 }
    if ($LASTEXITCODE -ne 0) { throw "Writing the VM seed failed (exit $LASTEXITCODE): $(($out | Out-String).Trim())" }
    $out | Where-Object { $_ -is [string] } | Select-Object -Last 1 | ConvertFrom-Json
}

function Start-TestVmRepo {
    <# Builds the tiny local repository and serves it slowly on a free loopback port (tests/vm/slow-repo.py). #>
    param(
        [Parameter(Mandatory)] [string] $WorkDir,
        [double] $HoldSeconds = 30
    )
    $repoDir = Join-Path $WorkDir 'repo'
    & bash (Join-Path $script:VmDir 'local-repo.sh') $repoDir | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Building the local apt repository failed (exit $LASTEXITCODE)." }
    $log = Join-Path $WorkDir 'repo.log'
    $release = Join-Path $WorkDir 'repo.release'
    $process = Start-Process -FilePath python3 -PassThru -RedirectStandardOutput $log -RedirectStandardError (Join-Path $WorkDir 'repo.err') `
        -ArgumentList (Join-Path $script:VmDir 'slow-repo.py'), $repoDir, '--hold', $HoldSeconds, '--release-file', $release
    $port = $null
    foreach ($i in 1..100) {
        $port = Get-Content $log -ErrorAction Ignore | Where-Object { $_ -match '^PORT=(\d+)$' } | ForEach-Object { [int]$Matches[1] } | Select-Object -First 1
        if ($port -or $process.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    if (-not $port) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The slow apt repository did not start: $(Get-Content (Join-Path $WorkDir 'repo.err') -Raw -ErrorAction Ignore)"
    }
    [pscustomobject]@{ Process = $process; Port = $port; LogPath = $log; Dir = $repoDir; HoldSeconds = $HoldSeconds; ReleasePath = $release }
}

function Complete-TestVmRepoHold {
    <# Ends the slow repository's hold now (it serves the rest of the held file within a second). #>
    param([Parameter(Mandatory)] $Repo)
    Set-Content -Path $Repo.ReleasePath -Value 'release'
}

function Get-TestVmRepoRequest {
    <# The requests the slow repository has answered: Time (unix seconds, when answered), Method, Path, Status, Held. #>
    param([Parameter(Mandatory)] $Repo)
    foreach ($line in Get-Content $Repo.LogPath -ErrorAction Ignore) {
        if ($line -match '^REQUEST (\S+) (\S+) (\S+) (\S+) held=(\S+)$') {
            [pscustomobject]@{
                Time = [double]::Parse($Matches[1], [cultureinfo]::InvariantCulture); Method = $Matches[2]
                Path = $Matches[3]; Status = $Matches[4]; Held = [double]::Parse($Matches[5], [cultureinfo]::InvariantCulture)
            }
        }
    }
}

function Start-TestVm {
    <#
    Boots a VM of SUITE: a client key, the slow repository, the seed (user aptready with that key,
    a generated host key, package_update: true, apt only from the repository), then vm.sh start.
    Returns at once (before SSH answers); call Wait-TestVmSsh next and Stop-TestVm in any case.
    #>
    param(
        [Parameter(Mandatory)] [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite,
        [double] $RepoHoldSeconds = 30,
        # Packages the seed has cloud-init install, and whether cloud-init reboots when one asks for it.
        [string[]] $SeedPackage = @(),
        [switch] $SeedRebootIfRequired,
        # qemu boots the guest again when it reboots (vm.sh: APTREADY_VM_REBOOT=1) instead of exiting.
        [switch] $AllowReboot
    )
    $work = (New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "aptready-vm-test-$Suite-$([guid]::NewGuid().ToString('N').Substring(0, 8))")).FullName
    $vm = [pscustomobject]@{
        Suite = $Suite; WorkDir = $work; State = $null; Repo = $null; Seed = $null
        ComputerName = '127.0.0.1'; Port = 0; UserName = 'aptready'
        KeyFilePath = Join-Path $work 'client_key'; KnownHostsPath = Join-Path $work 'known_hosts'
        HostKeyFingerprint = $null; SerialLog = $null; StartedAt = 0.0; SshSeconds = $null; ImageSeconds = $null
    }
    try {
        & ssh-keygen -q -t ed25519 -N '' -C 'aptready-vm-test' -f $vm.KeyFilePath
        if ($LASTEXITCODE -ne 0) { throw 'ssh-keygen failed.' }
        $vm.Repo = Start-TestVmRepo -WorkDir $work -HoldSeconds $RepoHoldSeconds
        $vm.Seed = New-TestVmSeed -SeedPath (Join-Path $work 'seed.iso') -AuthorizedKeyPath "$($vm.KeyFilePath).pub" -RepoPort $vm.Repo.Port `
            -Package $SeedPackage -RebootIfRequired:$SeedRebootIfRequired
        $vm.HostKeyFingerprint = $vm.Seed.HostKeyFingerprint

        $imageWatch = [Diagnostics.Stopwatch]::StartNew()
        & bash (Join-Path $script:VmDir 'image.sh') $Suite | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Building the $Suite VM image failed (exit $LASTEXITCODE)." }
        $vm.ImageSeconds = [math]::Round($imageWatch.Elapsed.TotalSeconds, 1)

        $env:APTREADY_VM_REBOOT = if ($AllowReboot) { '1' } else { '0' }
        try { $lines = & bash $script:VmScript start $Suite $vm.Seed.SeedPath $vm.Repo.Port }
        finally { Remove-Item Env:APTREADY_VM_REBOOT -ErrorAction Ignore }
        if ($LASTEXITCODE -ne 0) { throw "Starting the $Suite VM failed (exit $LASTEXITCODE)." }
        $info = @{}
        foreach ($line in $lines) { if ($line -match '^([A-Z_]+)=(.*)$') { $info[$Matches[1]] = $Matches[2] } }
        $vm.State = $info.STATE
        $vm.Port = [int]$info.PORT
        $vm.SerialLog = $info.SERIAL_LOG
        $vm.StartedAt = [double]::Parse($info.STARTED_AT, [cultureinfo]::InvariantCulture)
        # The only key this client accepts for the VM is the one the seed installed: no trust on first use.
        $keyType, $keyBase64 = ($vm.Seed.HostKeyPublicLine -split ' ')[0, 1]
        Set-Content -Path $vm.KnownHostsPath -Value "[127.0.0.1]:$($vm.Port) $keyType $keyBase64"
        $vm
    }
    catch {
        Stop-TestVm $vm
        throw
    }
}

function Get-TestVmSerialTail {
    param([Parameter(Mandatory)] $Vm, [int] $Lines = 40)
    if (-not $Vm.State) { return '' }
    (& bash $script:VmScript serial-tail $Vm.State $Lines) -join "`n"
}

function Wait-TestVmSsh {
    <# Waits until sshd in the VM sends its banner; sets and returns SshSeconds (since qemu started). Throws with the serial console's tail when it does not. #>
    param([Parameter(Mandatory)] $Vm, [int] $TimeoutSeconds = 240)
    $out = & bash $script:VmScript wait-ssh $Vm.State $TimeoutSeconds 2>&1
    if ($LASTEXITCODE -ne 0) {
        throw "The $($Vm.Suite) VM did not answer SSH on 127.0.0.1:$($Vm.Port) within $TimeoutSeconds s. $(($out | Out-String).Trim())"
    }
    $seconds = $out | Where-Object { "$_" -match '^SSH_SECONDS=(.+)$' } | ForEach-Object { [double]::Parse($Matches[1], [cultureinfo]::InvariantCulture) }
    $Vm.SshSeconds = $seconds
    $seconds
}

function Get-TestVmSeconds {
    <# Seconds since the VM's qemu started. #>
    param([Parameter(Mandatory)] $Vm)
    [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() / 1000.0 - $Vm.StartedAt
}

function Stop-TestVm {
    <# Stops the VM's qemu (by pid) and deletes its overlay, stops the repository, removes the work folder. Safe on a half-started VM. #>
    param([Parameter(ValueFromPipeline)] $Vm)
    process {
        if (-not $Vm) { return }
        if ($Vm.State) { & bash $script:VmScript stop $Vm.State }
        if ($Vm.Repo -and -not $Vm.Repo.Process.HasExited) {
            $Vm.Repo.Process.Kill()
            $Vm.Repo.Process.WaitForExit(5000) | Out-Null
        }
        if ($Vm.WorkDir -and (Test-Path $Vm.WorkDir)) { Remove-Item $Vm.WorkDir -Recurse -Force }
    }
}

function Write-TestVmFigures {
    <# Writes a VM test's measured costs to out/TestResults/NAME.json and prints them on one line. #>
    param([Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Figures, [Parameter(Mandatory)] [string] $Name)
    if ($Figures.Count -le 1) { return }
    $resultsDir = Join-Path $script:RepoRoot 'out/TestResults'
    New-Item -ItemType Directory -Force $resultsDir | Out-Null
    $Figures | ConvertTo-Json | Set-Content (Join-Path $resultsDir "$Name.json")
    Write-Host ("{0}: {1}" -f $Name, (($Figures.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ' '))
}

Export-ModuleMember -Function *-*
