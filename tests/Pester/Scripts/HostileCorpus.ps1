# The hostile corpus (issue 19), as data: what an attacker or a careless user passes. Every parameter of
# every AptReady cmdlet gets every value of its kind (Invoke-HostileCorpus.ps1 picks by parameter type).
# Values are built here, not stored, where they are huge, binary or cyclic. Labels name each value in
# the results file, which never holds the raw value (a label is safe to print).

$key = "-----BEGIN OPENSSH PRIVATE KEY-----`nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW`nQyNTUxOQAAACDUxBx0tKO4l3XqoJjKjx8vqs1oHyO5ZHtpZHdncXN5cwAAAJi8+Mx9vPjM`n-----END OPENSSH PRIVATE KEY-----`n"

$strings = [ordered]@{
    'empty'                    = ''
    'space'                    = ' '
    'trailing newline'         = "web1`n"
    'inner newline'            = "web1`nend"
    'carriage return'          = "web1`r"
    'NUL'                      = "a`0b"
    'tab'                      = "a`tb"
    'ESC colour'               = "a`e[31mred`e[0m"
    'BEL'                      = "a`a"
    'unicode line separator'   = "a$([char]0x2028)b"
    'right-to-left override'   = "a$([char]0x202E)b"
    'lone surrogate'           = "a$([char]0xD800)b"
    'dash echo \c'             = 'a\cb'
    'dash echo \n'             = 'a\nend'
    'backslashes'              = 'a\\b\\\\c'
    'single quote'             = "a'b"
    'double quote'             = 'a"b'
    'shell injection ;'        = "x; touch /tmp/aptready-pwned"
    'shell injection $()'      = '$(touch /tmp/aptready-pwned)'
    'shell injection backtick' = '`touch /tmp/aptready-pwned`'
    'shell pipe'               = 'x | sh'
    'shell glob'               = '*'
    'option injection'         = '-oProxyCommand=touch /tmp/aptready-pwned'
    'double dash'              = '--'
    'apt option'               = '-o APT::Get::Assume-Yes=true'
    'printf format'            = '%s%n%x'
    'IFS'                      = '${IFS}x'
    'yaml document end'        = "x`n...`n--- !!python/object/apply:os.system ['id']"
    'yaml anchor'              = '&a [*a]'
    'yaml null'                = '~'
    'yaml bool'                = 'yes'
    'path traversal'           = '../../../../etc/shadow'
    'tilde'                    = '~nobody-here/.ssh/id_rsa'
    'proc file'                = '/proc/self/environ'
    'windows path'             = 'C:\Windows\System32'
    'UNC path'                 = '\\server\share\x'
    'PS provider path'         = 'Env:\PATH'
    'PS wildcard'              = '[a-z]*?'
    'non-ASCII'                = 'é€😀'
    'bytes above 0x7f (Latin-1)' = [string][char]0xFF + [char]0xFE
    'very long (5,000)'        = 'x' * 5000
    'huge (200,000)'           = 'a' * 200000
    'private key text'         = $key
    'public key line'          = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINTEHHS0o7iXdeqgmMqPHy+qzWgfI7lke2lkd2dxc3lz user@host'
    'fingerprint with newline' = "SHA256:nLp87wrTFuPlUdGpbPr9yBG8MYFbfpTNwMvcg2c2X8k`n"
    'number text'              = '22'
    'IPv6 literal'             = '[::1]:22'
}

# A cyclic hashtable, one nested 30,000 deep, a list that holds itself, a huge list: each must be a
# parameter error, not a stack overflow that ends the process.
$cyclic = @{}; $cyclic.self = $cyclic
$deep = @{}; $cursor = $deep
foreach ($i in 1..30000) { $next = @{}; $cursor.x = $next; $cursor = $next }
$selfList = [System.Collections.ArrayList]::new(); $null = $selfList.Add($selfList)
$customCycle = [pscustomobject]@{ name = 'x' }; $customCycle | Add-Member -NotePropertyName self -NotePropertyValue $customCycle

$structures = [ordered]@{
    'cyclic hashtable'       = $cyclic
    'hashtable 30,000 deep'  = $deep
    'list holding itself'    = $selfList
    'cyclic PSCustomObject'  = $customCycle
    'hashtable of 200,000'   = @{ big = (1..200000) }
    'non-string key'         = @{ 1 = 'x' }
    'wrong types'            = @{ name = @{ nested = $true }; groups = 3.5; shell = [datetime]::MinValue }
    'empty hashtable'        = @{}
    'script block'           = { touch /tmp/aptready-pwned }
    'array of 20,000 names'  = [string[]](1..20000 | ForEach-Object { "pkg$_" })
}

