@{
    RootModule           = 'bin/AptReady.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1d0f8e-5b4a-4d8e-9a57-3c2d7b1e9a41'
    Author               = 'AptReady contributors'
    CompanyName          = 'AptReady'
    Copyright            = '(c) AptReady contributors. MIT License.'
    Description          = 'Makes freshly provisioned Debian and Ubuntu VMs safe to provision over SSH: wait until cloud-init has really finished, see who holds apt''s locks, run apt-get that waits for every lock, and write cloud-config that does not start the race.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('AptReady.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Test-AptLock'
        'New-CloudConfig'
        'Invoke-AptGet'
        'Wait-CloudInit'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('apt', 'dpkg', 'cloud-init', 'ssh', 'debian', 'ubuntu', 'provisioning', 'Linux', 'PSEdition_Core', 'PSEdition_Desktop')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://example.invalid/aptready'
            ReleaseNotes = 'First release: Test-AptLock.'
        }
    }
}
