using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.CloudInit;
using AptReady.Core.Policies;
using AptReady.Core.Runs;

namespace AptReady.Cmdlets.CloudInit
{
    /// <summary>
    /// Waits on each host until cloud-init has finished this boot and writes one result per host:
    /// the state (Done, Degraded, Error, Disabled, NotInstalled, TimedOut), version, errors, when it
    /// finished, how long it waited and whether the host rebooted meanwhile. The wait runs on the host
    /// in one SSH command that beats about every second; a dropped connection (a reboot) is connected
    /// again and the wait goes on within the same deadline.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "CloudInit", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(CloudInitResult))]
    [OutputType(typeof(bool))]
    public sealed class WaitCloudInitCommand : RemoteHostCmdlet
    {
        /// <summary>
        /// How long to wait per host, connecting included (also connecting again after a reboot), in
        /// seconds or a TimeSpan: -Timeout 600 and -Timeout 00:10:00 are the same. Defaults to 10
        /// minutes; at most one day. Connecting is bounded by what is left of it, and by
        /// -ConnectTimeout too when that is given.
        /// </summary>
        [Parameter]
        [SecondsOrTimeSpan]
        [ValidateWait]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>Return only $true (cloud-init finished without errors: Done) or $false per host.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>
        /// Write a non-terminating error for each host whose cloud-init ended in Error, Degraded,
        /// TimedOut or NotInstalled (ids CloudInitError, CloudInitDegraded, CloudInitTimedOut,
        /// CloudInitNotInstalled) instead of its result object; the exception's Result property holds
        /// the result. Without it, the result object says the state and a script decides.
        /// </summary>
        [Parameter]
        public SwitchParameter ErrorOnFailure { get; set; }

        protected override void BeginProcessing()
        {
            // Connecting is part of the wait: the connect deadline is what -Timeout leaves, never more.
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(ConnectTimeout)) || ConnectTimeout > Timeout)
            {
                ConnectTimeout = Timeout;
            }

            base.BeginProcessing();
        }

        internal override async Task<object?> ProcessHostAsync(HostWork host, CancellationToken cancellationToken)
        {
            bool connectBoundByCaller = MyInvocation.BoundParameters.ContainsKey(nameof(ConnectTimeout));
            var wait = new CloudInitWait(host.Session, Timeout, connectBoundByCaller, StopwatchClock.Instance, new HostProgress(host, host.Host.ToString()));
            CloudInitResult result = await wait.RunAsync(cancellationToken).ConfigureAwait(false);
            if (ErrorOnFailure && IsFailure(result.State))
            {
                ErrorRecord record = AptReadyErrors.CloudInitNotReady(result);
                Post(() => WriteError(record));
                return Quiet ? (object)false : null;
            }

            return Quiet ? result.State == CloudInitState.Done : result;
        }

        private static bool IsFailure(CloudInitState state) =>
            state is CloudInitState.Error or CloudInitState.Degraded or CloudInitState.TimedOut or CloudInitState.NotInstalled;
    }
}
