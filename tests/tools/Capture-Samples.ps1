<#
.SYNOPSIS
    Captures the real outputs behind the xunit fixtures (tests/AptReady.Core.Tests) from container
    targets of one Debian suite: cloud-init, apt and AptReady's own remote scripts, as they run.
.DESCRIPTION
    Run as root (container targets need it) after `build.ps1 -Task Build`:

        dotnet pwsh ./tests/tools/Capture-Samples.ps1 -Suite forky -OutputPath /tmp/samples-forky

    Every sample is what the login user's SSH command received, byte for byte: NAME.out (standard
    output), NAME.err, NAME.rc (exit code). The probe scripts are the built module's own
    (AptReady.Core, loaded into a load context of its own); the wait samples are Wait-CloudInit's
    RawOutput. cloud-init's stages run for real inside the targets (tests/Pester/Scripts/CloudInitStages.psm1);
    apt talks only to the local repository of tests/targets/apt-repo.sh. Only what a container cannot
    produce is staged, and each staged sample says so: a boot-finished from an earlier boot, a kernel
    command line (a file bound over /proc/cmdline), the generator's /run/cloud-init/disabled.
    samples.cs.txt then holds every sample as a C# constant to paste into the fixture classes.
.PARAMETER Part
    CloudInit (probe, CLI, status files), Schema (cloud-init schema through CloudConfigSchemaCheck), Apt.
#>
param(
    [ValidateSet('bookworm', 'trixie', 'forky')] [string] $Suite = 'forky',
    [Parameter(Mandatory)] [string] $OutputPath,
    [ValidateSet('CloudInit', 'Schema', 'Apt')] [string[]] $Part = @('CloudInit', 'Schema', 'Apt'),
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/AptReady/0.1.0/AptReady.psd1')
)
$ErrorActionPreference = 'Stop'
$pester = Join-Path $PSScriptRoot '../Pester'
Import-Module $ModulePath -Force
Import-Module (Join-Path $pester 'TestTargets.psm1') -Force
Import-Module (Join-Path $pester 'Scripts/CloudInitStages.psm1') -Force
Import-Module (Join-Path $pester 'Scripts/AptRepo.psm1') -Force

$null = New-Item -ItemType Directory -Force -Path $OutputPath
$OutputPath = (Resolve-Path $OutputPath).Path
$script:Samples = [System.Collections.Generic.List[object]]::new()

# The module's own core, in a load context of its own (the module keeps its copy private).
$coreDll = Join-Path (Split-Path $ModulePath) 'bin/deps/AptReady.Core.dll'
$alc = [System.Runtime.Loader.AssemblyLoadContext]::new('aptready-capture', $false)
$core = $alc.LoadFromAssemblyPath((Resolve-Path $coreDll).Path)
function Get-CoreType([string] $Name) { $core.GetType("AptReady.Core.$Name", $true) }
$CloudInitProbe = Get-CoreType 'CloudInit.CloudInitProbe'
$SchemaCheck = Get-CoreType 'CloudConfig.CloudConfigSchemaCheck'
$AptGetScript = Get-CoreType 'Apt.AptGetScript'
$AptGetCommand = Get-CoreType 'Apt.AptGetCommand'
$AptGetVerb = Get-CoreType 'Apt.AptGetVerb'
$RootElevation = Get-CoreType 'Apt.RootElevation'

function Save-Sample {
    <# Records a captured text under NAME (with what it is) for samples.cs.txt. #>
    param([string] $Name, [string] $Text, [string] $Summary, [int] $ExitCode = -1)
    [IO.File]::WriteAllText((Join-Path $OutputPath "$Name.out"), $Text, [Text.UTF8Encoding]::new($false))
    if ($ExitCode -ge 0) { Set-Content -Path (Join-Path $OutputPath "$Name.rc") -Value $ExitCode }
    $script:Samples.Add([pscustomobject]@{ Name = $Name; Text = $Text; Summary = $Summary; ExitCode = $ExitCode })
    Write-Host ("captured {0,-34} {1,6} bytes{2}" -f $Name, $Text.Length, $(if ($ExitCode -ge 0) { ", exit $ExitCode" } else { '' }))
}

