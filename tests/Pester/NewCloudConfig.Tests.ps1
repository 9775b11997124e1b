#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Scripts/Suites.ps1')
    $suites = $TestSuites
    # The cases keep only the public key lines; the key files go at once, since an AfterAll does not
    # run when a tag filter leaves none of this file's tests to run.
    $keyFolder = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "aptready-cc-keys-$([guid]::NewGuid())")).FullName
    try {
        . (Join-Path $PSScriptRoot 'Scripts/CloudConfigCases.ps1') -KeyFolder $keyFolder
    } finally {
        Remove-Item $keyFolder -Recurse -Force -ErrorAction Ignore
    }
    $cases = $CloudConfigCases
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    $script:TargetScript = Join-Path $PSScriptRoot '../targets/target.sh'
    $script:Utf8 = [Text.UTF8Encoding]::new($false)

    function Read-YamlInTarget($Target, [string] $Yaml) {
        # PyYAML inside the target (what cloud-init parses with); ASCII JSON so nothing is lost on the way back.
        $name = "cc-$([guid]::NewGuid().ToString('N')).yml"
        [IO.File]::WriteAllText((Join-Path $Target.Root "tmp/$name"), $Yaml, $script:Utf8)
        try {
            $json = Invoke-InTarget -Target $Target -Command python3, -c, 'import yaml,json,sys; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))', "/tmp/$name"
            if ($LASTEXITCODE -ne 0) { throw "PyYAML could not read the document: $json" }
            ($json -join "`n") | ConvertFrom-Json -AsHashtable -DateKind String -Depth 100
        }
        finally {
            Remove-Item (Join-Path $Target.Root "tmp/$name") -ErrorAction Ignore
        }
    }

    # Invoke-InTarget binds '-c', '-f', ... to its own parameters unless the command is passed as one array.
    function InTarget {
        param($Target)
        Invoke-InTarget -Target $Target -Command ([string[]]$args)
    }

    function Get-At($Node, [object[]] $Path) {
        foreach ($step in $Path) {
            if ($step -is [int]) {
                if ($Node -isnot [System.Collections.IList] -or $step -ge $Node.Count) { throw "No item $step at '$($Path -join '/')'." }
                $Node = $Node[$step]
            }
            else {
                if ($Node -isnot [System.Collections.IDictionary]) { throw "No mapping at '$($Path -join '/')'." }
                $match = @($Node.Keys | Where-Object { [string]::Equals($_, $step, [StringComparison]::Ordinal) })
                if ($match.Count -ne 1) { throw "No key '$step' at '$($Path -join '/')'." }
                $Node = $Node[$match[0]]
            }
        }
        , $Node
    }

    function Show([string] $Text) {
        ($Text.ToCharArray() | ForEach-Object { if ([char]::IsControl($_) -or [int]$_ -gt 126) { '\u{0:x4}' -f [int]$_ } else { $_ } }) -join ''
    }

    function Assert-Exactly($Actual, $Expected, [object[]] $Path) {
        $where = $Path -join '/'
        if ($Expected -is [string]) {
            $Actual | Should -BeOfType [string] -Because "at $where"
            # Ordinal: every UTF-16 unit equal, so the UTF-8 bytes are equal too.
            [string]::Equals($Actual, $Expected, [StringComparison]::Ordinal) |
                Should -BeTrue -Because "at $where '$(Show $Actual)' must be '$(Show $Expected)'"
        }
        elseif ($Expected -is [bool]) {
            $Actual | Should -BeOfType [bool] -Because "at $where"
            $Actual | Should -Be $Expected -Because "at $where"
        }
        else {
            $Actual | Should -BeOfType [long] -Because "at $where (an integer)"
            $Actual | Should -Be $Expected -Because "at $where"
        }
    }
}

