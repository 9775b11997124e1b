<#
.SYNOPSIS
    The parameter combinations New-CloudConfig's tests put through the real cloud-init schema and read
    back: each case is the parameters and, for each value that must come back, its path in the parsed
    document and the exact value. Dot-sourced at discovery; -KeyFolder receives generated client keys.
#>
param([Parameter(Mandatory)] [string] $KeyFolder)

# Strings a YAML writer gets wrong when it concatenates: indicators, comments, YAML 1.1 words, numbers
# in disguise, line breaks of every kind, unicode, control characters and a very long line.
$script:HostileStrings = @(
    "it's ""quoted"" both ways"
    'key: value'
    'colon at the end:'
    '# not a comment'
    'value # trailing comment?'
    '- leading dash'
    '-'
    '*star'
    '&anchor'
    '!tag'
    '!!str'
    '%TAG'
    '@at'
    '`backtick'
    '|pipe'
    '>folded'
    '? question'
    '{flow: map}'
    '[flow, seq]'
    ', comma'
    '<<'
    '='
    "multi`nline`ntext"
    "trailing newline`n"
    "`nleading newline"
    "two trailing newlines`n`n"
    "indented`n  second line`n"
    "crlf`r`nline"
    "tab`tinside"
    '  leading spaces'
    'trailing spaces  '
    'ünïcödé ✓ 日本語 🚀'
    "nbsp`u{00A0}and`u{2028}line separator`u{0085}next line"
    "`u{FEFF}byte order mark"
    "bell`a escape`e"
    'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'NO', 'True', 'FALSE', '~', 'null', 'Null'
    '0644', '0o644', '1e3', '0x1F', '1_000', '0b101', '.inf', '-.Inf', '.nan', '12:30:45', '2024-01-01', '+1', '-0'
    ('long ' + ('x' * 5000))
)

$edKey = Join-Path $KeyFolder 'ed25519'
$rsaKey = Join-Path $KeyFolder 'rsa'
& ssh-keygen -q -t ed25519 -N '' -C 'ed: #1 & ''quoted'' *star*' -f $edKey | Out-Null
& ssh-keygen -q -t rsa -b 4096 -N '' -C ('rsa ' + ('long-comment-' * 20)) -f $rsaKey | Out-Null
$script:Ed25519Line = (Get-Content "$edKey.pub" -Raw).TrimEnd("`n")
$script:RsaLine = (Get-Content "$rsaKey.pub" -Raw).TrimEnd("`n")

function New-Case([string] $Name, [hashtable] $Params, [object[]] $Expect) {
    @{ Name = $Name; Params = $Params; Expect = $Expect }
}

function Expect([object[]] $Path, $Value) { @{ Path = $Path; Value = $Value } }

$hostile = $script:HostileStrings
$nonBlank = @($hostile | Where-Object { $_.Trim().Length -gt 0 })
$fakeKey = "-----BEGIN PGP PUBLIC KEY BLOCK-----`n`nmQINBFake: # not & real *`n=abcd`n-----END PGP PUBLIC KEY BLOCK-----`n"
$sourceName = 'long.source_name-' + ('s' * 200)
$sudoRule = 'ALL=(ALL:ALL) NOPASSWD: /usr/bin/apt-get *, !/bin/sh'
$binary = [byte[]](0..255)
$snapKeys = [ordered]@{}
$i = 0
foreach ($s in $nonBlank) { $snapKeys["k$i $s"] = $s; $i++ }
$snapKeys['k' * 300] = 'a key longer than YAML''s implicit key limit of the writer'