function Invoke-CaptureSsh {
    <#
    Runs COMMANDLINE over OpenSSH as the target's login user, standard output kept byte for byte;
    saves it as sample NAME and returns it. StandardInput is sent on the command's standard input.
    #>
    param(
        [Parameter(Mandatory)] $Target,
        [Parameter(Mandatory)] [string] $CommandLine,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $Summary,
        [byte[]] $StandardInput
    )
    $base = Join-Path $OutputPath $Name
    [IO.File]::WriteAllText("$base.cmd", $CommandLine)
    $stdin = '/dev/null'
    if ($StandardInput) { [IO.File]::WriteAllBytes("$base.stdin", $StandardInput); $stdin = "$base.stdin" }
    & bash -c 'ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$1" -i "$2" -p "$3" "$4@127.0.0.1" "$(cat "$5")" <"$6" >"$7.out" 2>"$7.err"; echo $? >"$7.rc"' `
        sh $Target.KnownHostsPath $Target.KeyFilePath $Target.Port $Target.UserName "$base.cmd" $stdin $base
    $rc = [int](Get-Content "$base.rc")
    $text = [IO.File]::ReadAllText("$base.out")
    Save-Sample -Name $Name -Text $text -Summary $Summary -ExitCode $rc
    $text
}

function Invoke-ProbeCheck {
    <# The probe's look-once script (CloudInitProbe.BuildCheck), as the login user. #>
    param($Target, [string] $Name, [string] $Summary)
    $null = Invoke-CaptureSsh $Target ($CloudInitProbe::BuildCheck().ToExecLine()) $Name $Summary
}

function Invoke-ProbeWait {
    <# Wait-CloudInit itself; the sample is its RawOutput (the wait script's standard output). #>
    param($Target, [int] $Timeout, [string] $Name, [string] $Summary)
    $splat = Get-TargetSplat $Target
    $result = Wait-CloudInit @splat -Timeout $Timeout
    Save-Sample -Name $Name -Text $result.RawOutput -Summary "$Summary (Wait-CloudInit: $($result.State))"
    $result
}

function Save-CloudInitFacts {
    <# cloud-init's own views as the login user: status --format json (exit code), status text, the files. #>
    param($Target, [string] $Case, [string] $What, [switch] $Files)
    $null = Invoke-CaptureSsh $Target 'cloud-init status --format json' "cli-$Case" "cloud-init status --format json ($What)"
    $null = Invoke-CaptureSsh $Target 'cloud-init status; echo $?' "statustext-$Case" "cloud-init status; echo `$? ($What)"
    if ($Files) {
        $null = Invoke-CaptureSsh $Target 'cat /run/cloud-init/status.json' "statusfile-$Case" "/run/cloud-init/status.json ($What)"
        $null = Invoke-CaptureSsh $Target 'cat /run/cloud-init/result.json' "resultfile-$Case" "/run/cloud-init/result.json ($What)"
        $null = Invoke-CaptureSsh $Target 'cat /var/lib/cloud/instance/boot-finished' "bootfinished-$Case" "/var/lib/cloud/instance/boot-finished ($What)"
    }
}

function Set-RawSeed {
    <# A NoCloud seed with exactly these user-data lines (Set-CloudInitSeed always adds its container-safe keys). #>
    param($Target, [string[]] $UserData)
    $meta = "instance-id: i-$([guid]::NewGuid().ToString('n').Substring(0, 12))`nlocal-hostname: $($Target.HostName)"
    Invoke-InTarget $Target /bin/sh '-c' 'mkdir -p /var/lib/cloud/seed/nocloud && printf "%s\n" "$1" >/var/lib/cloud/seed/nocloud/user-data && printf "%s\n" "$2" >/var/lib/cloud/seed/nocloud/meta-data' sh ($UserData -join "`n") $meta | Out-Null
}

