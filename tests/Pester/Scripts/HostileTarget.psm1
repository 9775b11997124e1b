# Hostile facts on a container target, made for real: files whose names hold backslash escapes,
# tabs, newlines and non-ASCII bytes, and processes (started by an unprivileged user) whose names
# and arguments hold the same. The probes must print them as data, never as lines of their own.

Import-Module (Join-Path $PSScriptRoot '../TestTargets.psm1')

$script:Folder = '/var/tmp/aptready-hostile'

# What dash's echo acts on (\c ends the output, \n, \\), a tab, a newline, bytes above 0x7f.
$script:Names = [ordered]@{
    StopEscape    = 'a\c'
    StopMidName   = 'a\cb'
    TabEscape     = 'weird\tname'
    Backslashes   = 'x\\y\\\\z'
    NewlineEscape = 'n\nend'
    NonAscii      = "é-ü-€-$([char]::ConvertFromUtf32(0x1F600))"
}

function Get-HostileFolder { $script:Folder }

function Get-HostileName {
    <# The hostile file names, by what they try. #>
    $script:Names
}

function New-HostileFile {
    <# Creates every hostile name as an empty file in the target's hostile folder; returns the full paths. #>
    param([Parameter(Mandatory)] $Target)
    $names = @($script:Names.Values)
    Invoke-InTarget $Target /bin/sh -c 'd=$1; shift; mkdir -p "$d" && chmod 1777 "$d" && for n in "$@"; do : >"$d/$n" && chmod 666 "$d/$n" || exit 1; done' sh $script:Folder @names | Out-Null
    if ($LASTEXITCODE -ne 0) { throw 'Creating the hostile files failed.' }
    $names | ForEach-Object { "$script:Folder/$_" }
}

function Start-HostileProcess {
    <#
        Starts, as the unprivileged user nobody (or -UserId), a process whose name (comm) is NAME (a symlink of
        that name to the program) with the given arguments. -LockPath: the process is python3 and
        holds an fcntl write lock on that file (as apt does). Returns the pid once it runs.
    #>
    param(
        [Parameter(Mandatory)] $Target,
        [Parameter(Mandatory)] [string] $Name,
        [string] $LockPath,
        [string[]] $Arguments = @(),
        [int] $UserId = 65534
    )
    $pidFile = "$script:Folder/pid-$([guid]::NewGuid().ToString('n'))"
    if ($LockPath) {
        $program = '/usr/bin/python3'
        $code = 'import fcntl, os, sys, time; f = open(sys.argv[1], "a"); fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB); open(sys.argv[2], "w").write(str(os.getpid())); time.sleep(600)'
        $argv = @('-c', $code, $LockPath, $pidFile) + $Arguments
    }
    else {
        # dash -c 'CMD; :' stays the process itself (no exec of the last command).
        $program = '/bin/dash'
        $argv = @('-c', 'printf "%s" $$ >"$0"; sleep 600; :', $pidFile) + $Arguments
    }
    $starter = 'd=$1; n=$2; p=$3; shift 3; mkdir -p "$d/bin-$$" && ln -s "$p" "$d/bin-$$/$n" && chmod 755 "$d/bin-$$" && ' +
        'setsid setpriv --reuid=$u --regid=$u --clear-groups "$d/bin-$$/$n" "$@" </dev/null >/dev/null 2>&1 &'
    Invoke-InTarget $Target /bin/sh -c ('u=' + $UserId + '; ' + $starter) sh $script:Folder $Name $program @argv | Out-Null
    $until = [datetime]::UtcNow.AddSeconds(30)
    while ([datetime]::UtcNow -lt $until) {
        $text = (Invoke-InTarget $Target /bin/sh -c 'cat "$1" 2>/dev/null' sh $pidFile) -join ''
        if ($text -match '^\d+$') { return [int]$text }
        Start-Sleep -Milliseconds 100
    }
    throw "The hostile process '$Name' did not start within 30 s."
}

Export-ModuleMember -Function *-*
