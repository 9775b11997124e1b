# The Debian generations every per-suite test runs on, with the versions each brings. Dot-source it
# in BeforeDiscovery; APTREADY_TEST_SUITES (e.g. "forky" or "bookworm,trixie") runs a part of them.
# $VmTestSuites: those the VM tests boot, narrowed further by APTREADY_VM_SUITES.
$TestSuites = @(
    # FinalStageUnit: the unit that runs cloud-init's final stage. From 25.1 every stage runs in one
    # process, cloud-init-main.service; cloud-final.service only signals it.
    @{ Suite = 'bookworm'; CloudInit = '22.4.2'; Apt = '2.6.1'; OpenSsh = '9.2'; FinalStageUnit = 'cloud-final.service' }
    @{ Suite = 'trixie'; CloudInit = '25.1.4'; Apt = '3.0.4'; OpenSsh = '10.0'; FinalStageUnit = 'cloud-init-main.service' }
    @{ Suite = 'forky'; CloudInit = '26.2'; Apt = '3.3.3'; OpenSsh = '10.6'; FinalStageUnit = 'cloud-init-main.service' }
)
if ($env:APTREADY_TEST_SUITES) {
    $TestSuites = @($TestSuites | Where-Object { $_.Suite -in ($env:APTREADY_TEST_SUITES -split ',') })
}
$VmTestSuites = $TestSuites
if ($env:APTREADY_VM_SUITES) {
    $VmTestSuites = @($TestSuites | Where-Object { $_.Suite -in ($env:APTREADY_VM_SUITES -split ',') })
}