$script:CloudConfigCases = @(
    New-Case 'defaults: no package update or upgrade' @{} @(
        Expect @('package_update') $false
        Expect @('package_upgrade') $false
    )

    New-Case 'the DESIGN example: -User debian -SshAuthorizedKey -Package' @{
        User = 'debian'; SshAuthorizedKey = $script:Ed25519Line; Package = 'qemu-guest-agent'
    } @(
        Expect @('users', 0, 'name') 'debian'
        Expect @('users', 0, 'sudo') 'ALL=(ALL) NOPASSWD:ALL'
        Expect @('users', 0, 'shell') '/bin/bash'
        Expect @('users', 0, 'lock_passwd') $true
        Expect @('users', 0, 'ssh_authorized_keys', 0) $script:Ed25519Line
        Expect @('packages', 0) 'qemu-guest-agent'
        Expect @('package_update') $false
    )

    New-Case 'users: default, by name, and by hashtable with a long RSA key and a hostile sudo rule' @{
        IncludeDefaultUser = $true
        User = @('debian', @{ name = 'ops'; groups = 'adm, sudo'; shell = '/bin/sh'; sudo = $sudoRule; ssh_authorized_keys = @($script:RsaLine, $script:Ed25519Line); lock_passwd = $false })
        SshAuthorizedKey = @('# a comment line', '', $script:Ed25519Line)
    } @(
        Expect @('users', 0) 'default'
        Expect @('users', 1, 'name') 'debian'
        Expect @('users', 1, 'ssh_authorized_keys', 0) $script:Ed25519Line
        Expect @('users', 2, 'name') 'ops'
        Expect @('users', 2, 'groups', 0) 'adm'
        Expect @('users', 2, 'groups', 1) 'sudo'
        Expect @('users', 2, 'shell') '/bin/sh'
        Expect @('users', 2, 'sudo') $sudoRule
        Expect @('users', 2, 'lock_passwd') $false
        Expect @('users', 2, 'ssh_authorized_keys', 0) $script:RsaLine
        Expect @('users', 2, 'ssh_authorized_keys', 1) $script:Ed25519Line
    )

    New-Case 'identity: host name, FQDN, time zone, locale' @{
        HostName = 'vm-01'; Fqdn = 'vm-01.example.org'; Timezone = 'Europe/Berlin'; Locale = 'C.UTF-8'
    } @(
        Expect @('hostname') 'vm-01'
        Expect @('fqdn') 'vm-01.example.org'
        Expect @('manage_etc_hosts') $true
        Expect @('timezone') 'Europe/Berlin'
        Expect @('locale') 'C.UTF-8'
    )

    New-Case 'write_files: every hostile string as content' @{
        WriteFile = @(for ($j = 0; $j -lt $hostile.Count; $j++) { @{ path = "/etc/aptready/f$j"; content = $hostile[$j]; permissions = '0o640'; owner = 'root:adm' } })
    } @(
        for ($j = 0; $j -lt $hostile.Count; $j++) {
            Expect @('write_files', $j, 'content') $hostile[$j]
            Expect @('write_files', $j, 'path') "/etc/aptready/f$j"
        }
        Expect @('write_files', 0, 'permissions') '0640'
        Expect @('write_files', 0, 'owner') 'root:adm'
    )

    New-Case 'write_files: binary content as base64 and gzip' @{
        WriteFile = @(
            @{ path = '/opt/all-bytes'; content = $binary; permissions = '755' }
            @{ path = '/opt/all-bytes.gz'; content = $binary; encoding = 'gz+b64'; defer = $true; append = $true }
        )
    } @(
        Expect @('write_files', 0, 'content') ([Convert]::ToBase64String($binary))
        Expect @('write_files', 0, 'encoding') 'b64'
        Expect @('write_files', 0, 'permissions') '0755'
        Expect @('write_files', 1, 'encoding') 'gz+b64'
        Expect @('write_files', 1, 'defer') $true
        Expect @('write_files', 1, 'append') $true
    )

    New-Case 'runcmd and bootcmd: hostile shell lines and an argument vector' @{
        RunCommand = @($nonBlank + , [string[]]$hostile)
        BootCommand = @('echo "boot: #1" > /dev/null', @('printf', '%s\n', '- *&!'))
    } @(
        for ($j = 0; $j -lt $nonBlank.Count; $j++) { Expect @('runcmd', $j) $nonBlank[$j] }
        for ($j = 0; $j -lt $hostile.Count; $j++) { Expect @('runcmd', $nonBlank.Count, $j) $hostile[$j] }
        Expect @('bootcmd', 0) 'echo "boot: #1" > /dev/null'
        Expect @('bootcmd', 1, 2) '- *&!'
    )

    New-Case 'additional config: hostile and very long keys, merged with a typed key' @{
        AdditionalConfig = @{
            snap = @{ commands = $snapKeys }
            final_message = "done: # & * ! `$UPTIME`nsecond line"
            apt = @{ conf = "Acquire::Retries ""3"";`n" }
        }
        AptProxy = 'http://proxy.example.org:3142/'
    } @(
        foreach ($k in $snapKeys.Keys) { Expect @('snap', 'commands', $k) $snapKeys[$k] }
        Expect @('final_message') "done: # & * ! `$UPTIME`nsecond line"
        Expect @('apt', 'proxy') 'http://proxy.example.org:3142/'
        Expect @('apt', 'conf') "Acquire::Retries ""3"";`n"
    )

    New-Case 'apt source with a long name and a key block, and power_state' @{
        AptSource = @{ name = $sourceName; source = 'deb [signed-by=$KEY_FILE] http://deb.example.org/debian $RELEASE main # note'; key = $fakeKey }
        PowerState = @{ mode = 'poweroff'; delay = 5; message = 'Bye: #1 & "now"!'; timeout = 120; condition = $true }
    } @(
        Expect @('apt', 'sources', $sourceName, 'source') 'deb [signed-by=$KEY_FILE] http://deb.example.org/debian $RELEASE main # note'
        Expect @('apt', 'sources', $sourceName, 'key') $fakeKey
        Expect @('power_state', 'mode') 'poweroff'
        Expect @('power_state', 'delay') 5
        Expect @('power_state', 'message') 'Bye: #1 & "now"!'
        Expect @('power_state', 'timeout') 120
        Expect @('power_state', 'condition') $true
    )

    New-Case 'a generated host key and package update/upgrade when asked' @{
        GenerateHostKey = $true; HostName = 'pinned'; PackageUpdate = $true; PackageUpgrade = $true
    } @(
        Expect @('package_update') $true
        Expect @('package_upgrade') $true
        Expect @('hostname') 'pinned'
    )
)
