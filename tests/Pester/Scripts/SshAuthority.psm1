# Real OpenSSH parts for the agent and certificate tests: an ssh-agent on its own socket (ended by its
# pid), CAs and certificates made with ssh-keygen -s, and sshd settings (TrustedUserCAKeys,
# HostCertificate, RevokedKeys) put into a running target, whose sshd is then restarted.
Import-Module (Join-Path $PSScriptRoot '../TestTargets.psm1')

function Start-TestAgent {
    <#
    Starts `ssh-agent -a SOCK` in FOLDER. With -DeclineConfirmation the agent's SSH_ASKPASS is a stub
    that answers no, so a key added with ssh-add -c is refused at once (SSH_ASKPASS_REQUIRE=force: no
    display is needed, and nothing waits for a person).
    #>
    param([Parameter(Mandatory)] [string] $Folder, [switch] $DeclineConfirmation)
    $socket = Join-Path $Folder ("agent-" + [guid]::NewGuid().ToString('n').Substring(0, 8) + ".sock")
    $environment = @{}
    if ($DeclineConfirmation) {
        $askpass = Join-Path $Folder 'askpass-no'
        Set-Content -Path $askpass -Value "#!/bin/sh`nexit 1"
        & chmod 755 $askpass
        $environment = @{ SSH_ASKPASS = $askpass; SSH_ASKPASS_REQUIRE = 'force'; DISPLAY = ':0' }
    }
    $saved = @{}
    foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    try { $out = & ssh-agent -a $socket }
    finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
    if ($LASTEXITCODE -ne 0) { throw "ssh-agent did not start (exit $LASTEXITCODE)." }
    $agentPid = [int](($out | Select-String 'SSH_AGENT_PID=(\d+)').Matches[0].Groups[1].Value)
    [pscustomobject]@{ Socket = $socket; Pid = $agentPid }
}

function Stop-TestAgent {
    param([Parameter(ValueFromPipeline)] $Agent)
    process { if ($Agent) { Stop-Process -Id $Agent.Pid -ErrorAction Ignore } }
}

function Add-AgentKey {
    <# ssh-add against this agent; -Confirm adds the key with -c (every signature asks). Adds KEY-cert.pub too when it is there. #>
    param([Parameter(Mandatory)] $Agent, [Parameter(Mandatory)] [string[]] $Path, [switch] $RequireConfirmation)
    $arguments = @('-q') + $(if ($RequireConfirmation) { '-c' }) + $Path
    $saved = $env:SSH_AUTH_SOCK
    $env:SSH_AUTH_SOCK = $Agent.Socket
    try { & ssh-add @arguments 2>&1 | Out-Null; if ($LASTEXITCODE -ne 0) { throw "ssh-add $Path failed (exit $LASTEXITCODE)." } }
    finally { $env:SSH_AUTH_SOCK = $saved }
}

function New-TestKey {
    <# A key pair of TYPE in FOLDER; returns the private key path (.pub beside it). #>
    param([Parameter(Mandatory)] [string] $Folder, [Parameter(Mandatory)] [string] $Name, [string] $Type = 'ed25519')
    $path = Join-Path $Folder $Name
    & ssh-keygen -q -t $Type -N '' -C $Name -f $path
    $path
}

function New-TestCertificate {
    <#
    Signs KEY.pub (or PUBLICKEYFILE) with the CA; writes KEY-cert.pub (or OUT) and returns its path.
    -Validity as ssh-keygen -V takes it; -HostCertificate signs a host key (-h).
    #>
    param(
        [Parameter(Mandatory)] [string] $CaKey,
        [Parameter(Mandatory)] [string] $PublicKeyFile,
        [Parameter(Mandatory)] [string] $Principals,
        [string] $Validity = '-5m:+1h',
        [switch] $HostCertificate,
        [string] $OutFile
    )
    $work = $PublicKeyFile
    if ($OutFile) {
        $work = Join-Path (Split-Path $OutFile) ([guid]::NewGuid().ToString('n') + '.pub')
        Copy-Item $PublicKeyFile $work
    }
    $arguments = @('-q', '-s', $CaKey, '-I', "aptready-test-$Principals", '-n', $Principals, '-V', $Validity) + $(if ($HostCertificate) { '-h' }) + $work
    & ssh-keygen @arguments
    if ($LASTEXITCODE -ne 0) { throw "ssh-keygen -s failed for $PublicKeyFile." }
    $cert = $work -replace '\.pub$', '-cert.pub'
    if ($OutFile) { Move-Item $cert $OutFile -Force; Remove-Item $work; return $OutFile }
    $cert
}