function Use-Target {
    <# Runs BODY with a new target of the suite and stops the target afterwards. #>
    param([scriptblock] $Body)
    $target = Start-TestTarget -Suite $Suite
    try { & $Body $target } finally { $target | Stop-TestTarget }
}

function Capture-CloudInit {
    Use-Target {
        param($t)
        $null = Invoke-CaptureSsh $t 'cloud-init --version; apt-get --version | head -n 1; /usr/sbin/sshd -V 2>&1 | head -n 1; python3 --version' 'versions' 'versions in the target'
        # Seeded, no stage run yet; then every stage, a valid cloud-config.
        Set-CloudInitSeed $t
        Invoke-ProbeCheck $t 'probe-notrun' 'Seeded, no stage run yet.'
        Save-CloudInitFacts $t 'notrun' 'seeded, no stage run'
        $final = Invoke-CloudInitStage $t
        Write-Host "final stage exit code (done): $final"
        $null = Invoke-ProbeWait $t 60 'probe-done' 'Finished without errors (valid cloud-config).'
        Save-CloudInitFacts $t 'done' 'done' -Files
    }
    Use-Target {
        param($t)
        Set-CloudInitSeed $t -UserData 'apt_update: true'
        $final = Invoke-CloudInitStage $t
        Write-Host "final stage exit code (degraded): $final"
        $null = Invoke-ProbeWait $t 60 'probe-degraded' 'apt_update (deprecated) in user-data: a DEPRECATED recoverable error.'
        Save-CloudInitFacts $t 'degraded' 'degraded: apt_update' -Files
    }
    Use-Target {
        param($t)
        # TESTING.md's first container seed: an empty ssh_genkeytypes fails the schema.
        Set-RawSeed $t '#cloud-config', 'ssh_deletekeys: false', 'ssh_genkeytypes: []', 'locale: C.UTF-8'
        $final = Invoke-CloudInitStage $t
        Write-Host "final stage exit code (degraded schema): $final"
        $null = Invoke-ProbeWait $t 60 'probe-degradedschema' 'ssh_genkeytypes: [] fails schema validation: a WARNING recoverable error.'
        Save-CloudInitFacts $t 'degradedschema' 'degraded: schema' -Files
    }
    Use-Target {
        param($t)
        Set-CloudInitSeed $t -UserData 'runcmd:', '  - [sh, -c, "exit 3"]'
        $final = Invoke-CloudInitStage $t
        Write-Host "final stage exit code (error): $final"
        $null = Invoke-ProbeWait $t 60 'probe-error' 'A runcmd that exits 3.'
        Save-CloudInitFacts $t 'error' 'error: runcmd exit 3' -Files
    }
    Use-Target {
        param($t)
        # The runcmd ends when /run/aptready-release appears (bounded), so the captures need no timing.
        Set-CloudInitSeed $t -UserData 'runcmd:', '  - [sh, -c, "i=0; while [ ! -e /run/aptready-release ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done"]'
        Invoke-CloudInitStage $t -Stage local, init, config | Out-Null
        Start-CloudInitFinalStage $t
        Invoke-ProbeCheck $t 'probe-running' 'Checked once while a runcmd waits in modules-final.'
        Save-CloudInitFacts $t 'running' 'running: modules-final'
        $null = Invoke-CaptureSsh $t 'cat /run/cloud-init/status.json' 'statusfile-running' '/run/cloud-init/status.json (running)'
        $null = Invoke-ProbeWait $t 3 'probe-timeout' 'Waited with a 3 s deadline while a runcmd waits.'
        # Released from the side after about 5 s of waiting, by a process started now.
        Invoke-InTarget $t /bin/sh -c 'setsid sh -c "sleep 5; touch /run/aptready-release" </dev/null >/dev/null 2>&1 &' | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-waited' 'Waited with a 60 s deadline until the runcmd ended (about 5 s).'
    }
    Use-Target {
        param($t)
        Set-CloudInitSeed $t
        # Staged: /run/systemd/system, as on a systemd boot; without it the CLI ignores every way of
        # disabling it ("enabled-by-sysvinit", seen on 25.1.4 and 26.2 alike).
        Invoke-InTarget $t /bin/sh -c 'mkdir -p /run/systemd/system && touch /etc/cloud/cloud-init.disabled' | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-disabled' '/etc/cloud/cloud-init.disabled touched, /run/systemd/system present.'
        Save-CloudInitFacts $t 'disabled' 'disabled: marker file'
        Invoke-InTarget $t rm /etc/cloud/cloud-init.disabled | Out-Null
        # Staged: a kernel command line, as a file bound over /proc/cmdline (which the probe reads) and
        # over /proc/1/cmdline (which cloud-init reads where systemd-detect-virt says container).
        Invoke-InTarget $t /bin/sh -c 'printf "%s cloud-init=disabled\n" "$(cat /proc/cmdline)" >/run/aptready-cmdline && mount --bind /run/aptready-cmdline /proc/cmdline && { mount --bind /run/aptready-cmdline /proc/1/cmdline || true; }' | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-disabledcmdline' 'cloud-init=disabled on the kernel command line (staged: a file bound over /proc/cmdline).'
        Save-CloudInitFacts $t 'disabledcmdline' 'disabled: kernel command line'
        Invoke-InTarget $t /bin/sh -c 'umount /proc/1/cmdline 2>/dev/null; umount /proc/cmdline' | Out-Null
        # Staged: what cloud-init's systemd generator leaves when it disables cloud-init.
        Invoke-InTarget $t /bin/sh -c 'mkdir -p /run/cloud-init && touch /run/cloud-init/disabled' | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-disabledgenerator' '/run/cloud-init/disabled present (staged: the generator''s file).'
        Save-CloudInitFacts $t 'disabledgenerator' 'disabled: generator'
        Invoke-InTarget $t rm -rf /run/cloud-init/disabled /run/systemd/system | Out-Null
        # The same marker file without /run/systemd/system: the CLI says enabled-by-sysvinit.
        Invoke-InTarget $t touch /etc/cloud/cloud-init.disabled | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-disablednosystemd' '/etc/cloud/cloud-init.disabled touched, no /run/systemd/system.'
    }
    Use-Target {
        param($t)
        Set-CloudInitSeed $t -UserData 'runcmd:', '  - [touch, /etc/cloud/cloud-init.disabled]'
        Invoke-CloudInitStage $t | Out-Null
        Invoke-InTarget $t mkdir -p /run/systemd/system | Out-Null   # staged, as above
        $null = Invoke-ProbeWait $t 60 'probe-disabledafterrun' 'A runcmd touched /etc/cloud/cloud-init.disabled, /run/systemd/system present: the CLI then says disabled.'
        Save-CloudInitFacts $t 'disabledafterrun' 'disabled after it ran'
    }
    Use-Target {
        param($t)
        # Staged, since an earlier boot cannot be produced in a container: an instance linked the way
        # cloud-init links it, its boot-finished (written by this version) dated before this boot.
        Set-CloudInitSeed $t
        Invoke-CloudInitStage $t | Out-Null
        Invoke-InTarget $t /bin/sh -c 'touch -d 2026-01-01 /var/lib/cloud/instance/boot-finished && rm -rf /run/cloud-init' | Out-Null
        Invoke-ProbeCheck $t 'probe-staleboot' 'Finished on an earlier boot: /run emptied, boot-finished dated before btime (staged).'
        Invoke-InTarget $t rm -f /usr/bin/cloud-init | Out-Null
        $null = Invoke-ProbeWait $t 60 'probe-notinstalled' '/usr/bin/cloud-init removed.'
        $null = Invoke-CaptureSsh $t 'cloud-init status; echo $?' 'statustext-notinstalled' 'cloud-init status; echo $? (not installed)'
    }
}