Describe 'New-CloudConfig documents checked by cloud-init <CloudInit> on <Suite>' -ForEach $suites -Tag 'CloudConfig', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    # First: a pooled connection (verified earlier) would be reused whatever fingerprint is asked for.
    It 'refuses a host whose key does not match the pinned fingerprint' {
        $bad = Get-TargetSplat $target
        $bad.HostKeyFingerprint = 'SHA256:' + ('A' * 43)
        $r = New-CloudConfig -HostName x -ValidateOn $bad -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'HostKeyMismatch,*'
        $r.SchemaValid | Should -BeNullOrEmpty
    }

    It 'passes the real cloud-init schema and reads back exactly: <Name>' -ForEach $cases {
        $r = New-CloudConfig @Params -ValidateOn $target -WarningAction SilentlyContinue -ErrorAction Stop
        $r.SchemaValid | Should -BeTrue -Because $r.SchemaOutput
        $r.CloudInitVersion | Should -Be $CloudInit
        $r.ValidatedOn.Port | Should -Be $target.Port
        $yaml = $r.ToString()
        $yaml | Should -BeLike "#cloud-config`n*"

        $doc = Read-YamlInTarget $target $yaml
        foreach ($e in $Expect) {
            Assert-Exactly (Get-At $doc $e.Path) $e.Value $e.Path
        }
        if ($r.HostKeyFingerprint) {
            Assert-Exactly (Get-At $doc 'ssh_keys', 'ed25519_public') $r.HostKeyPublicKey 'ssh_keys', 'ed25519_public'
            (Get-At $doc 'ssh_keys', 'ed25519_private') | Should -BeLike "-----BEGIN OPENSSH PRIVATE KEY-----`n*-----END OPENSSH PRIVATE KEY-----`n"
        }
    }

    It 'checks through a hashtable of connection parameters and deletes its temporary file' {
        $r = New-CloudConfig -HostName plain -ValidateOn (Get-TargetSplat $target)
        $r.SchemaValid | Should -BeTrue
        $r.SchemaOutput | Should -Match 'user-data'
        Get-ChildItem (Join-Path $target.Root 'tmp') -Filter 'aptready-cloud-config.*' | Should -BeNullOrEmpty
    }

    It 'knows every top-level key of cloud-init <CloudInit>''s own schema (-Validate calls none unknown)' {
        # The target's schema is the oracle: a generation that adds a key (26.2 added rpi) fails here first.
        $walk = 'import glob, json; f = glob.glob("/usr/lib/python3/dist-packages/cloudinit/config/schemas/schema-cloud-config-v1.json")[0]; d = json.load(open(f)); keys = set()
def walk(x):
    keys.update(x.get("properties", {}))
    for y in x.get("allOf", []) + x.get("anyOf", []) + x.get("oneOf", []): walk(y)
    if "$ref" in x: walk(d["$defs"].get(x["$ref"].split("/")[-1], {}))
walk(d); print("\n".join(sorted(keys)))'
        $keys = @(Invoke-InTarget $target python3 -c $walk | Where-Object { $_ })
        $keys.Count | Should -BeGreaterThan 80 -Because 'the schema lists the top-level keys'
        $unknown = foreach ($key in $keys) {
            $null = New-CloudConfig -AdditionalConfig @{ $key = 'x' } -Validate -WarningVariable w -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
            if ($w.Message -match 'is not a key cloud-init') { $key }
        }
        $unknown | Should -BeNullOrEmpty
    }

    It 'reports what cloud-init rejects, writes an error and no file' {
        $out = Join-Path $TestDrive "rejected-$Suite.yml"
        $r = New-CloudConfig -AdditionalConfig @{ bootcmd = 5 } -OutFile $out -ValidateOn $target -ErrorVariable errs -ErrorAction SilentlyContinue
        $r.SchemaValid | Should -BeFalse
        $r.SchemaOutput | Should -Match "bootcmd: 5 is not of type 'array'"
        $r.SchemaOutput | Should -Not -Match 'aptready-cloud-config\.'
        $r.WrittenPaths | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'CloudConfigSchemaInvalid,AptReady.Cmdlets.CloudConfig.NewCloudConfigCommand'
        $errs[0].Exception.Message | Should -Match 'bootcmd'
        Test-Path $out | Should -BeFalse
        Get-ChildItem (Join-Path $target.Root 'tmp') -Filter 'aptready-cloud-config.*' | Should -BeNullOrEmpty
    }

}