function Set-TargetCertificateSettings {
    <#
    Gives the target's sshd a user CA, a host certificate for its ed25519 host key (signed now by
    HOSTCAKEY for PRINCIPALS with VALIDITY) and a RevokedKeys file, then restarts its sshd.
    #>
    param(
        [Parameter(Mandatory)] $Target,
        [string] $UserCaPublicKey,
        [string] $HostCaKey,
        [string] $HostPrincipals = '127.0.0.1',
        [string] $HostValidity = '-5m:+1h',
        [string[]] $RevokedPublicKeys = @()
    )
    $ssh = Join-Path $Target.Root 'etc/ssh'
    $lines = @()
    if ($UserCaPublicKey) { Copy-Item $UserCaPublicKey "$ssh/aptready_user_ca.pub"; $lines += 'TrustedUserCAKeys /etc/ssh/aptready_user_ca.pub' }
    if ($HostCaKey) {
        New-TestCertificate -CaKey $HostCaKey -PublicKeyFile "$ssh/ssh_host_ed25519_key.pub" -Principals $HostPrincipals -Validity $HostValidity -HostCertificate -OutFile "$ssh/ssh_host_ed25519_key-cert.pub" | Out-Null
        $lines += 'HostCertificate /etc/ssh/ssh_host_ed25519_key-cert.pub'
    }
    $revoked = @($RevokedPublicKeys | ForEach-Object { (Get-Content $_ -Raw).Trim() })
    [IO.File]::WriteAllText("$ssh/aptready_revoked_keys", (($revoked + '') -join "`n"))
    $lines += 'RevokedKeys /etc/ssh/aptready_revoked_keys'
    Set-Content -Path "$ssh/sshd_config.d/zz-aptready-certificates.conf" -Value $lines
    Restart-TargetSshd $Target
}

function Set-TargetAuthorizedKeys {
    <# Replaces the test user's authorized_keys with these public key files (none: nobody logs in by plain key). #>
    param([Parameter(Mandatory)] $Target, [string[]] $PublicKeyFile = @())
    $file = Join-Path $Target.Root 'home/aptready/.ssh/authorized_keys'
    $text = ($PublicKeyFile | ForEach-Object { (Get-Content $_ -Raw).Trim() }) -join "`n"
    [IO.File]::WriteAllText($file, $text + "`n")
}

function Start-TargetExtraSshd {
    <#
    Starts a second sshd inside the running target, on another loopback port, with a configuration of
    its own: the target's host key and these settings (e.g. another HostCertificate), nothing from
    sshd_config.d. It ends with the target. Returns the port once the banner answers.
    #>
    param([Parameter(Mandatory)] $Target, [string[]] $Option = @())
    $port = $null
    foreach ($i in 1..50) {
        $candidate = Get-Random -Minimum 20000 -Maximum 32000
        $probe = [Net.Sockets.TcpClient]::new()
        try { $probe.Connect('127.0.0.1', $candidate) } catch { $port = $candidate; break } finally { $probe.Dispose() }
    }
    if (-not $port) { throw 'No free loopback port for a second sshd.' }
    $config = @('HostKey /etc/ssh/ssh_host_ed25519_key', 'ListenAddress 127.0.0.1', 'UsePAM no', "PidFile /run/aptready-extra-$port.pid", 'LogLevel VERBOSE') +
        @($Option | ForEach-Object { $_ -replace '^([^=]+)=', '$1 ' })
    Set-Content -Path (Join-Path $Target.Root "etc/ssh/aptready-extra-$port.conf") -Value $config
    $arguments = @('-f', "/etc/ssh/aptready-extra-$port.conf", '-p', $port, '-E', "/var/log/aptready-extra-$port.log")
    Invoke-InTarget $Target /usr/sbin/sshd @arguments | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "The second sshd did not start (exit $LASTEXITCODE)." }
    $deadline = [Diagnostics.Stopwatch]::StartNew()
    while ($deadline.Elapsed.TotalSeconds -lt 30) {
        $client = [Net.Sockets.TcpClient]::new()
        try {
            $client.Connect('127.0.0.1', $port)
            $buffer = [byte[]]::new(4)
            $stream = $client.GetStream(); $stream.ReadTimeout = 5000
            if ($stream.Read($buffer, 0, 4) -eq 4 -and [Text.Encoding]::ASCII.GetString($buffer) -eq 'SSH-') { return $port }
        }
        catch { $null = $deadline.Elapsed; [Threading.Thread]::Sleep(50) }
        finally { $client.Dispose() }
    }
    throw "The second sshd on port $port did not answer within 30 s."
}

function Invoke-OpenSsh {
    <# The oracle: OpenSSH's ssh with these -o options and StrictHostKeyChecking yes; returns output and exit code. #>
    param([Parameter(Mandatory)] $Target, [string[]] $Option = @(), [string[]] $Identity = @(), [int] $Port = $Target.Port)
    $arguments = @('-F', '/dev/null', '-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', 'ConnectTimeout=20', '-o', 'IdentitiesOnly=no')
    foreach ($o in $Option) { $arguments += '-o', $o }
    foreach ($i in $Identity) { $arguments += '-i', $i }
    $arguments += '-p', $Port, "aptready@127.0.0.1", 'true'
    $output = & ssh @arguments 2>&1
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
}

Export-ModuleMember -Function *-*
