#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.7.1' }

# AptReady through the real Posh-SSH module, imported before and after AptReady, each order in a fresh
# pwsh (Scripts/PoshSshScenario.ps1). Posh-SSH comes from ../shared/posh-ssh/Posh-SSH beside the project
# (or APTREADY_POSHSSH), else an installed one; without either the tests are skipped with that reason.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Scripts/PoshSsh.psm1') -Force
    $reason = ''
    $poshSshPath = Find-PoshSshModule -Reason ([ref]$reason)
    $orders = @(
        @{ Order = 'PoshSshFirst'; PoshSshPath = $poshSshPath; SkipReason = $reason }
        @{ Order = 'AptReadyFirst'; PoshSshPath = $poshSshPath; SkipReason = $reason }
    )
    $states = @(
        @{ State = 'Removed'; Id = 'SessionRemoved' }
        @{ State = 'Disconnected'; Id = 'SessionDisconnected' }
        @{ State = 'Disposed'; Id = 'SessionDisposed' }
        @{ State = 'Sftp'; Id = 'SessionIsSftp' }
        @{ State = 'WrongShape'; Id = 'SessionNotRecognized' }
    )
}

BeforeAll {
    Import-Module $env:APTREADY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestTargets.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/CloudInitStages.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Scripts/PoshSsh.psm1') -Force
}

