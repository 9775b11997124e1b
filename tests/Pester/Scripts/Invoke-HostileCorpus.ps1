<#
.SYNOPSIS
    Runs the hostile corpus against every parameter of every AptReady cmdlet, in this (child) pwsh,
    against one real target; appends one JSON line per case to -ResultPath as it goes, so a crash
    still leaves what was tried. Hostile.Tests.ps1 starts it and judges the results.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $TargetJson,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [string] $WorkFolder,
    [int] $CaseSeconds = 30
)
$ErrorActionPreference = 'Stop'
$target = Get-Content $TargetJson -Raw | ConvertFrom-Json
$corpus = & (Join-Path $PSScriptRoot 'HostileCorpus.ps1')

# Deep inside the work folder, so relative values ('../../..') stay inside it too.
$cwd = Join-Path $WorkFolder 'a/b/c/d/e/f/g/h'
New-Item -ItemType Directory -Force $cwd | Out-Null
Set-Location $cwd
$files = @{
    'fifo' = Join-Path $WorkFolder 'fifo'; 'folder' = Join-Path $WorkFolder 'folder'; '/dev/zero' = '/dev/zero'; '/dev/full' = '/dev/full'
    'file of 300 MB' = Join-Path $WorkFolder 'huge'; 'file under a file' = Join-Path $WorkFolder 'plain/known_hosts'; 'missing file' = Join-Path $WorkFolder 'missing'
}
& mkfifo $files.fifo
New-Item -ItemType Directory $files.folder | Out-Null
& truncate -s 300M $files.'file of 300 MB'
Set-Content (Join-Path $WorkFolder 'plain') 'x'

$connection = @{
    ComputerName = $target.ComputerName; Port = $target.Port; UserName = $target.UserName
    KeyFilePath = $target.KeyFilePath; HostKeyFingerprint = $target.HostKeyFingerprint; ConnectTimeout = '00:00:05'
}
$base = @{
    'Test-AptLock'    = $connection
    'Wait-CloudInit'  = $connection + @{ Timeout = '00:00:05' }
    'Invoke-AptGet'   = $connection + @{ Command = 'Clean'; Simulate = $true; Confirm = $false; LockTimeout = '00:00:05' }
    'New-CloudConfig' = @{ User = 'debian' }
}

# The values a parameter gets, by its type (and name, for local paths).
function Get-CaseValues($parameter) {
    $type = $parameter.ParameterType
    $values = [ordered]@{}
    if ($parameter.Name -in 'KeyFilePath', 'KnownHostsPath', 'OutFile', 'SeedPath', 'SshConfigPath') {
        foreach ($f in $corpus.LocalFiles) { $values["local file: $f"] = $files[$f] }
    }
    if ($type -in [int], [int32]) { foreach ($k in $corpus.Numbers.Keys) { $values[$k] = $corpus.Numbers[$k] } }
    elseif ($type -eq [timespan]) { foreach ($k in $corpus.TimeSpans.Keys) { $values[$k] = $corpus.TimeSpans[$k] } }
    elseif ($type -eq [securestring]) {
        foreach ($k in 'empty', 'inner newline', 'NUL', 'very long (5,000)', 'private key text') {
            $values[$k] = if ($corpus.Strings[$k]) { ConvertTo-SecureString $corpus.Strings[$k] -AsPlainText -Force } else { [securestring]::new() }
        }
    }
    elseif ($type -eq [pscredential]) {
        foreach ($k in 'inner newline', 'NUL', 'very long (5,000)', 'shell injection $()', 'non-ASCII') {
            $values[$k] = [pscredential]::new("u$($corpus.Strings[$k])", (ConvertTo-SecureString "p$($corpus.Strings[$k])" -AsPlainText -Force))
        }
    }
    else {
        foreach ($k in $corpus.Strings.Keys) { $values[$k] = $corpus.Strings[$k] }
        if ($type -in [object], [object[]], [psobject], [string[]]) {
            foreach ($k in $corpus.Structures.Keys) {
                # 20,000 computer names are 20,000 hosts to try: a workload, not a hostile value.
                if ($k -eq 'array of 20,000 names' -and $parameter.Name -notin 'Package', 'Path') { continue }
                $values["structure: $k"] = $corpus.Structures[$k]
            }
        }
    }
    $values
}

# One runspace for every case (the connection pool is per runspace, so the target's connection is
# reused); a case that does not end in time is stopped and the runspace replaced.
function New-Runner {
    $ps = [powershell]::Create()
    # A new runspace starts in the process's folder, not this one's: relative -OutFile and -SeedPath
    # values must land in the work folder.
    $null = $ps.AddScript('param($m, $folder) Set-Location -LiteralPath $folder; Import-Module $m').AddArgument($ModulePath).AddArgument($cwd)
    $null = $ps.Invoke()
    $ps.Commands.Clear()
    $ps
}
$runner = New-Runner
$script = 'param($cmdlet, $p) try { & $cmdlet @p -ErrorAction SilentlyContinue -ErrorVariable errs -WarningAction SilentlyContinue | Out-Null; $errs } catch { $_ }'

