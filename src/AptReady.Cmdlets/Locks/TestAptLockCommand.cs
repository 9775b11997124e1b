using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core;
using AptReady.Core.Locks;
using AptReady.Core.Runs;

namespace AptReady.Cmdlets.Locks
{
    /// <summary>
    /// Tells which apt and dpkg locks are held on each host, and by which process, reading
    /// /proc/locks as the login user (no root) in one SSH command per host.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "AptLock", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(AptLockStatus))]
    [OutputType(typeof(bool))]
    public sealed class TestAptLockCommand : RemoteHostCmdlet
    {
        private IReadOnlyList<AptLockFile> _locks = AptLockFile.All;

        /// <summary>The lock files to check. Defaults to every lock apt, dpkg and unattended-upgrades take.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Path { get; set; }

        /// <summary>Return only $true (every lock free) or $false per host.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            if (Path != null)
            {
                try
                {
                    _locks = Path.Select(AptLockFile.ForPath).ToList();
                    _ = LockProbe.Build(_locks);
                }
                catch (InvalidInputException ex)
                {
                    ThrowTerminatingError(AptReadyErrors.InvalidInput(ex, null));
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(AptReadyErrors.Create(ex, ErrorIds.InvalidLockPath, null));
                }
            }

            base.BeginProcessing();
        }

        internal override async Task<object?> ProcessHostAsync(HostWork host, CancellationToken cancellationToken)
        {
            AptLockReport report = await AptLockCheck.RunAsync(host.Session, _locks, new HostProgress(host, host.Host.ToString()), cancellationToken).ConfigureAwait(false);
            if (report.DpkgInterrupted)
            {
                host.WriteWarning("dpkg was interrupted: 'sudo dpkg --configure -a' must run before apt can install anything.");
            }

            if (Quiet)
            {
                return report.AllFree && !report.DpkgInterrupted;
            }

            return report.Locks.ToArray();
        }

        internal override string? ProbeOutputErrorId => ErrorIds.LockProbeOutputUnreadable;
    }
}
