using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Apt;
using AptReady.Core.Locks;
using AptReady.Core.Policies;
using AptReady.Core.Remote;

namespace AptReady.Core.Runs
{
    /// <summary>
    /// Invoke-AptGet's attempts on one host: run the one-exec script (wait for the verb's locks, then
    /// apt-get as root), probe the locks right after an apt failure, retry only on contention within
    /// the lock deadline, and repair an interrupted dpkg once when asked to.
    /// </summary>
    public sealed class AptGetRun
    {
        private readonly IRemoteSession _session;
        private readonly RemoteHost _host;
        private readonly AptGetCommand _command;
        private readonly TimeSpan _lockTimeout;
        private readonly bool _repair;
        private readonly RootElevation _elevation;
        private readonly Func<byte[]?> _sudoInput;
        private readonly IMonotonicClock _clock;
        private readonly IAptGetProgress _progress;
        private readonly AptRetryPolicy _retry;
        private readonly Pause _pause;

        /// <param name="sudoInput">The bytes for a sudo -S command's standard input, made afresh for each command (null without a password).</param>
        public AptGetRun(
            IRemoteSession session,
            AptGetCommand command,
            TimeSpan lockTimeout,
            bool repairInterruptedDpkg,
            RootElevation elevation,
            Func<byte[]?> sudoInput,
            IMonotonicClock clock,
            IAptGetProgress progress,
            Random? random = null,
            Pause? pause = null)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _host = RemoteHost.Of(session);
            _command = command ?? throw new ArgumentNullException(nameof(command));
            _lockTimeout = lockTimeout;
            _repair = repairInterruptedDpkg;
            _elevation = elevation;
            _sudoInput = sudoInput ?? throw new ArgumentNullException(nameof(sudoInput));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _progress = progress ?? throw new ArgumentNullException(nameof(progress));
            _retry = new AptRetryPolicy(BackoffPolicy.ForLockContention(random ?? new Random(Guid.NewGuid().GetHashCode())));
            _pause = pause ?? Pauses.Real;
        }

        /// <summary>How apt-get becomes root: sudo -S with a password, nothing for root, else sudo -n.</summary>
        public static RootElevation ElevationFor(bool hasSudoPassword, string userName) =>
            hasSudoPassword ? RootElevation.SudoPasswordOnStdin
            : string.Equals(userName, "root", StringComparison.Ordinal) ? RootElevation.AlreadyRoot
            : RootElevation.SudoNonInteractive;

        /// <summary>The result of the run that succeeded, or an <see cref="AptGetRunException"/> (a <see cref="RemoteSessionException"/> when sudo wants a password).</summary>
        public async Task<AptGetResult> RunAsync(CancellationToken cancellationToken)
        {
            Deadline deadline = Deadline.After(_lockTimeout, _clock);
            var sightings = new List<LockHolderSighting>();
            TimeSpan lockWait = TimeSpan.Zero;
            TimeSpan previousDelay = TimeSpan.Zero;
            bool repaired = false;
            int attempt = 0;
            try
            {
                while (true)
                {
                    attempt++;
                    AptGetTranscript transcript = await RunScriptAsync(deadline, cancellationToken).ConfigureAwait(false);
                    lockWait += transcript.LockWait;
                    sightings.AddRange(transcript.LockHolders);

                    AptLockReport? probe = null;
                    if (transcript.Outcome == AptGetScriptOutcome.Ran && transcript.AptExitCode == AptFailureClassifier.AptErrorExitCode)
                    {
                        probe = await ProbeLocksAsync(cancellationToken).ConfigureAwait(false);
                    }

                    AptFailureKind failure = AptFailureClassifier.Classify(_command, transcript, probe);
                    var result = new AptGetResult(_host, _command, transcript, failure, sightings.ToList(), lockWait, attempt, deadline.ElapsedSinceStart, repaired);
                    if (failure == AptFailureKind.None)
                    {
                        _progress.Verbose($"{_command} succeeded after {attempt} attempt(s); waited {AptGetRunException.Seconds(lockWait)} for locks.");
                        return result;
                    }

                    if (failure == AptFailureKind.DpkgInterrupted && _repair && !repaired)
                    {
                        await RepairAsync(transcript, result, cancellationToken).ConfigureAwait(false);
                        repaired = true;
                        attempt--;
                        continue;
                    }

                    RetryDecision decision = _retry.Decide(failure, attempt, deadline, previousDelay);
                    if (!decision.ShouldRetry)
                    {
                        throw AptGetRunException.For(failure, result, probe, _lockTimeout, decision);
                    }

                    string holders = probe == null ? "apt's own words" : AptGetRunException.HeldLocks(probe);
                    _progress.Verbose($"Attempt {attempt} met lock contention ({holders}); {decision}.");
                    await _pause(decision.Delay, cancellationToken).ConfigureAwait(false);
                    previousDelay = decision.Delay;
                }
            }
            finally
            {
                _progress.Completed("Done");
            }
        }

