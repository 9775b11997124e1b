using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core;
using AptReady.Core.Apt;
using AptReady.Core.Policies;
using AptReady.Core.Runs;
using AptReady.Core.Reboot;

namespace AptReady.Cmdlets.Apt
{
    /// <summary>
    /// Runs apt-get on each host as root: waits for exactly the locks the command takes (naming
    /// their holder), retries only on contention within -LockTimeout (a lock held by another process,
    /// or apt's package cache rebuilt by another apt beside this one, which apt does under no lock),
    /// and returns one AptGetResult per host.
    /// </summary>
    /// <remarks>
    /// ConfirmImpact is Medium, the impact of Install, Upgrade, Autoremove and Clean. Remove, Purge
    /// and DistUpgrade (which may remove packages) ask again through ShouldContinue, bypassed by
    /// -Force or -Confirm:$false: the pattern of Microsoft's own cmdlets and the Az modules for
    /// operations more dangerous than the cmdlet's declared impact. Declaring High instead would
    /// make every Install prompt under the default $ConfirmPreference.
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "AptGet", DefaultParameterSetName = SessionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AptGetResult))]
    public sealed class InvokeAptGetCommand : RemoteHostCmdlet
    {
        private readonly ConcurrentDictionary<int, string> _aptRunningOn = new ConcurrentDictionary<int, string>();
        private AptGetCommand? _command;
        private bool _yesToAll;
        private bool _noToAll;
        private readonly ConcurrentDictionary<string, bool> _rebootDeclined = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The apt-get operation: Update, Upgrade, DistUpgrade, Install, Remove, Purge, Autoremove or Clean.</summary>
        // A string, not AptGetVerb: a value-type field from AptReady.Core would make PowerShell load the
        // core while it lists the module's types, before the module's loader is installed.
        [Parameter(Mandatory = true)]
        [ValidateSet("Update", "Upgrade", "DistUpgrade", "Install", "Remove", "Purge", "Autoremove", "Clean")]
        public string Command { get; set; } = string.Empty;

        private AptGetVerb Verb => (AptGetVerb)Enum.Parse(typeof(AptGetVerb), Command, ignoreCase: true);

        /// <summary>
        /// The packages for Install, Remove and Purge: name, name:arch, name=version or name/release,
        /// checked against Debian's package-name rules before any host is contacted.
        /// </summary>
        [Parameter]
        [Alias("Name")]
        [ValidateNotNullOrEmpty]
        [ValidatePackageSpec]
        public string[]? Package { get; set; }

        /// <summary>
        /// How long to wait, in all, for apt's and dpkg's locks to come free, in seconds or a TimeSpan:
        /// -LockTimeout 300 and -LockTimeout 00:05:00 are the same. Defaults to 10 minutes; at most one
        /// day. The holder is named when it runs out.
        /// </summary>
        [Parameter]
        [SecondsOrTimeSpan]
        [ValidateWait]
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Run apt-get -s: report what would change, change nothing (not for Update).</summary>
        [Parameter]
        public SwitchParameter Simulate { get; set; }

        /// <summary>When an earlier dpkg was interrupted, run 'dpkg --configure -a' first instead of failing with DpkgInterrupted.</summary>
        [Parameter]
        public SwitchParameter RepairInterruptedDpkg { get; set; }

        /// <summary>Run Remove, Purge and DistUpgrade, and -Reboot, without the extra confirmation they ask for.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// After a successful run, reboot the host: IfRequired when it asks for it (/run/reboot-required
        /// exists, or a kernel newer than the running one is installed in /boot; see RebootRequired),
        /// Always after every successful run. AptReady runs 'systemctl reboot' as root through the same
        /// sudo as apt-get, waits for a new boot id, connects again with the same host-key checks, waits
        /// until cloud-init of the new boot has settled and apt's locks are free, and returns the result
        /// with Rebooted and RebootDuration. The reboot is confirmed separately, as a high-impact
        /// operation (-Force or -Confirm:$false skip the question). Failures: RebootNotPermitted (sudo
        /// refused), RebootFailed, RebootTimedOut, RebootUnsupported (a Posh-SSH session) or the host
        /// key's own error (HostKeyMismatch); the apt result is written first. Not with -Simulate.
        /// </summary>
        [Parameter]
        [ValidateSet("None", "IfRequired", "Always")]
        public string Reboot { get; set; } = "None";

        private RebootMode RebootMode => (RebootMode)Enum.Parse(typeof(RebootMode), Reboot, ignoreCase: true);

        /// <summary>
        /// How long a reboot may take in all, from asking for it to the host being ready again, in
        /// seconds or a TimeSpan: -RebootTimeout 600 and -RebootTimeout 00:10:00 are the same. Defaults to
        /// 10 minutes; at most one day.
        /// </summary>
        [Parameter]
        [SecondsOrTimeSpan]
        [ValidateWait]
        public TimeSpan RebootTimeout { get; set; } = TimeSpan.FromMinutes(10);

        private bool HighImpact => Verb is AptGetVerb.Remove or AptGetVerb.Purge or AptGetVerb.DistUpgrade;

        protected override void BeginProcessing()
        {
            try
            {
                _command = new AptGetCommand(Verb, Package ?? Array.Empty<string>(), Simulate);
                _ = AptGetScript.Build(_command, LockTimeout);
            }
            catch (InvalidInputException ex)
            {
                ThrowTerminatingError(AptReadyErrors.InvalidInput(ex, Command));
            }
            catch (ArgumentException ex)
            {
                string id = Verb.RequiresPackages() && (Package == null || Package.Length == 0) ? ErrorIds.PackageRequired
                    : ErrorIds.PackageNotAccepted;
                ThrowTerminatingError(AptReadyErrors.Create(new ArgumentException(ex.Message.Split('\n')[0].Replace(" (Parameter 'packages')", string.Empty), ex), id, Command));
            }

            if (Simulate && RebootMode != RebootMode.None)
            {
                ThrowTerminatingError(AptReadyErrors.Create(new ArgumentException("-Reboot cannot be combined with -Simulate: a simulated run changes nothing that needs a reboot."), ErrorIds.RebootWithSimulate, Reboot));
            }

            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            try
            {
                base.ProcessRecord();
            }
            catch (PipelineStoppedException)
            {
                WarnAptGoesOn();
                throw;
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                base.EndProcessing();
            }
            catch (PipelineStoppedException)
            {
                WarnAptGoesOn();
                throw;
            }
        }

        internal override bool ShouldStartHost(object target)
        {
            string action = Simulate ? _command + " (simulated)" : _command!.ToString();
            if (!ShouldProcess(target.ToString(), action))
            {
                // -WhatIf says what the reboot would do too, as an operation of its own.
                if (RebootMode != RebootMode.None && MyInvocation.BoundParameters.ContainsKey("WhatIf"))
                {
                    ShouldReboot(target);
                }

                return false;
            }

            if (RebootMode != RebootMode.None && !ShouldReboot(target))
            {
                _rebootDeclined[target.ToString()] = true;
            }

            // High impact: ask again unless told not to, or unless ShouldProcess has just asked
            // ($ConfirmPreference Medium or lower, or -Confirm).
            if (!HighImpact || Simulate || Force || MyInvocation.BoundParameters.ContainsKey("Confirm"))
            {
                return true;
            }

            object? preference = GetVariableValue("ConfirmPreference");
            if (!(preference is ConfirmImpact confirm) || confirm != ConfirmImpact.High)
            {
                return true;
            }

            return ShouldContinue(
                $"{_command} on {target} may remove packages. Run it?",
                "Confirm a high-impact apt-get operation",
                ref _yesToAll,
                ref _noToAll);
        }

        internal override async Task<object?> ProcessHostAsync(HostWork host, CancellationToken cancellationToken)
        {
            var progress = new HostProgress(host, $"{_command} on {host.Host}", running =>
            {
                if (running)
                {
                    _aptRunningOn[host.ActivityId] = host.Host.ToString();
                }
                else
                {
                    _aptRunningOn.TryRemove(host.ActivityId, out _);
                }
            });
            RootElevation elevation = AptGetRun.ElevationFor(host.SudoPassword != null, host.Host.UserName);
            var run = new AptGetRun(host.Session, _command!, LockTimeout, RepairInterruptedDpkg, elevation, host.SudoStandardInput, StopwatchClock.Instance, progress);
            AptGetResult result = await run.RunAsync(cancellationToken).ConfigureAwait(false);
            bool declined = _rebootDeclined.ContainsKey(host.ComputerName);
            return await AptGetReboot.AfterAsync(host, result, RebootMode, !declined, RebootTimeout, cancellationToken).ConfigureAwait(false);
        }

        internal override string? ProbeOutputErrorId => ErrorIds.AptGetOutputUnreadable;

        // The reboot's own confirmation, at high impact: ShouldProcess, then ShouldContinue where the
        // default $ConfirmPreference (High) would not have asked, unless -Force or -Confirm decided.
        private bool ShouldReboot(object target)
        {
            string when = RebootMode == RebootMode.Always ? "after " + _command : "after " + _command + " if the host asks for it";
            if (!ShouldProcess(target.ToString(), "Reboot (systemctl reboot) " + when))
            {
                return false;
            }

            if (Force || MyInvocation.BoundParameters.ContainsKey("Confirm") || !(GetVariableValue("ConfirmPreference") is ConfirmImpact confirm) || confirm != ConfirmImpact.High)
            {
                return true;
            }

            return ShouldContinue($"Reboot {target} {when}?", "Confirm a reboot", ref _yesToAll, ref _noToAll);
        }

        // The pipeline is stopping: its streams are closed, so the host's UI is the only way left to say it.
        private void WarnAptGoesOn()
        {
            foreach (string host in _aptRunningOn.Values.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    Host?.UI?.WriteWarningLine($"{host}: stopped waiting, but {_command} goes on running on the host; dpkg is not interrupted. Check its outcome with Test-AptLock or run Invoke-AptGet again.");
                }
                catch (Exception)
                {
                    // A host without a UI: nothing more can be said.
                }
            }
        }
    }
}