$numbers = [ordered]@{
    'minus one' = -1; 'zero' = 0; 'port above 65535' = 65536; 'int max' = [int]::MaxValue; 'int min' = [int]::MinValue
    'text' = '22abc'; 'number with newline' = "22`n"; 'huge double' = 1e300
}

$timeSpans = [ordered]@{
    'zero' = '00:00:00'; 'negative' = '-00:00:01'; 'TimeSpan max' = [timespan]::MaxValue; 'TimeSpan min' = [timespan]::MinValue
    'not a time' = 'abc'; 'huge double' = 1e300; 'time with newline' = "00:00:01`n"
}

# Every error id AptReady writes (README, "Error ids"), and PowerShell's own parameter-binding ids,
# which come before any AptReady code runs (a value of the wrong type, a validation attribute).
$moduleIds = @(
    'AptGetFailed', 'AptGetIncomplete', 'AptGetOutputUnreadable', 'AptLockTimeout', 'ArgumentTooLong', 'AuthenticationFailed',
    'CloudConfigCycle', 'CloudConfigSchemaCheckFailed', 'CloudConfigTooDeep', 'CloudConfigTooLarge', 'CloudConfigWriteFailed',
    'CloudInitDegraded', 'CloudInitError', 'CloudInitNotInstalled', 'CloudInitNotReady', 'CloudInitTimedOut', 'CommandTooLong',
    'ConnectTimedOut', 'ConnectionFailed', 'ConnectionLost', 'DpkgInterrupted', 'DpkgRepairFailed', 'HostFailed', 'HostKeyMismatch',
    'HostKeyRevoked', 'HostKeyUnknown', 'HostNotFound', 'InvalidCloudConfig', 'InvalidCloudConfigArgument', 'InvalidComputerName',
    'InvalidConnectTimeout', 'InvalidHostKeyFingerprint', 'InvalidLockPath', 'InvalidLockTimeout', 'InvalidPath', 'InvalidUserName',
    'InvalidValidateOnSession', 'KeyExchangeFailed', 'KeyFileInvalid', 'KeyPassphraseRequired', 'KnownHostsUnreadable',
    'KnownHostsUnwritable', 'LockProbeOutputUnreadable', 'OutFileExists', 'PackageNotAccepted', 'PackageRequired', 'PathTooLong',
    'ProcLocksUnreadable', 'SeedPathExists', 'SessionUnusable', 'SudoFailed', 'SudoPasswordRequired', 'TooManyPackages',
    'CloudConfigSchemaInvalid', 'CloudConfigStructureInvalid', 'InvalidJumpHost', 'JumpHostFailed', 'JumpHostLoop', 'PoshSshNotLoaded',
    'SessionDisconnected', 'SessionDisposed', 'SessionIdNotFound', 'SessionIsSftp', 'SessionNotRecognized', 'SessionRemoved',
    'SshConfigInvalid', 'SshConfigUnsupported', 'TooManyJumpHosts',
    'AgentUnavailable', 'AgentRefusedToSign', 'AgentIdentityNotFound', 'InvalidAgentIdentity', 'AgentIdentityWithoutAgent',
    'CertificateFileInvalid', 'CertificateInvalid', 'CertificateExpired', 'CertificateNotYetValid', 'HostCertificateExpired',
    'HostCertificateNotYetValid', 'HostCertificatePrincipalMismatch', 'HostCertificateInvalid',
    'RebootNotPermitted', 'RebootFailed', 'RebootTimedOut', 'RebootUnsupported', 'RebootWithSimulate')
$bindingIds = @('ParameterArgumentValidationError', 'ParameterArgumentTransformationError', 'CannotConvertArgument',
    'CannotConvertArgumentNoMessage', 'MismatchedPSTypeName', 'ScriptBlockArgumentNoInput')

@{
    ModuleIds  = $moduleIds
    BindingIds = $bindingIds
    Strings    = $strings
    Structures = $structures
    Numbers    = $numbers
    TimeSpans  = $timeSpans
    # Local files made by the runner in its work folder: they stand in for -KeyFilePath, -KnownHostsPath,
    # -OutFile and -SeedPath values.
    LocalFiles = @('fifo', 'folder', '/dev/zero', '/dev/full', 'file of 300 MB', 'file under a file', 'missing file')
}