        private async Task<AptGetTranscript> RunScriptAsync(Deadline deadline, CancellationToken cancellationToken)
        {
            RemoteCommand script = AptGetScript.Build(_command, deadline.Remaining, _elevation);
            script.StandardInput = _sudoInput();
            var live = new LiveRun(this);
            script.OutputLine = live.OnLine;
            _progress.Verbose($"Running {_command.DisplayText(deadline.RemainingWholeSeconds())} once its locks are free (waiting up to {AptGetRunException.Seconds(deadline.Remaining)}).");

            RemoteCommandResult result;
            try
            {
                result = await _session.RunAsync(script, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                live.End();
                throw;
            }

            // On Ctrl+C the run stays marked running: the cmdlet warns that apt goes on on the host.
            live.End();

            AptGetTranscript transcript = AptGetOutputParser.Parse(result.Output, _command.LocksToWaitFor);
            bool noAnswer = transcript.Outcome == AptGetScriptOutcome.ElevationFailed || transcript.Outcome == AptGetScriptOutcome.Incomplete;
            if (noAnswer && Sudo.WantsPassword(result.Error))
            {
                throw SudoRefused("apt-get");
            }

            if (transcript.Outcome == AptGetScriptOutcome.Incomplete && result.Error.Trim().Length > 0)
            {
                transcript.OtherLines.Add(result.Error.Trim());
            }

            return transcript;
        }

        private async Task<AptLockReport?> ProbeLocksAsync(CancellationToken cancellationToken)
        {
            try
            {
                IReadOnlyList<AptLockFile> locks = _command.LocksToWaitFor;
                RemoteCommandResult probe = await _session.RunAsync(LockProbe.Build(locks), cancellationToken).ConfigureAwait(false);
                return LockProbeParser.Parse(_host, locks, probe.Output, DateTimeOffset.Now);
            }
            catch (Exception ex) when (ex is ProbeOutputException || ex is LockProbeException)
            {
                _progress.Verbose($"The lock probe after apt-get's failure gave no answer ({ex.Message}); apt's own messages decide.");
                return null;
            }
        }

        // The same words for apt-get and the dpkg repair: a password was asked for, or the one given was refused.
        private RemoteSessionException SudoRefused(string program) =>
            new RemoteSessionException(_host.ComputerName, RemoteFailure.SudoPasswordRequired,
                _elevation != RootElevation.SudoPasswordOnStdin
                    ? $"{_host}: sudo wants a password to run {program} as root. Give -SudoCredential, or allow {InputExcerpt.Of(_host.UserName)} NOPASSWD sudo."
                    : $"{_host}: sudo refused the password given with -SudoCredential to run {program} as root.");

        private async Task RepairAsync(AptGetTranscript transcript, AptGetResult failed, CancellationToken cancellationToken)
        {
            string pending = transcript.InterruptedDpkgUpdate == null ? "apt says so" : "/var/lib/dpkg/updates/" + transcript.InterruptedDpkgUpdate;
            _progress.Verbose($"dpkg was interrupted ({pending}); running '{DpkgRepairScript.CommandText}' as root first (-RepairInterruptedDpkg).");
            _progress.Status("Repairing an interrupted dpkg: " + DpkgRepairScript.CommandText, -1, null);
            RemoteCommand repair = DpkgRepairScript.Build(_elevation);
            repair.StandardInput = _sudoInput();
            repair.OutputLine = line =>
            {
                if (line == "run")
                {
                    _progress.AptRunning(true);
                }
            };
            RemoteCommandResult result;
            try
            {
                result = await _session.RunAsync(repair, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _progress.AptRunning(false);
                throw;
            }

            _progress.AptRunning(false);

            var lines = new List<string>();
            int? exit = DpkgRepairScript.Parse(result.Output, lines);
            if (exit == null && Sudo.WantsPassword(result.Error))
            {
                throw SudoRefused("dpkg");
            }

            if (exit != 0)
            {
                throw new AptGetRunException(
                    $"{_host}: '{DpkgRepairScript.CommandText}' failed (exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"}):\n" + string.Join("\n", lines.Concat(new[] { result.Error.Trim() }).Where(l => l.Length > 0)),
                    failed, AptGetFailureReason.DpkgRepairFailed);
            }

            _progress.Verbose($"'{DpkgRepairScript.CommandText}' finished; running {_command} again.");
        }