function Capture-Schema {
    Use-Target {
        param($t)
        $cases = [ordered]@{
            'schema-valid'      = "#cloud-config`nhostname: web1`npackage_update: false`n"
            'schema-invalid'    = "#cloud-config`nbootcmd: 5`n"
            'schema-deprecated' = "#cloud-config`napt_update: true`n"
        }
        foreach ($name in $cases.Keys) {
            $command = $SchemaCheck::Build($cases[$name])
            $null = Invoke-CaptureSsh $t $command.ToExecLine() $name "CloudConfigSchemaCheck.Build: $($cases[$name] -replace "`n", '\n')" -StandardInput $command.StandardInput
        }
    }
}

function New-AptCommand([string] $Verb, [string[]] $Packages = @(), [switch] $Simulate) {
    [Activator]::CreateInstance($AptGetCommand, @([Enum]::Parse($AptGetVerb, $Verb), [string[]]$Packages, [bool]$Simulate))
}

function Get-AptScriptLine($Command, [int] $LockWaitSeconds = 60) {
    $sudo = [Enum]::Parse($RootElevation, 'SudoNonInteractive')
    $AptGetScript::Build($Command, [timespan]::FromSeconds($LockWaitSeconds), $sudo, $null, $null).ToExecLine()
}

function Capture-Apt {
    $repo = Start-AptRepo
    try {
        Use-Target {
            param($t)
            Set-TargetAptSource $t $repo
            $null = Invoke-CaptureSsh $t 'apt-get --version | head -n 1' 'apt-version' 'apt-get --version'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Update)) 'apt-script-update' 'AptGetScript: update (local repository)'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Update -Simulate)) 'apt-script-update-simulate' 'AptGetScript: --print-uris update'

            # Install while a holder keeps the dpkg frontend lock about 3 s: held lines, then free.
            $null = Start-LockHolder $t /var/lib/dpkg/lock-frontend 3
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Install 'aptready-hello')) 'apt-script-install' 'AptGetScript: install aptready-hello after a 3 s frontend lock'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Install 'aptready-extra' -Simulate)) 'apt-script-install-simulate' 'AptGetScript: -s install aptready-extra'
            $null = Invoke-CaptureSsh $t (New-AptCommand Install 'aptready-extra').SudoLine(0) 'apt-fragment-install' 'root fragment: install aptready-extra'

            # A newer aptready-hello: upgrade has work.
            & bash (Join-Path $PSScriptRoot '../targets/apt-repo.sh') add-version $repo.Folder aptready-hello 1.1 | Out-Null
            if ($LASTEXITCODE -ne 0) { throw 'apt-repo.sh add-version failed.' }
            $null = Invoke-CaptureSsh $t (New-AptCommand Update).SudoLine(0) 'apt-fragment-update' 'root fragment: update after a new version'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Upgrade -Simulate)) 'apt-script-upgrade-simulate' 'AptGetScript: -s upgrade'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Upgrade)) 'apt-script-upgrade' 'AptGetScript: upgrade (aptready-hello 1.0 -> 1.1)'
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Remove 'aptready-extra')) 'apt-script-remove' 'AptGetScript: remove aptready-extra'
            $null = Invoke-CaptureSsh $t (New-AptCommand Purge 'aptready-hello').SudoLine(0) 'apt-fragment-purge' 'root fragment: purge aptready-hello'

            # Each lock held by another process, apt run alone (DPkg::Lock::Timeout=0).
            $holds = @(
                @{ Name = 'apt-lock-update'; Path = '/var/lib/apt/lists/lock'; Command = (New-AptCommand Update); Timeout = 0 }
                @{ Name = 'apt-lock-install'; Path = '/var/lib/dpkg/lock-frontend'; Command = (New-AptCommand Install 'aptready-extra'); Timeout = 0 }
                @{ Name = 'apt-lock-install-waiting'; Path = '/var/lib/dpkg/lock-frontend'; Command = (New-AptCommand Install 'aptready-extra'); Timeout = 2 }
                @{ Name = 'apt-lock-dpkg'; Path = '/var/lib/dpkg/lock'; Command = (New-AptCommand Remove 'aptready-hello'); Timeout = 0 }
                @{ Name = 'apt-lock-archives'; Path = '/var/cache/apt/archives/lock'; Command = (New-AptCommand Install 'aptready-extra'); Timeout = 0 }
            )
            # Setup, not samples: aptready-hello installed (for remove), nothing in the archives.
            Invoke-InTarget $t /bin/sh -c 'apt-get install -y aptready-hello >/dev/null 2>&1 && apt-get clean' | Out-Null
            foreach ($h in $holds) {
                $holder = Start-LockHolder $t $h.Path 60
                try {
                    $null = Invoke-CaptureSsh $t $h.Command.SudoLine($h.Timeout) $h.Name "root fragment: $($h.Command) with $($h.Path) held, DPkg::Lock::Timeout=$($h.Timeout)"
                    if ($h.Name -eq 'apt-lock-update') {
                        $null = Invoke-CaptureSsh $t (Get-AptScriptLine $h.Command 1) 'apt-script-timeout' 'AptGetScript: update, lists lock held, 1 s lock wait'
                    }
                }
                finally { Stop-LockHolder $t $holder; Wait-TargetProcessExit $t $holder }
            }

            # dpkg really interrupted: the script stops before apt; apt itself says so.
            Start-InterruptedDpkg $t $repo
            $null = Invoke-CaptureSsh $t (Get-AptScriptLine (New-AptCommand Remove 'aptready-extra')) 'apt-script-interrupted' 'AptGetScript: remove with dpkg interrupted'
            $null = Invoke-CaptureSsh $t 'LC_ALL=C sudo -n apt-get -y remove aptready-extra' 'apt-plain-interrupted' 'sudo apt-get remove with dpkg interrupted'
            $null = Invoke-CaptureSsh $t 'sudo -n env -u SUDO_USER -u SUDO_UID -u SUDO_GID -u SUDO_COMMAND LC_ALL=C apt-get -y remove aptready-extra' 'apt-plain-interrupted-root' 'apt-get remove as root without sudo''s variables, dpkg interrupted'
        }
    }
    finally { $repo | Stop-AptRepo }
}

# C# constants: raw literals for cloud-init (no CR in them), escaped concatenations for apt (CRs kept).
function ConvertTo-CSharpSample($Sample) {
    $id = -join ($Sample.Name -split '-' | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) })
    $doc = "    /// <summary>$([Security.SecurityElement]::Escape($Sample.Summary))$(if ($Sample.ExitCode -ge 0) { "; exit $($Sample.ExitCode)" }).</summary>"
    if ($Sample.Text -notmatch "`r" -and $Sample.Text -notmatch '""""' -and $Sample.Name -notlike 'apt-*') {
        return "$doc`n    public const string $id = `"`"`"`"`n$($Sample.Text.TrimEnd("`n"))`n`"`"`"`";`n"
    }
    $lines = [regex]::Split($Sample.Text, '(?<=\n)') | Where-Object { $_.Length -gt 0 }
    $escaped = $lines | ForEach-Object { '        "' + ($_.Replace('\', '\\').Replace('"', '\"').Replace("`r", '\r').Replace("`n", '\n').Replace("`t", '\t')) + '"' }
    "$doc`n    public const string $id =`n$($escaped -join " +`n");`n"
}

if ('CloudInit' -in $Part) { Capture-CloudInit }
if ('Schema' -in $Part) { Capture-Schema }
if ('Apt' -in $Part) { Capture-Apt }
$cs = ($script:Samples | ForEach-Object { ConvertTo-CSharpSample $_ }) -join "`n"
[IO.File]::WriteAllText((Join-Path $OutputPath 'samples.cs.txt'), $cs)
Write-Host "$($script:Samples.Count) samples in $OutputPath (samples.cs.txt: C# constants)"
