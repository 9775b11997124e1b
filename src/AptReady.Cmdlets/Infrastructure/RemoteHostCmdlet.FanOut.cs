using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    // The fan-out: each host once, started under the throttle, its result or error posted to the pipeline thread.
    public abstract partial class RemoteHostCmdlet
    {
        /// <summary>
        /// A host comes once per invocation, however often the input names it: piping Test-AptLock's
        /// per-lock records (or a list with repeats) into Invoke-AptGet runs apt once per host.
        /// </summary>
        private bool IsFirstMention(object host)
        {
            if (_seen.Add(host))
            {
                return true;
            }

            WriteVerbose($"{host}: already in this command's work; the repeated input is skipped.");
            return false;
        }

        private void StartHost(object computerName, Func<IRemoteSession> resolveSession)
        {
            Interlocked.Increment(ref _running);
            int activityId = Interlocked.Increment(ref _started);
            CancellationToken token = Cancellation;
            Task.Run(async () =>
            {
                bool acquired = false;
                try
                {
                    await _throttle!.WaitAsync(token).ConfigureAwait(false);
                    acquired = true;
                    IRemoteSession session = resolveSession();
                    object traced = session is SshSession own ? own.Target : computerName;
                    FleetTrace.Mark(MyInvocation.MyCommand.Name + ".start", traced);
                    var work = new HostWork(this, session, activityId, SudoCredential?.Password);
                    object? result = await ProcessHostAsync(work, token).ConfigureAwait(false);
                    FleetTrace.Mark(MyInvocation.MyCommand.Name + ".done", traced);
                    Post(() =>
                    {
                        FleetTrace.Mark(MyInvocation.MyCommand.Name + ".written", traced);
                        if (result != null)
                        {
                            WriteObject(result, enumerateCollection: true);
                        }
                    });
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Stopping (Ctrl+C): the pipeline is ending; nothing more is written.
                }
                catch (Exception ex)
                {
                    ErrorRecord record = AptReadyErrors.ForHost(ex, computerName, ProbeOutputErrorId);
                    Post(() => WriteError(record));
                }
                finally
                {
                    if (acquired)
                    {
                        _throttle!.Release();
                    }

                    int finished = Interlocked.Increment(ref _finished);
                    Post(() => ReportOverallProgress(finished));
                    Interlocked.Decrement(ref _running);
                }
            });
        }

        private void ReportOverallProgress(int finished)
        {
            int total = Volatile.Read(ref _started);
            var record = new ProgressRecord(0, MyInvocation.MyCommand.Name, $"{finished} of {total} hosts done")
            {
                PercentComplete = total == 0 ? 0 : Math.Min(100, finished * 100 / total),
            };
            WriteProgress(record);
        }
    }
}