        /// <summary>What one run streams: lock holders while waiting, then apt's Status-Fd progress.</summary>
        private sealed class LiveRun
        {
            private readonly AptGetRun _owner;
            private readonly Dictionary<string, LockHolderSighting> _held = new Dictionary<string, LockHolderSighting>(StringComparer.Ordinal);
            private bool _running;

            public LiveRun(AptGetRun owner)
            {
                _owner = owner;
            }

            // Called on a transport thread, one line at a time, in order.
            public void OnLine(string text)
            {
                IAptGetProgress progress = _owner._progress;
                AptGetStreamLine line = AptGetStreamLine.Read(text, _owner._command.LocksToWaitFor);
                switch (line.Kind)
                {
                    case AptGetStreamKind.Held:
                        _held[line.Sighting!.LockFile.Path] = line.Sighting;
                        progress.Status($"waiting for {line.Sighting}", -1, null);
                        break;
                    case AptGetStreamKind.Free when _held.Count > 0:
                        progress.Verbose($"Freed after {line.Waited.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s: {string.Join(", ", _held.Values.Select(s => s.ToString()))}.");
                        break;
                    case AptGetStreamKind.Run:
                        _running = true;
                        progress.AptRunning(true);
                        if (_owner._command.Verb.RunsDpkg() && !_owner._command.Simulate)
                        {
                            progress.Verbose("apt-get runs as root in a session of its own: from now on Ctrl+C stops waiting for it but leaves apt and dpkg to finish on the host.");
                        }

                        progress.Status($"running {_owner._command}", -1, null);
                        break;
                    case AptGetStreamKind.Status when line.StatusLine!.Percent is double percent:
                        AptStatusLine status = line.StatusLine;
                        string what = status.Kind switch
                        {
                            AptStatusKind.Download => "downloading: " + status.Message,
                            AptStatusKind.PackageError => $"dpkg failed on {status.Subject}: {status.Message}",
                            _ => $"{status.Subject}: {status.Message}",
                        };
                        progress.Status(what, (int)Math.Max(0, Math.Min(100, percent)), null);
                        break;
                    case AptGetStreamKind.AptExit:
                        End();
                        break;
                }
            }

            public void End()
            {
                if (_running)
                {
                    _running = false;
                    _owner._progress.AptRunning(false);
                }
            }
        }
    }
}
