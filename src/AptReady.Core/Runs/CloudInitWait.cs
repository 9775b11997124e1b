using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.CloudInit;
using AptReady.Core.Policies;
using AptReady.Core.Remote;

namespace AptReady.Core.Runs
{
    /// <summary>
    /// One host's Wait-CloudInit: run the wait script, connect again after a drop (a reboot) and wait
    /// on within the same deadline, telling a reboot by a new boot id.
    /// </summary>
    public sealed class CloudInitWait
    {
        // The wait script gathers its facts (two cloud-init CLI runs) after its own deadline passed;
        // past this much more, the host is taken as not answering.
        internal static readonly TimeSpan FactsGrace = TimeSpan.FromSeconds(5);

        // A host that accepts and at once drops connections must not spin the loop.
        internal static readonly TimeSpan PauseAfterDrop = TimeSpan.FromMilliseconds(500);

        private readonly IRemoteSession _session;
        private readonly RemoteHost _host;
        private readonly TimeSpan _timeout;
        private readonly bool _connectTimeoutGiven;
        private readonly IMonotonicClock _clock;
        private readonly IRunProgress _progress;
        private readonly Pause _pause;
        private readonly StringBuilder _seen = new StringBuilder();
        private Deadline _deadline = null!;
        private string? _firstBootId;
        private string? _latestBootId;
        private string? _lastStage;
        private bool _everConnected;

        /// <param name="connectTimeoutGiven">
        /// The caller bounded connecting (-ConnectTimeout): a connect timeout then ends the wait, where
        /// otherwise, once the host was reached, it counts as the host still away.
        /// </param>
        public CloudInitWait(IRemoteSession session, TimeSpan timeout, bool connectTimeoutGiven, IMonotonicClock clock, IRunProgress progress, Pause? pause = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _host = RemoteHost.Of(session);
            _timeout = timeout;
            _connectTimeoutGiven = connectTimeoutGiven;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _progress = progress ?? throw new ArgumentNullException(nameof(progress));
            _pause = pause ?? Pauses.Real;
        }

        private string? LastStage => Volatile.Read(ref _lastStage);

        private string? LatestBootId => Volatile.Read(ref _latestBootId);

        private bool RebootDetected
        {
            get
            {
                string? first = Volatile.Read(ref _firstBootId);
                string? latest = LatestBootId;
                return first != null && latest != null && first != latest;
            }
        }

        /// <summary>
        /// The host's result (TimedOut when the deadline passed while it was away); a
        /// <see cref="RemoteSessionException"/> when it was never reached or cannot be used.
        /// </summary>
        public async Task<CloudInitResult> RunAsync(CancellationToken cancellationToken)
        {
            _deadline = Deadline.After(_timeout, _clock);
            CloudInitResult result = await WaitAsync(cancellationToken).ConfigureAwait(false);
            _progress.Completed(result.State.ToString());
            _progress.Verbose($"{result.State} after {result.Waited.TotalSeconds:0.0} s: {result.Detail}");
            return result;
        }

        private async Task<CloudInitResult> WaitAsync(CancellationToken cancellationToken)
        {
            int attempts = 0;
            while (true)
            {
                if (_deadline.IsExpired)
                {
                    return Unanswered();
                }

                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                try
                {
                    if (_session is IReconnectingSession own && !own.IsConnected)
                    {
                        Report(_everConnected ? "connecting again" : "connecting");
                        limit.CancelAfter(_deadline.Remaining);
                        await own.EnsureConnectedAsync(limit.Token).ConfigureAwait(false);
                        if (_deadline.IsExpired)
                        {
                            return Unanswered();
                        }
                    }

                    _everConnected = true;
                    TimeSpan remaining = _deadline.Remaining;
                    limit.CancelAfter(remaining + FactsGrace);
                    RemoteCommand command = CloudInitProbe.BuildWait(CloudInitProbe.DeadlineSeconds(remaining));
                    command.OutputLine = OnLine;
                    _progress.Verbose($"{command.Description} (attempt {++attempts}).");
                    RemoteCommandResult run = await _session.RunAsync(command, limit.Token).ConfigureAwait(false);
                    CloudInitResult parsed;
                    try
                    {
                        parsed = CloudInitProbeParser.Parse(_host, run.Output);
                    }
                    catch (ProbeOutputException) when (_session is IReconnectingSession dropped && !dropped.IsConnected)
                    {
                        // The channel closed without an error while the host went away: a drop like any other.
                        _progress.Verbose("the connection closed while waiting; connecting again.");
                        continue;
                    }
                    catch (ProbeOutputException ex)
                    {
                        string stderr = run.Error.Trim().Length > 0 ? ", stderr '" + run.Error.Trim() + "'" : string.Empty;
                        return CloudInitResult.WithoutFacts(_host, CloudInitState.Error,
                            $"The cloud-init state could not be read (exit status {run.ExitStatus?.ToString() ?? "none"}{stderr}): {ex.Message}",
                            LastStage, LatestBootId, run.Output);
                    }

                    SawBootId(parsed.BootId);
                    bool deadlinePassed = parsed.RemoteDeadlinePassed || _deadline.IsExpired;
                    return parsed.WithWait(_deadline.ElapsedSinceStart, RebootDetected, deadlinePassed);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The deadline, not Ctrl+C.
                    return Unanswered();
                }
                catch (RemoteSessionException ex) when (ex.Failure == RemoteFailure.ConnectionLost
                    || (ex.Failure == RemoteFailure.ConnectTimedOut && !_connectTimeoutGiven && _everConnected))
                {
                    // A reboot (or a blip): the pooled session connects again on the next command.
                    _progress.Verbose($"{ex.Message} Waiting on, within the same deadline.");
                    Report("connection lost; connecting again");
                    TimeSpan pause = _deadline.Remaining < PauseAfterDrop ? _deadline.Remaining : PauseAfterDrop;
                    if (pause > TimeSpan.Zero)
                    {
                        await _pause(pause, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        /// <summary>Each output line as it arrives (a transport thread): boot id and heartbeats.</summary>
        private void OnLine(string line)
        {
            if (line.StartsWith("boot-id ", StringComparison.Ordinal))
            {
                string? id = CloudInitProbeParser.BootIdOf(line);
                if (id != null && LatestBootId != null && id != LatestBootId)
                {
                    _progress.Verbose($"the boot id changed ({LatestBootId} → {id}): the host rebooted.");
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

        private void SawBootId(string? id)
        {
            if (id == null)
            {
                return;
            }

            Interlocked.CompareExchange(ref _firstBootId, id, null);
            Volatile.Write(ref _latestBootId, id);
        }

        private void Report(string status) => _progress.Status(status, -1, _deadline.Remaining);

        /// <summary>
        /// The deadline passed while the host was away or silent: TimedOut, with what was seen. A host
        /// never reached at all is a connection error, not a cloud-init state.
        /// </summary>
        private CloudInitResult Unanswered()
        {
            if (!_everConnected)
            {
                throw new RemoteSessionException(_host.ComputerName, RemoteFailure.ConnectTimedOut,
                    $"{_host}: no SSH connection within -Timeout {_timeout}.");
            }

            string seen;
            lock (_seen)
            {
                seen = _seen.ToString();
            }

            string detail = $"no answer from the wait script within {_timeout} (the host went away and did not come back in time)";
            return CloudInitResult.WithoutFacts(_host, CloudInitState.TimedOut, detail, LastStage, LatestBootId, seen)
                .WithWait(_deadline.ElapsedSinceStart, RebootDetected, deadlinePassed: true);
        }
    }
}
