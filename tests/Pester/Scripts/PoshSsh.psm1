# The real Posh-SSH module for the tests: where it is, and sessions to container targets with the
# host key pinned (never accepted blindly). See ../../../../shared/posh-ssh/README.md.

function Find-PoshSshModule {
    <#
    The Posh-SSH module folder to import, or $null with the reason in -Reason: APTREADY_POSHSSH when set,
    else ../shared/posh-ssh/Posh-SSH beside the project root, else an installed Posh-SSH.
    #>
    param([ref] $Reason)
    $projectRoot = Resolve-Path (Join-Path $PSScriptRoot '../../..')
    $candidates = @($env:APTREADY_POSHSSH, (Join-Path $projectRoot '../shared/posh-ssh/Posh-SSH')) | Where-Object { $_ }
    foreach ($path in $candidates) {
        if (Test-Path (Join-Path $path 'Posh-SSH.psd1')) { return (Resolve-Path $path).Path }
    }
    $installed = Get-Module -ListAvailable -Name Posh-SSH | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.ModuleBase }
    if ($Reason) { $Reason.Value = "Posh-SSH is not beside the project (../shared/posh-ssh/Posh-SSH), APTREADY_POSHSSH is not set and no Posh-SSH is installed." }
    $null
}

function Get-PoshSshHostKey {
    <# The target's host key as Posh-SSH fingerprints it: MD5 of the key blob, each byte '{0:x}', ':'-joined. #>
    param([Parameter(Mandatory)] $Target)
    $algorithm, $blob = (Get-Content (Join-Path $Target.Root 'etc/ssh/ssh_host_ed25519_key.pub') -Raw).Split(' ')[0, 1]
    $md5 = [Security.Cryptography.MD5]::HashData([Convert]::FromBase64String($blob))
    [pscustomobject]@{ Algorithm = $algorithm; Fingerprint = ($md5 | ForEach-Object { '{0:x}' -f $_ }) -join ':' }
}

function Get-PoshSshSessionScript {
    <#
    A script block that opens a Posh-SSH session (or an SFTP one) to the target with its key pinned, for
    the runspace where Posh-SSH is imported. Posh-SSH keys its store by host name alone: a store per call.
    #>
    [OutputType([scriptblock])]
    param()
    {
        param($Target, $HostKey, [switch] $Sftp)
        $store = New-SSHMemoryKnownHost
        [void] $store.SetKey($Target.ComputerName, $HostKey.Algorithm, $HostKey.Fingerprint)
        $splat = @{
            ComputerName = $Target.ComputerName; Port = $Target.Port; KeyFile = $Target.KeyFilePath
            KnownHost = $store; ErrorOnUntrusted = $true
            Credential = [pscredential]::new($Target.UserName, [securestring]::new())
        }
        if ($Sftp) { New-SFTPSession @splat } else { New-SSHSession @splat }
    }
}

Export-ModuleMember -Function *-*