function Invoke-Case($cmdlet, $parameters, [switch] $PerTarget, [switch] $Fresh) {
    if ($Fresh) { $runner.Dispose(); $script:runner = New-Runner }
    $runner.Commands.Clear()
    $null = $runner.AddScript($script).AddArgument($cmdlet).AddArgument($parameters)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $handle = $runner.BeginInvoke()
    if (-not $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($CaseSeconds))) {
        & /bin/sh -c 'exec 3<>"$1"; exec 3>&-' sh $files.fifo   # a reader blocked on the FIFO ends
        $null = $runner.BeginStop($null, $null)
        $null = $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(10))
        $script:runner = New-Runner
        return @{ Outcome = 'Hang'; Seconds = $clock.Elapsed.TotalSeconds; ByTarget = @{} }
    }
    $records = @(try { $runner.EndInvoke($handle) } catch { $_.Exception.InnerException.ErrorRecord ?? $_ })
    $ids = @($records | ForEach-Object {
        if ($_ -is [System.Management.Automation.ErrorRecord]) { ($_.FullyQualifiedErrorId -split ',')[0] } else { "NotAnErrorRecord:$($_.GetType().Name)" }
    } | Select-Object -Unique)
    $byTarget = @{}
    if ($PerTarget) {
        foreach ($r in $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
            if ($null -ne $r.TargetObject) { $byTarget["$($r.TargetObject)"] = ($r.FullyQualifiedErrorId -split ',')[0] }
        }
    }
    @{ Outcome = if ($ids) { $ids -join ';' } else { 'Ok' }; Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 2); ByTarget = $byTarget }
}

# The module's own excerpt (per-host input errors name the host by it); its assembly loads privately.
function Get-Excerpt([string] $text) {
    $type = [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'AptReady.Core' }, 'First')[0].GetType('AptReady.Core.InputExcerpt')
    $type.GetMethod('Of', [type[]]@([string])).Invoke($null, @($text))
}

$connectionInputs = 'KeyFilePath', 'KeyPassphrase', 'Credential', 'HostKeyFingerprint', 'KnownHostsPath', 'UserName', 'Port', 'SshConfigPath', 'JumpHost'
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
Import-Module $ModulePath
foreach ($command in Get-Command -Module AptReady | Sort-Object Name) {
    foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common -and $_.SwitchParameter -eq $false }) {
        $values = Get-CaseValues $parameter
        if ($parameter.Name -eq 'ComputerName') {
            # One batch: every hostile name in one call, one outcome per host (matched by its excerpt).
            $names = @($values.Keys | Where-Object { $values[$_] -is [string] -and $values[$_].Length -gt 0 })
            $parameters = @{} + $base[$command.Name]
            $parameters.ComputerName = [string[]]@($names | ForEach-Object { $values[$_] })
            $batch = Invoke-Case $command.Name $parameters -PerTarget
            foreach ($label in $names) {
                $outcome = $batch.ByTarget[(Get-Excerpt $values[$label])] ?? $batch.ByTarget[$values[$label]] ?? $batch.Outcome
                [pscustomobject]@{ Cmdlet = $command.Name; Parameter = 'ComputerName'; Input = $label; Outcome = $outcome; Seconds = $batch.Seconds } |
                    ConvertTo-Json -Compress | Add-Content -Path $ResultPath
            }
            $values = [ordered]@{} + $values
            foreach ($label in $names) { $values.Remove($label) }
        }
        foreach ($label in $values.Keys) {
            $parameters = @{} + $base[$command.Name]
            # -Session, -SessionId and -SftpSession are parameter sets of their own: no connection parameters beside it.
            if ($parameter.Name -in 'Session', 'SessionId', 'SftpSession') { foreach ($k in $connection.Keys) { $parameters.Remove($k) } }
            $parameters[$parameter.Name] = $values[$label]
            if ($parameter.Name -eq 'Package' -and $command.Name -eq 'Invoke-AptGet') { $parameters.Command = 'Install' }
            # Credentials and trust files are read when a connection opens: Test-AptLock gets a fresh
            # runspace (no pooled connection) for them, and no pin beside a known_hosts file.
            $fresh = $command.Name -eq 'Test-AptLock' -and $parameter.Name -in $connectionInputs
            if ($fresh -and $parameter.Name -eq 'KnownHostsPath') { $parameters.Remove('HostKeyFingerprint') }
            $result = Invoke-Case $command.Name $parameters -Fresh:$fresh
            [pscustomobject]@{ Cmdlet = $command.Name; Parameter = $parameter.Name; Input = $label; Outcome = $result.Outcome; Seconds = $result.Seconds } |
                ConvertTo-Json -Compress | Add-Content -Path $ResultPath
        }
    }
}
$runner.Dispose()