Describe 'New-CloudConfig -ValidateOn a Posh-SSH session' -Tag 'CloudConfig', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite trixie
        # A fresh pwsh that loads SSH.NET 2024.2.0 before AptReady, as Posh-SSH does.
        $json = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Scripts/CloudConfigPoshSession.ps1') `
            -ModulePath $env:APTREADY_MODULE -Port $target.Port -UserName $target.UserName `
            -KeyFilePath $target.KeyFilePath -HostKeyFingerprint $target.HostKeyFingerprint 2>&1
        $run = ($json | Out-String) | ConvertFrom-Json
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'checks the document through the session''s own client, the document on its standard input' {
        $run.ValidSchema | Should -BeTrue
        $run.ValidVersion | Should -Be '25.1.4'
        $run.ValidatedOnHost | Should -Be '127.0.0.1'
        $run.ValidatedOnPort | Should -Be $target.Port
        $run.InvalidSchema | Should -BeFalse
        $run.InvalidErrorId | Should -BeLike 'CloudConfigSchemaInvalid,*'
    }

    It 'says so when the session''s SSH.NET cannot write standard input' {
        $run.LegacyErrorId | Should -BeLike 'SessionUnusable,*'
        $run.LegacyErrorMessage | Should -Match 'standard input'
    }
}

Describe 'A NoCloud seed from New-CloudConfig boots real cloud-init <CloudInit> on <Suite>' -ForEach $suites -Tag 'CloudConfig', 'Integration' {
    BeforeEach { Assert-TestTargetReady $target }
    BeforeAll {
        $target = Start-TestTarget -Suite $Suite
        $content = "hostile: 'x' # & *`nsecond line ü🚀`n"
        $clientKey = (Get-Content "$($target.KeyFilePath).pub" -Raw).TrimEnd("`n")
        $seedDir = Join-Path $target.Root 'var/lib/cloud/seed/nocloud'
        $r = New-CloudConfig -HostName ci-seed -Fqdn ci-seed.example.test -Locale C.UTF-8 -Timezone Etc/UTC `
            -User @{ name = 'deployer'; groups = 'adm'; shell = '/bin/bash'; sudo = 'ALL=(ALL) NOPASSWD:ALL'; ssh_authorized_keys = $clientKey } `
            -WriteFile @{ path = '/etc/aptready/hello.txt'; content = $content; permissions = '0640'; owner = 'root:adm' } `
            -RunCommand @('sh', '-c', 'echo ran > /var/tmp/aptready-runcmd'), 'touch "/var/tmp/aptready shell"' `
            -BootCommand 'echo boot > /var/tmp/aptready-bootcmd' `
            -GenerateHostKey -SeedPath $seedDir -InstanceId "iid-aptready-$Suite" -ValidateOn $target -ErrorAction Stop
        $stages = foreach ($stage in @('init', '--local'), @('init'), @('modules', '--mode', 'config'), @('modules', '--mode', 'final')) {
            $log = Invoke-InTarget -Target $target -Command (@('cloud-init') + $stage) 2>&1
            [pscustomobject]@{ Stage = $stage -join ' '; ExitCode = $LASTEXITCODE; Log = $log -join "`n" }
        }
        $status = (InTarget $target cloud-init status --format json) -join "`n" | ConvertFrom-Json
    }
    AfterAll {
        $target | Stop-TestTarget
    }

    It 'wrote the seed folder and validated it first' {
        $r.SchemaValid | Should -BeTrue -Because $r.SchemaOutput
        $r.WrittenPaths | Should -HaveCount 2
        [IO.File]::ReadAllText((Join-Path $seedDir 'user-data')) | Should -BeExactly $r.ToString()
        [IO.File]::ReadAllText((Join-Path $seedDir 'meta-data')) | Should -BeExactly "instance-id: iid-aptready-$Suite`nlocal-hostname: ci-seed`n"
    }

    It 'runs all four stages and reports done without errors' {
        foreach ($s in $stages) { $s.ExitCode | Should -Be 0 -Because "cloud-init $($s.Stage): $($s.Log)" }
        $status.status | Should -Be 'done'
        @($status.errors) | Should -BeNullOrEmpty
        (InTarget $target cat /run/cloud-init/result.json) -join "`n" | ConvertFrom-Json |
            ForEach-Object { @($_.v1.errors) | Should -BeNullOrEmpty }
    }

    It 'created the user with its key and sudo rule' {
        (InTarget $target getent passwd deployer) | Should -BeLike 'deployer:*:/home/deployer:/bin/bash'
        (InTarget $target id -nG deployer) -split ' ' | Should -Contain 'adm'
        (InTarget $target cat /home/deployer/.ssh/authorized_keys) | Should -Contain $clientKey
        (InTarget $target cat /etc/sudoers.d/90-cloud-init-users) | Should -Contain 'deployer ALL=(ALL) NOPASSWD:ALL'
    }

    It 'wrote the file byte for byte with its mode and owner, and ran bootcmd and runcmd' {
        [IO.File]::ReadAllBytes((Join-Path $target.Root 'etc/aptready/hello.txt')) | Should -Be $script:Utf8.GetBytes($content)
        (InTarget $target stat -c '%a %U:%G' /etc/aptready/hello.txt) | Should -Be '640 root:adm'
        (InTarget $target cat /var/tmp/aptready-runcmd) | Should -Be 'ran'
        InTarget $target test -e '/var/tmp/aptready shell'; $LASTEXITCODE | Should -Be 0
        (InTarget $target cat /var/tmp/aptready-bootcmd) | Should -Be 'boot'
    }

    It 'set the host name, /etc/hosts, time zone, and ran no apt-get' {
        (InTarget $target hostname) | Should -Be 'ci-seed'
        (InTarget $target cat /etc/hosts) -join "`n" | Should -Match 'ci-seed\.example\.test'
        (InTarget $target readlink -f /etc/localtime) | Should -Be '/usr/share/zoneinfo/Etc/UTC'
        (Get-Content (Join-Path $target.Root 'var/log/cloud-init.log') -Raw) | Should -Not -Match "apt-get"
    }

    It 'installed the generated host key: ssh-keygen agrees on it and sshd serves it' {
        $public = InTarget $target ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub
        ($public -split ' ')[1] | Should -Be $r.HostKeyFingerprint
        $derived = InTarget $target ssh-keygen -y -f /etc/ssh/ssh_host_ed25519_key
        (($derived -split ' ')[0..1] -join ' ') | Should -Be ((($r.HostKeyPublicKey) -split ' ')[0..1] -join ' ')

        & bash $script:TargetScript sshd-start $target.State
        $knownHosts = Join-Path $TestDrive "known_hosts-$Suite"
        Set-Content $knownHosts $r.GetKnownHostsLine('127.0.0.1', $target.Port)
        $ok = $false
        foreach ($attempt in 1..50) {
            $out = & ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o "UserKnownHostsFile=$knownHosts" -i $target.KeyFilePath `
                -p $target.Port "$($target.UserName)@127.0.0.1" 'echo pinned' 2>&1
            if ($LASTEXITCODE -eq 0) { $ok = $true; break }
            Start-Sleep -Milliseconds 100
        }
        $ok | Should -BeTrue -Because ($out | Out-String)
        $out | Should -Be 'pinned'

        $old = Invoke-TargetSsh $target 'true'
        $old.ExitCode | Should -Not -Be 0
        $old.Output | Should -Match 'HOST IDENTIFICATION HAS CHANGED|Host key verification failed'
    }

    It 'is reached by -ValidateOn pinned to the generated fingerprint' {
        $pinned = Get-TargetSplat $target
        $pinned.HostKeyFingerprint = $r.HostKeyFingerprint
        (New-CloudConfig -HostName again -ValidateOn $pinned -ErrorAction Stop).SchemaValid | Should -BeTrue
    }
}

Describe 'New-CloudConfig on the local machine' -Tag 'CloudConfig' {
    BeforeAll {
        $keyFolder = Join-Path $TestDrive 'keys'
        New-Item -ItemType Directory $keyFolder | Out-Null
        & ssh-keygen -q -t ed25519 -N '' -C 'me@laptop' -f (Join-Path $keyFolder 'id')
        $ed = (Get-Content (Join-Path $keyFolder 'id.pub') -Raw).TrimEnd("`n")
    }

    It 'writes a NoCloud ISO labelled cidata whose Joliet files isoinfo reads back' {
        $iso = Join-Path $TestDrive 'seed.iso'
        $r = New-CloudConfig -HostName seedhost -User debian -SshAuthorizedKey $ed -SeedPath $iso -InstanceId iid-iso-1 `
            -NetworkConfig ([ordered]@{ version = 2; ethernets = @{ eth0 = @{ dhcp4 = $true } } })
        $r.WrittenPaths | Should -Be @($iso)
        $r.InstanceId | Should -Be 'iid-iso-1'
        (& isoinfo -d -i $iso) | Should -Contain 'Volume id: cidata'
        (& isoinfo -J -f -i $iso | Sort-Object) | Should -Be @('/meta-data', '/network-config', '/user-data')
        $expected = @{
            'user-data'      = $r.ToString()
            'meta-data'      = "instance-id: iid-iso-1`nlocal-hostname: seedhost`n"
            'network-config' = "version: 2`nethernets:`n  eth0:`n    dhcp4: true`n"
        }
        foreach ($name in $expected.Keys) {
            $copy = Join-Path $TestDrive "from-iso-$name"
            & bash -c 'isoinfo -J -i "$1" -x "/$2" > "$3"' sh $iso $name $copy
            [IO.File]::ReadAllBytes($copy) | Should -Be $script:Utf8.GetBytes($expected[$name]) -Because $name
        }
    }

    It 'writes a seed folder with the same files' {
        $folder = Join-Path $TestDrive 'seed'
        $r = New-CloudConfig -HostName folderhost -SeedPath $folder
        $r.WrittenPaths | Should -HaveCount 2
        [IO.File]::ReadAllText((Join-Path $folder 'user-data')) | Should -BeExactly $r.ToString()
        [IO.File]::ReadAllText((Join-Path $folder 'meta-data')) | Should -BeExactly "instance-id: $($r.InstanceId)`nlocal-hostname: folderhost`n"
        $r.InstanceId | Should -Match '^iid-aptready-[0-9a-f]{16}$'
    }

    It 'gives each seed a new instance-id unless one is given' {
        $a = New-CloudConfig -SeedPath (Join-Path $TestDrive 'a.iso')
        $b = New-CloudConfig -SeedPath (Join-Path $TestDrive 'b.iso')
        $a.InstanceId | Should -Not -Be $b.InstanceId
    }

    It 'generates a host key whose fingerprint is what ssh-keygen -lf says' {
        $r = New-CloudConfig -HostName vm1 -Fqdn vm1.lab.example -GenerateHostKey
        $pub = Join-Path $TestDrive 'host.pub'
        Set-Content $pub $r.HostKeyPublicKey
        ((& ssh-keygen -lf $pub) -split ' ')[1] | Should -Be $r.HostKeyFingerprint
        $r.HostKeyFingerprint | Should -Match '^SHA256:[A-Za-z0-9+/]{43}$'
        $r.KnownHostsLine | Should -Be ('vm1.lab.example ' + (($r.HostKeyPublicKey -split ' ')[0..1] -join ' '))
        $r.GetKnownHostsLine('192.0.2.10', 2222) | Should -BeLike '`[192.0.2.10`]:2222 ssh-ed25519 AAAA*'
        $known = Join-Path $TestDrive 'known_hosts'
        Set-Content $known $r.KnownHostsLine
        (& ssh-keygen -F vm1.lab.example -f $known) -join "`n" | Should -Match 'ssh-ed25519'
    }

    It 'never shows the private host key in formatting, JSON or verbose output, only in the document' {
        $r = New-CloudConfig -HostName secret -GenerateHostKey -Validate -Verbose 4>&1 | Tee-Object -Variable all | Select-Object -Last 1
        $r.ToString() | Should -Match 'BEGIN OPENSSH PRIVATE KEY'
        $shown = @(
            $r | Format-Table | Out-String
            $r | Format-List * | Out-String
            $r | ConvertTo-Json -Depth 5
            $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ) -join "`n"
        $shown | Should -Not -Match 'PRIVATE KEY'
        $shown | Should -Match ([regex]::Escape($r.HostKeyFingerprint))
        $pem = ($r.ToString() -split "`n" | Where-Object { $_ -match '^\s+[A-Za-z0-9+/=]{40,}$' } | Select-Object -First 1).Trim()
        $shown | Should -Not -Match ([regex]::Escape($pem))
    }

    It 'warns that -Package makes cloud-init run apt-get' {
        $null = New-CloudConfig -Package jq -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -Match 'apt-get update'
        $warnings[0].Message | Should -Match 'Invoke-AptGet after Wait-CloudInit'
        $null = New-CloudConfig -HostName quiet -WarningVariable none -WarningAction SilentlyContinue
        $none | Should -BeNullOrEmpty
    }

    It 'writes -OutFile atomically, owner-only, and refuses to overwrite without -Force' {
        $out = Join-Path $TestDrive 'snippet.yml'
        $first = New-CloudConfig -HostName one -OutFile $out
        $first.WrittenPaths | Should -Be @($out)
        [IO.File]::ReadAllText($out) | Should -BeExactly $first.ToString()
        [IO.File]::GetUnixFileMode($out) | Should -Be ([IO.UnixFileMode]'UserRead, UserWrite')

        $second = New-CloudConfig -HostName two -OutFile $out -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'OutFileExists,AptReady.Cmdlets.CloudConfig.NewCloudConfigCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $second.WrittenPaths | Should -BeNullOrEmpty
        [IO.File]::ReadAllText($out) | Should -BeExactly $first.ToString()

        $third = New-CloudConfig -HostName three -OutFile $out -Force
        [IO.File]::ReadAllText($out) | Should -BeExactly $third.ToString()
        @(Get-ChildItem -Force $TestDrive -Filter '.snippet.yml.*') | Should -BeNullOrEmpty
    }

    It 'refuses an existing seed without -Force and writes nothing else either' {
        $iso = Join-Path $TestDrive 'exists.iso'
        Set-Content $iso 'not a seed'
        $out = Join-Path $TestDrive 'not-written.yml'
        $null = New-CloudConfig -OutFile $out -SeedPath $iso -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'SeedPathExists,*'
        Test-Path $out | Should -BeFalse
        Get-Content $iso | Should -Be 'not a seed'
    }

    It 'writes nothing with -WhatIf' {
        $out = Join-Path $TestDrive 'whatif.yml'
        $seed = Join-Path $TestDrive 'whatif-seed'
        $r = New-CloudConfig -HostName w -OutFile $out -SeedPath $seed -WhatIf
        $r.WrittenPaths | Should -BeNullOrEmpty
        Test-Path $out | Should -BeFalse
        Test-Path $seed | Should -BeFalse
        $r.ToString() | Should -BeLike "#cloud-config`n*"
    }

    It 'resolves a relative -OutFile against the current location' {
        Push-Location $TestDrive
        try { $r = New-CloudConfig -OutFile 'relative.yml' } finally { Pop-Location }
        $r.WrittenPaths | Should -Be @((Join-Path $TestDrive 'relative.yml'))
    }

    It 'builds one document per piped object, by property name' {
        $rows = [pscustomobject]@{ HostName = 'web-1'; InstanceId = 'iid-web-1' }, [pscustomobject]@{ HostName = 'web-2'; InstanceId = 'iid-web-2' }
        $results = $rows | New-CloudConfig -User debian -SshAuthorizedKey $ed
        $results | Should -HaveCount 2
        $results[1].HostName | Should -Be 'web-2'
        $results[1].ToString() | Should -Match "(?m)^hostname: web-2$"
    }

    It 'turns structural findings into warnings with -Validate' {
        $r = New-CloudConfig -AdditionalConfig @{ pakages = @('jq') } -Validate -WarningVariable warnings -WarningAction SilentlyContinue
        $r.Findings.Key | Should -Contain 'pakages'
        ($warnings.Message -join "`n") | Should -Match "pakages.*Did you mean 'packages'"
    }

    It 'merges -AdditionalConfig with typed parameters and refuses a clash' {
        $r = New-CloudConfig -AptProxy http://proxy:3142 -AdditionalConfig ([pscustomobject]@{ apt = [pscustomobject]@{ conf = 'x' } })
        $r.ToString() | Should -Match "apt:`n  proxy: `"?http://proxy:3142`"?`n  conf: x`n"
        $null = New-CloudConfig -HostName a -AdditionalConfig @{ hostname = 'b' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidCloudConfig,*'
        $errs[0].Exception.Message | Should -Match "'hostname'"
    }

    It 'stops at once on Ctrl+C while -ValidateOn waits for a host that does not answer' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($Module, $Key)
                Import-Module $Module
                New-CloudConfig -HostName stop -ValidateOn @{ ComputerName = '127.0.0.2'; Port = 9; UserName = 'nobody'; KeyFilePath = $Key; HostKeyFingerprint = 'SHA256:' + ('A' * 43); ConnectTimeout = [timespan]'00:10:00' } -Verbose
            }).AddArgument($env:APTREADY_MODULE).AddArgument((Join-Path $keyFolder 'id'))
            $handle = $ps.BeginInvoke()
            Wait-Condition -Seconds 60 -What 'a connection attempt to be refused and retried' {
                $ps.Streams.Verbose | Where-Object Message -Match 'Trying again'
            }
            $handle.IsCompleted | Should -BeFalse -Because 'the connection is retried until its deadline'
            $ps.Stop()
            # A hang guard, not a timing assertion: without cancellation this would wait ten minutes.
            $handle.AsyncWaitHandle.WaitOne([timespan]'00:00:30') | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $ps.Dispose()
        }
    }

    Context 'bad input is a parameter validation error naming the value' {
        It '<Name>' -ForEach @(
            @{ Name = 'an invalid user name'; Params = @{ User = 'Bad User' }; Value = 'Bad User' }
            @{ Name = 'an invalid user name in a hashtable'; Params = @{ User = @{ name = 'root;rm' } }; Value = 'root;rm' }
            @{ Name = 'a relative write_files path'; Params = @{ WriteFile = @{ path = 'etc/motd'; content = 'x' } }; Value = 'etc/motd' }
            @{ Name = 'a path with ..'; Params = @{ WriteFile = @{ path = '/etc/../root/x'; content = 'x' } }; Value = '/etc/../root/x' }
            @{ Name = 'non-octal permissions'; Params = @{ WriteFile = @{ path = '/etc/motd'; content = 'x'; permissions = '0999' } }; Value = '0999' }
            @{ Name = 'symbolic permissions'; Params = @{ WriteFile = @{ path = '/etc/motd'; content = 'x'; permissions = 'u+rw' } }; Value = 'u+rw' }
            @{ Name = 'an unknown write_files key'; Params = @{ WriteFile = @{ path = '/etc/motd'; content = 'x'; permission = '0644' } }; Value = 'permission' }
            @{ Name = 'a public key that does not parse'; Params = @{ SshAuthorizedKey = 'ssh-ed25519 AAAAnotbase64!! me' }; Value = 'ssh-ed25519 AAAAnotbase64!! me' }
            @{ Name = 'a public key whose blob names another type'; Params = @{ SshAuthorizedKey = 'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIIxJowzfgnTNtNYhSlvK3C4phAIL9beBIPOTMf8hFag7 x' }; Value = 'ssh-rsa AAAAC3Nza'; KeyMaterial = $true }
            @{ Name = 'a private key given as a public key'; Params = @{ SshAuthorizedKey = '-----BEGIN OPENSSH PRIVATE KEY-----' }; Value = '-----BEGIN OPENSSH PRIVATE KEY-----'; KeyMaterial = $true }
            @{ Name = 'a host name with an underscore'; Params = @{ HostName = 'web_1' }; Value = 'web_1' }
            @{ Name = 'an FQDN without a domain'; Params = @{ Fqdn = 'web1' }; Value = 'web1' }
            @{ Name = 'a package that is shell code'; Params = @{ Package = 'jq;reboot' }; Value = 'jq;reboot' }
            @{ Name = 'a time zone with ..'; Params = @{ Timezone = '../../etc/passwd' }; Value = '../../etc/passwd' }
            @{ Name = 'a locale with a space'; Params = @{ Locale = 'en US' }; Value = 'en US' }
            @{ Name = 'an apt proxy that is not http'; Params = @{ AptProxy = 'ftp://proxy' }; Value = 'ftp://proxy' }
            @{ Name = 'a power state mode'; Params = @{ PowerState = 'explode' }; Value = 'explode' }
            @{ Name = 'an apt source name'; Params = @{ AptSource = @{ name = 'a b'; source = 'deb http://x y main' } }; Value = 'a b' }
            @{ Name = 'a shell in a user hashtable that is not absolute'; Params = @{ User = @{ name = 'ops'; shell = 'bash' } }; Value = 'bash' }
            @{ Name = 'an additional config value of an unsupported type'; Params = @{ AdditionalConfig = @{ runcmd = [datetime]::new(2024, 1, 1) } }; Value = 'System.DateTime' }
            @{ Name = 'a known_hosts name'; Params = @{ KnownHostsName = 'not a host' }; Value = 'not a host' }
        ) {
            $err = { New-CloudConfig @Params -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
            if ($KeyMaterial) {
                # Text that looks like key material is never echoed, not even a public key's long base64 run.
                $err.Exception.Message | Should -Not -Match ([regex]::Escape($Value))
                $err.Exception.Message | Should -Match ([regex]::Escape('(text that looks like key material, not shown)'))
            }
            else {
                $err.Exception.Message | Should -Match ([regex]::Escape($Value))
            }
        }

        It 'refuses an instance-id that would become a path' {
            { New-CloudConfig -SeedPath (Join-Path $TestDrive 'x.iso') -InstanceId '../etc' -ErrorAction Stop } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,AptReady.Cmdlets.CloudConfig.NewCloudConfigCommand'
        }

        It 'refuses a -ValidateOn value that is neither a session nor connection parameters' {
            { New-CloudConfig -ValidateOn 42 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidValidateOnSession,AptReady.Cmdlets.CloudConfig.NewCloudConfigCommand'
        }
    }
}
