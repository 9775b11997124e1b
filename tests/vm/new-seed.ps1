<#
.SYNOPSIS
    Writes the NoCloud seed of the test VM with AptReady's own core (CloudConfigDocument,
    CloudConfigYamlWriter, HostKeyPair, NoCloudSeed.WriteIso) and prints a JSON summary.
.DESCRIPTION
    Runs in its own pwsh process (New-TestVmSeed in tests/Pester/TestVm.psm1 starts it): loading
    AptReady.Core into the test session's default load context would clash with the module's
    private copy. Replaced by New-CloudConfig -SeedPath once that cmdlet lands.

    The seed: user aptready with the given public key and passwordless sudo, a generated ed25519
    host key (the summary carries its fingerprint and public line, for pinning), package_update on
    purpose (as Proxmox's default does), apt pointed only at the local repository at
    http://10.0.2.2:RepoPort/ (no Debian mirror: the VM needs no internet), locale C.UTF-8.
#>
param(
    [Parameter(Mandatory)] [string] $DependencyFolder,
    [Parameter(Mandatory)] [string] $SeedPath,
    [Parameter(Mandatory)] [string] $AuthorizedKeyPath,
    [Parameter(Mandatory)] [ValidateRange(1, 65535)] [int] $RepoPort,
    [string] $UserName = 'aptready',
    [string] $HostName = 'aptready-vm',
    # vm.sh gives the VM's NIC this address.
    [string] $MacAddress = '52:54:00:12:34:56',
    # Packages cloud-init installs from the local repository (a non-empty list runs apt-get install in the final stage).
    [string[]] $Package = @(),
    # package_reboot_if_required: cloud-init reboots the VM inside its final stage when a package asked for it.
    [switch] $RebootIfRequired
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

foreach ($name in 'YamlDotNet', 'BouncyCastle.Cryptography', 'AptReady.Core') {
    Add-Type -Path (Join-Path $DependencyFolder "$name.dll")
}

$hostKey = [AptReady.Core.CloudConfig.HostKeyPair]::Generate($HostName)
$user = [AptReady.Core.CloudConfig.CloudConfigUser]::new(
    $UserName, [string[]]@(), '/bin/bash', 'ALL=(ALL) NOPASSWD:ALL',
    [string[]]@((Get-Content -Raw $AuthorizedKeyPath).Trim()), $true)

$document = [AptReady.Core.CloudConfig.CloudConfigDocument]::new()
$document.HostName = $HostName
$document.ManageEtcHosts = $true
$document.Locale = 'C.UTF-8'
$document.Users = [AptReady.Core.CloudConfig.CloudConfigUser[]]@($user)
$document.HostKeys = [AptReady.Core.CloudConfig.HostKeyPair[]]@($hostKey)
# With ssh_keys given cloud-init generates no other host keys (ssh_genkeytypes: [] fails the
# schema of cloud-init 22.4, so it is not written).
$document.SshDeleteKeys = $true
$document.PackageUpdate = $true
if ($Package) { $document.Packages = [string[]]($Package -split ',') }
if ($RebootIfRequired) { $document.PackageRebootIfRequired = $true }
# The only apt source is the local (slow) repository; the image's Debian mirror line is replaced.
$document.AdditionalConfig = @{
    apt = @{
        preserve_sources_list = $false
        sources_list          = "deb [trusted=yes] http://10.0.2.2:$RepoPort/ ./`n"
    }
}

# A static address on the NIC with this MAC address (renamed eth0): qemu's user network always gives
# the guest 10.0.2.15, its gateway and host loopback at 10.0.2.2 and DNS at 10.0.2.3. No DHCP client
# is needed (forky has no isc-dhcp-client), and cloud-init's fallback config, which also asks DHCPv6
# (never answered by qemu: networking.service then waits 5 minutes), is not used.
$networkConfig = @"
version: 1
config:
  - type: physical
    name: eth0
    mac_address: "$MacAddress"
    subnets:
      - type: static
        address: 10.0.2.15/24
        gateway: 10.0.2.2
        dns_nameservers: [10.0.2.3]
"@
$seed = [AptReady.Core.CloudConfig.NoCloudSeed]::FromDocument($document, [NullString]::Value, $networkConfig, [NullString]::Value)
$seed.WriteIso($SeedPath, $true)

[pscustomobject]@{
    SeedPath           = $SeedPath
    InstanceId         = $seed.InstanceId
    HostName           = $HostName
    UserName           = $UserName
    HostKeyFingerprint = $hostKey.Fingerprint
    HostKeyPublicLine  = $hostKey.PublicKeyLine
} | ConvertTo-Json -Compress