Describe 'Real Posh-SSH sessions (<Order>)' -ForEach $orders -Tag 'PoshSsh', 'Session', 'Integration' {
    BeforeAll {
        if (-not $PoshSshPath) { return }
        $target = Start-TestTarget -Suite bookworm
        # The final stage is held by its runcmd until the scenario releases it: progress seen before the
        # release was provably seen while cloud-init (and the remote wait) still ran.
        Set-CloudInitSeed $target -UserData 'runcmd:', '  - [sh, -c, "while [ ! -e /run/aptready-release ]; do sleep 0.2; done"]'
        Invoke-CloudInitStage $target -Stage local, init, config | Out-Null
        Start-CloudInitFinalStage $target
        $hostKey = Get-PoshSshHostKey $target
        $json = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Scripts/PoshSshScenario.ps1') `
            -ModulePath $env:APTREADY_MODULE -PoshSshPath $PoshSshPath -Order $Order -TargetJson ($target | ConvertTo-Json -Compress) 2>&1
        $run = ($json | Out-String) | ConvertFrom-Json -ErrorAction SilentlyContinue
        if (-not $run) { throw "The scenario printed no JSON: $($json | Out-String)" }
    }
    AfterAll {
        $target | Stop-TestTarget
    }
    BeforeEach {
        if (-not $PoshSshPath) { Set-ItResult -Skipped -Because $SkipReason }
    }

    It 'loads Posh-SSH''s SSH.NET 2024.0.0 beside AptReady''s own, each in its load context' {
        ($run.SshNetVersions | Where-Object Version -like '2024.0.*').Context | Should -Be 'Default'
        ($run.SshNetVersions | Where-Object Version -like '2026.*').Context | Should -Not -Be 'Default'
    }

    It 'shows Wait-CloudInit''s progress live through a Posh-SSH session (before the remote command ends)' {
        $run.LiveSawThreeBeats | Should -BeTrue -Because 'three heartbeats of the running final stage arrived while it was held'
        $run.LiveProgressBeforeRelease | Should -BeGreaterOrEqual 3
        $run.LiveCompletedBeforeRelease | Should -BeFalse
        $run.LiveEndedWithin120s | Should -BeTrue
        $run.LiveState | Should -Be 'Done'
        $run.LiveSessionId | Should -Be 0
        $run.LiveErrors | Should -BeNullOrEmpty
    }

    It 'shows Invoke-AptGet''s lock sightings live through a Posh-SSH session (before the lock is freed)' {
        $run.AptSightedBeforeRelease | Should -BeGreaterThan 0
        $run.AptCompletedBeforeRelease | Should -BeFalse
        $run.AptEndedWithin120s | Should -BeTrue
        $run.Apt.Succeeded | Should -BeTrue
        $run.Apt.SessionId | Should -Be 0
        $run.Apt.Sightings | Should -BeGreaterThan 0
    }

    It 'stops on Ctrl+C and ends the remote wait script' {
        $run.StopSawProgress | Should -BeTrue
        $run.WaitScriptsBeforeStop | Should -BeGreaterThan 0
        $run.StoppedWithin10s | Should -BeTrue
        $run.StopState | Should -Be 'Stopped'
        $run.WaitScriptsAfterStop | Should -Be 0
    }

    It 'leads the next cmdlet of a pipeline to the same session, with no key given' {
        $run.Chain.Ids | Should -BeNullOrEmpty
        $run.Chain.Succeeded | Should -BeTrue
        $run.Chain.SessionId | Should -Be 1
    }

    It 'takes -Session (Get-SSHSession) and names each result''s SessionId' {
        $run.AllSessions.Ids | Should -BeNullOrEmpty
        $run.AllSessions.SessionIds | Should -Be $run.SessionIds
        $run.AllSessions.Count | Should -Be (5 * $run.SessionIds.Count)
    }

    It 'shows the session id beside the host in the default table' {
        $run.StillLive.Table | Should -Match '127\.0\.0\.1:\d+ \(session 0\)'
    }

    It 'takes -SessionId 0,1 from Posh-SSH''s own session list' {
        $run.ById.Ids | Should -BeNullOrEmpty
        $run.ById.SessionIds | Should -Be @(0, 1)
        $run.ById.Count | Should -Be 10
    }

    It 'says SessionIdNotFound for an unknown id, and PoshSshNotLoaded where Posh-SSH is not imported' {
        $run.UnknownId | Should -Be 'SessionIdNotFound'
        $run.NotLoaded | Should -Be 'PoshSshNotLoaded'
    }

    It 'gives a <State> session <Id> in all four cmdlets' -ForEach $states {
        foreach ($cmdlet in 'Test-AptLock', 'Wait-CloudInit', 'Invoke-AptGet', 'New-CloudConfig') {
            $run.States.$State.$cmdlet | Should -Be $Id -Because "$cmdlet writes one error record with that id"
        }
    }

    It 'names a removed session as removed, by object and by id' {
        $run.RemovedMessage | Should -Match 'Posh-SSH session 1 .*removed \(Remove-SSHSession\)'
        $run.RemovedById | Should -Be 'SessionIdNotFound'
    }

    It 'lets no reflection exception reach the user' {
        $run.ExceptionTypes | Should -Be 'AptReady.Core.Remote.RemoteSessionException'
        $run.InnerExceptionTypes | Should -Not -Contain 'System.Reflection.TargetInvocationException'
    }

    It 'connects on its own to the same host before and after Posh-SSH sessions were used and removed' {
        $run.OwnBefore.Ids | Should -BeNullOrEmpty
        $run.OwnBefore.Count | Should -Be 5
        $run.OwnBefore.SessionIds | Should -BeNullOrEmpty
        $run.StillLive.Ids | Should -BeNullOrEmpty
        $run.StillLive.SessionIds | Should -Be 0
        $run.OwnWhileLive.Ids | Should -BeNullOrEmpty -Because 'credentials of its own get AptReady''s connection while a Posh-SSH session to the host is open'
        $run.OwnWhileLive.Count | Should -Be 5
        $run.OwnWhileLive.SessionIds | Should -BeNullOrEmpty
        $run.OwnAfter.Ids | Should -BeNullOrEmpty
        $run.OwnAfter.Count | Should -Be 5
        $run.OwnAfter.SessionIds | Should -BeNullOrEmpty
    }

    It 'names the closed session and goes on with its own pooled connection when no key is given' {
        $run.NoKeyAfterRemoval.Warnings | Should -Match 'Posh-SSH session 0 .*cannot run commands any more \(SessionDisposed\)'
        $run.NoKeyAfterRemoval.Ids | Should -BeNullOrEmpty
        $run.NoKeyAfterRemoval.Count | Should -Be 5
        $run.NoKeyAfterRemoval.SessionIds | Should -BeNullOrEmpty
    }
}
