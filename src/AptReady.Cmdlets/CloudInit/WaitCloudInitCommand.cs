using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.CloudInit;
using AptReady.Core.Remote;
using AptReady.Transport;

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
        // The wait script gathers its facts (two cloud-init CLI runs) after its own deadline passed;
        // past this much more, the host is taken as not answering.
        private static readonly TimeSpan FactsGrace = TimeSpan.FromSeconds(5);

        // A host that accepts and at once drops connections must not spin the loop.
        private static readonly TimeSpan PauseAfterDrop = TimeSpan.FromMilliseconds(500);

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
            var clock = Stopwatch.StartNew();
            var wait = new HostWait(host, Timeout, clock);
            bool connectBoundByCaller = MyInvocation.BoundParameters.ContainsKey(nameof(ConnectTimeout));
            CloudInitResult result;
            while (true)
            {
                TimeSpan remaining = Timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    result = wait.Unanswered();
                    break;
                }

                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                try
                {
                    if (host.Session is SshSession own && !own.IsConnected)
                    {
                        wait.Report(wait.EverConnected ? "connecting again" : "connecting");
                        limit.CancelAfter(remaining);
                        await own.EnsureConnectedAsync(limit.Token).ConfigureAwait(false);
                        remaining = Timeout - clock.Elapsed;
                        if (remaining <= TimeSpan.Zero)
                        {
                            result = wait.Unanswered();
                            break;
                        }
                    }

                    wait.EverConnected = true;
                    limit.CancelAfter(remaining + FactsGrace);
                    RemoteCommand command = CloudInitProbe.BuildWait(CloudInitProbe.DeadlineSeconds(remaining));
                    command.OutputLine = wait.OnLine;
                    host.WriteVerbose($"{command.Description} (attempt {++wait.Attempts}).");
                    RemoteCommandResult run = await host.Session.RunAsync(command, limit.Token).ConfigureAwait(false);
                    CloudInitResult parsed;
                    try
                    {
                        parsed = CloudInitProbeParser.Parse(host.Host, run.Output);
                    }
                    catch (ProbeOutputException) when (host.Session is SshSession dropped && !dropped.IsConnected)
                    {
                        // The channel closed without an error while the host went away: a drop like any other.
                        host.WriteVerbose("the connection closed while waiting; connecting again.");
                        continue;
                    }
                    catch (ProbeOutputException ex)
                    {
                        result = CloudInitResult.WithoutFacts(host.Host, CloudInitState.Error,
                            $"The cloud-init state could not be read (exit status {run.ExitStatus?.ToString() ?? "none"}{(run.Error.Trim().Length > 0 ? ", stderr '" + run.Error.Trim() + "'" : string.Empty)}): {ex.Message}",
                            wait.LastStage, wait.LatestBootId, run.Output);
                        break;
                    }

                    wait.SawBootId(parsed.BootId);
                    bool deadlinePassed = parsed.RemoteDeadlinePassed || clock.Elapsed >= Timeout;
                    result = parsed.WithWait(clock.Elapsed, wait.RebootDetected, deadlinePassed);
                    break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The deadline, not Ctrl+C.
                    result = wait.Unanswered();
                    break;
                }
                catch (RemoteSessionException ex) when (ex.Failure == RemoteFailure.ConnectionLost
                    || (ex.Failure == RemoteFailure.ConnectTimedOut && !connectBoundByCaller && wait.EverConnected))
                {
                    // A reboot (or a blip): the pooled session connects again on the next command.
                    host.WriteVerbose($"{ex.Message} Waiting on, within the same deadline.");
                    wait.Report("connection lost; connecting again");
                    TimeSpan pause = Timeout - clock.Elapsed;
                    if (pause > PauseAfterDrop)
                    {
                        pause = PauseAfterDrop;
                    }

                    if (pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            wait.Complete(result);
            if (ErrorOnFailure && IsFailure(result.State))
            {
                ErrorRecord record = ErrorFor(result);
                Post(() => WriteError(record));
                return Quiet ? (object)false : null;
            }

            return Quiet ? result.State == CloudInitState.Done : result;
        }

        internal override ErrorRecord? ErrorFor(Exception exception, object computerName) => exception switch
        {
            CloudInitNotReadyException notReady => ErrorFor(notReady.Result),
            _ => null,
        };

        private static bool IsFailure(CloudInitState state) =>
            state is CloudInitState.Error or CloudInitState.Degraded or CloudInitState.TimedOut or CloudInitState.NotInstalled;

        private static ErrorRecord ErrorFor(CloudInitResult result)
        {
            var (id, category) = result.State switch
            {
                CloudInitState.Error => ("CloudInitError", ErrorCategory.InvalidResult),
                CloudInitState.Degraded => ("CloudInitDegraded", ErrorCategory.InvalidResult),
                CloudInitState.TimedOut => ("CloudInitTimedOut", ErrorCategory.OperationTimeout),
                CloudInitState.NotInstalled => ("CloudInitNotInstalled", ErrorCategory.NotInstalled),
                _ => ("CloudInitNotReady", ErrorCategory.NotSpecified),
            };
            return new ErrorRecord(new CloudInitNotReadyException(result), id, category, result.ComputerName);
        }

        /// <summary>One host's wait across connections: what it has seen so far, and its progress bar.</summary>
        private sealed class HostWait
        {
            private readonly HostWork _host;
            private readonly TimeSpan _timeout;
            private readonly Stopwatch _clock;
            private readonly System.Text.StringBuilder _seen = new System.Text.StringBuilder();
            private string? _firstBootId;
            private string? _latestBootId;
            private string? _lastStage;

            public HostWait(HostWork host, TimeSpan timeout, Stopwatch clock)
            {
                _host = host;
                _timeout = timeout;
                _clock = clock;
            }

            public bool EverConnected { get; set; }

            public int Attempts { get; set; }

            public string? LastStage => Volatile.Read(ref _lastStage);

            public string? LatestBootId => Volatile.Read(ref _latestBootId);

            public bool RebootDetected
            {
                get
                {
                    string? first = Volatile.Read(ref _firstBootId);
                    string? latest = LatestBootId;
                    return first != null && latest != null && first != latest;
                }
            }

            /// <summary>Each output line as it arrives (a transport thread): boot id and heartbeats.</summary>
            public void OnLine(string line)
            {
                if (line.StartsWith("boot-id ", StringComparison.Ordinal))
                {
                    string? id = CloudInitProbeParser.BootIdOf(line);
                    if (id != null && LatestBootId != null && id != LatestBootId)
                    {
                        _host.WriteVerbose($"the boot id changed ({LatestBootId} → {id}): the host rebooted.");
                    }

                    SawBootId(id);
                    return;
                }

                if (CloudInitHeartbeat.TryParse(line, out CloudInitHeartbeat? beat) && beat != null)
                {
                    lock (_seen)
                    {
                        _seen.Append(line).Append('\n');
                    }

                    if (beat.Stage != null)
                    {
                        Volatile.Write(ref _lastStage, beat.Stage);
                    }

                    Report(beat.ToString());
                }
            }

            public void SawBootId(string? id)
            {
                if (id == null)
                {
                    return;
                }

                Interlocked.CompareExchange(ref _firstBootId, id, null);
                Volatile.Write(ref _latestBootId, id);
            }

            public void Report(string status)
            {
                TimeSpan left = _timeout - _clock.Elapsed;
                var record = new ProgressRecord(_host.ActivityId, _host.Host.ToString(), status)
                {
                    ParentActivityId = 0,
                    SecondsRemaining = left > TimeSpan.Zero ? (int)left.TotalSeconds : 0,
                };
                _host.WriteProgress(record);
            }

            public void Complete(CloudInitResult result)
            {
                _host.WriteProgress(new ProgressRecord(_host.ActivityId, _host.Host.ToString(), result.State.ToString())
                {
                    ParentActivityId = 0,
                    RecordType = ProgressRecordType.Completed,
                });
                _host.WriteVerbose($"{result.State} after {result.Waited.TotalSeconds:0.0} s: {result.Detail}");
            }

            /// <summary>
            /// The deadline passed while the host was away or silent: TimedOut, with what was seen. A host
            /// never reached at all is a connection error, not a cloud-init state.
            /// </summary>
            public CloudInitResult Unanswered()
            {
                if (!EverConnected)
                {
                    throw new RemoteSessionException(_host.ComputerName, RemoteFailure.ConnectTimedOut,
                        $"{_host.Host}: no SSH connection within -Timeout {_timeout}.");
                }

                string seen;
                lock (_seen)
                {
                    seen = _seen.ToString();
                }

                string detail = $"no answer from the wait script within {_timeout} (the host went away and did not come back in time)";
                return CloudInitResult.WithoutFacts(_host.Host, CloudInitState.TimedOut, detail, LastStage, LatestBootId, seen)
                    .WithWait(_clock.Elapsed, RebootDetected, deadlinePassed: true);
            }
        }
    }
}
