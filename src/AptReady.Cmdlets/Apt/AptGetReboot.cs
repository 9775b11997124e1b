using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.Apt;
using AptReady.Core.Policies;
using AptReady.Core.Reboot;
using AptReady.Core.Runs;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Apt
{
    /// <summary>
    /// What Invoke-AptGet does on one host after a successful run: read whether the host asks for a
    /// reboot and, under -Reboot, reboot it and wait until it is ready again (the core's HostReboot).
    /// </summary>
    internal static class AptGetReboot
    {
        public static async Task<AptGetResult> AfterAsync(HostWork host, AptGetResult result, RebootMode mode, bool approved, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (result.CommandLine.Simulate || !result.Succeeded)
            {
                return result;
            }

            try
            {
                RemoteCommandResult probe = await host.Session.RunAsync(RebootScripts.RebootRequiredProbe(), cancellationToken).ConfigureAwait(false);
                result = result.WithRebootRequirement(RebootRequirement.Parse(probe.Output));
                host.WriteVerbose(result.RebootRequirement!.ToString() + ".");
            }
            catch (ProbeOutputException ex)
            {
                host.WriteVerbose($"Could not read whether the host asks for a reboot ({ex.Message}).");
            }

            if (mode == RebootMode.None || (mode == RebootMode.IfRequired && !result.RebootRequired))
            {
                return result;
            }

            if (!approved)
            {
                host.WriteVerbose("The reboot was declined; the host keeps running.");
                return result;
            }

            try
            {
                if (!(host.Session is SshSession own))
                {
                    throw new RebootException(RebootFailure.Unsupported,
                        $"{host.Host}: AptReady cannot connect a caller's session again after a reboot; give -ComputerName (with the same login) to reboot it.");
                }

                var reboot = new HostReboot(own, own.EnsureConnectedAsync, StopwatchClock.Instance, (span, token) => Task.Delay(span, token),
                    status => host.WriteProgress(new ProgressRecord(host.ActivityId, $"Reboot of {host.Host}", status) { ParentActivityId = 0 }))
                {
                    Elevation = AptGetRun.ElevationFor(host.SudoPassword != null, host.Host.UserName),
                    SudoInput = host.SudoStandardInput,
                };
                host.WriteVerbose($"Rebooting ({(mode == RebootMode.Always ? "-Reboot Always" : result.RebootRequirement!.ToString())}); waiting up to {timeout} for it to be ready again.");
                RebootOutcome outcome = await reboot.RunAsync(timeout, cancellationToken).ConfigureAwait(false);
                host.WriteVerbose($"Back in boot {outcome.BootId} after {outcome.Duration.TotalSeconds:0.0} s; cloud-init {outcome.CloudInit}, apt's locks free.");
                return result.WithReboot(outcome);
            }
            catch (Exception ex) when (ex is RebootException || ex is RemoteSessionException)
            {
                // apt's work is done whatever became of the reboot: its result is written before the reboot's error.
                host.WriteObject(result);
                throw;
            }
            finally
            {
                host.WriteProgress(new ProgressRecord(host.ActivityId, $"Reboot of {host.Host}", "Done") { ParentActivityId = 0, RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
