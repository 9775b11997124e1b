using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core;
using AptReady.Core.Apt;
using AptReady.Core.Locks;
using AptReady.Core.Policies;
using AptReady.Core.Remote;

namespace AptReady.Cmdlets.Apt
{
    /// <summary>
    /// Invoke-AptGet's attempts on one host: run the one-exec script (wait for the verb's locks, then
    /// apt-get as root), probe the locks right after an apt failure, retry only on contention.
    /// </summary>
    internal sealed class AptGetAttempts
    {
        private readonly HostWork _host;
        private readonly AptGetCommand _command;
        private readonly TimeSpan _lockTimeout;
        private readonly bool _repair;
        private readonly Action<bool> _aptRunning;
        private readonly string _activity;

        public AptGetAttempts(HostWork host, AptGetCommand command, TimeSpan lockTimeout, bool repair, Action<bool> aptRunning)
        {
            _host = host;
            _command = command;
            _lockTimeout = lockTimeout;
            _repair = repair;
            _aptRunning = aptRunning;
            _activity = $"{command} on {host.Host}";
        }

        private RootElevation Elevation =>
            _host.SudoPassword != null ? RootElevation.SudoPasswordOnStdin
            : string.Equals(_host.Host.UserName, "root", StringComparison.Ordinal) ? RootElevation.AlreadyRoot
            : RootElevation.SudoNonInteractive;

        public async Task<AptGetResult> RunAsync(CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            Deadline deadline = Deadline.After(_lockTimeout);
            var retry = new AptRetryPolicy(BackoffPolicy.ForLockContention(new Random(Guid.NewGuid().GetHashCode())));
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
                    AptGetResult Result(AptFailureKind kind) =>
                        new AptGetResult(_host.Host, _command, transcript, kind, sightings.ToList(), lockWait, attempt, clock.Elapsed, repaired);

                    if (failure == AptFailureKind.None)
                    {
                        _host.WriteVerbose($"{_command} succeeded after {attempt} attempt(s); waited {Seconds(lockWait)} for locks.");
                        return Result(failure);
                    }

                    if (failure == AptFailureKind.DpkgInterrupted && _repair && !repaired)
                    {
                        await RepairAsync(transcript, Result(failure), cancellationToken).ConfigureAwait(false);
                        repaired = true;
                        attempt--;
                        continue;
                    }

                    RetryDecision decision = retry.Decide(failure, attempt, deadline, previousDelay);
                    if (!decision.ShouldRetry)
                    {
                        throw Failed(failure, transcript, probe, Result(failure), decision);
                    }

                    string holders = probe == null ? "apt's own words" : string.Join(", ", probe.HeldLocks.Select(l => $"{l.Path} held by {l.Holder}"));
                    _host.WriteVerbose($"Attempt {attempt} met lock contention ({holders}); {decision}.");
                    await Task.Delay(decision.Delay, cancellationToken).ConfigureAwait(false);
                    previousDelay = decision.Delay;
                }
            }
            finally
            {
                _host.WriteProgress(new ProgressRecord(_host.ActivityId, _activity, "Done") { ParentActivityId = 0, RecordType = ProgressRecordType.Completed });
            }
        }

        private async Task<AptGetTranscript> RunScriptAsync(Deadline deadline, CancellationToken cancellationToken)
        {
            RemoteCommand script = AptGetScript.Build(_command, deadline.Remaining, Elevation);

            script.StandardInput = _host.SudoStandardInput();
            var live = new LiveRun(this);
            script.OutputLine = live.OnLine;
            _host.WriteVerbose($"Running {_command.DisplayText(deadline.RemainingWholeSeconds())} once its locks are free (waiting up to {Seconds(deadline.Remaining)}).");

            RemoteCommandResult result;
            try
            {
                result = await _host.Session.RunAsync(script, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                live.End();
                throw;
            }

            // On Ctrl+C the run stays marked running: the cmdlet warns that apt goes on on the host.
            live.End();

            AptGetTranscript transcript = AptGetOutputParser.Parse(result.Output, _command.LocksToWaitFor);
            if (transcript.Outcome == AptGetScriptOutcome.ElevationFailed || (transcript.Outcome == AptGetScriptOutcome.Incomplete && Sudo.WantsPassword(result.Error)))
            {
                if (Sudo.WantsPassword(result.Error))
                {
                    throw SudoRefused("apt-get");
                }
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
                RemoteCommandResult probe = await _host.Session.RunAsync(LockProbe.Build(locks), cancellationToken).ConfigureAwait(false);
                return LockProbeParser.Parse(_host.Host, locks, probe.Output, DateTimeOffset.Now);
            }
            catch (Exception ex) when (ex is ProbeOutputException || ex is LockProbeException)
            {
                _host.WriteVerbose($"The lock probe after apt-get's failure gave no answer ({ex.Message}); apt's own messages decide.");
                return null;
            }
        }

        // The same words for apt-get and the dpkg repair: a password was asked for, or the one given was refused.
        private RemoteSessionException SudoRefused(string program) =>
            new RemoteSessionException(_host.ComputerName, RemoteFailure.SudoPasswordRequired,
                _host.SudoPassword == null
                    ? $"{_host.Host}: sudo wants a password to run {program} as root. Give -SudoCredential, or allow {InputExcerpt.Of(_host.Host.UserName)} NOPASSWD sudo."
                    : $"{_host.Host}: sudo refused the password given with -SudoCredential to run {program} as root.");

        private async Task RepairAsync(AptGetTranscript transcript, AptGetResult failed, CancellationToken cancellationToken)
        {
            string pending = transcript.InterruptedDpkgUpdate == null ? "apt says so" : "/var/lib/dpkg/updates/" + transcript.InterruptedDpkgUpdate;
            _host.WriteVerbose($"dpkg was interrupted ({pending}); running '{DpkgRepairScript.CommandText}' as root first (-RepairInterruptedDpkg).");
            _host.WriteProgress(Progress("Repairing an interrupted dpkg: " + DpkgRepairScript.CommandText, -1));
            RemoteCommand repair = DpkgRepairScript.Build(Elevation);
            repair.StandardInput = _host.SudoStandardInput();
            repair.OutputLine = line =>
            {
                if (line == "run")
                {
                    _aptRunning(true);
                }
            };
            RemoteCommandResult result;
            try
            {
                result = await _host.Session.RunAsync(repair, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _aptRunning(false);
                throw;
            }

            _aptRunning(false);

            var lines = new List<string>();
            int? exit = DpkgRepairScript.Parse(result.Output, lines);
            if (exit == null && Sudo.WantsPassword(result.Error))
            {
                throw SudoRefused("dpkg");
            }

            if (exit != 0)
            {
                throw new AptGetException(
                    $"{_host.Host}: '{DpkgRepairScript.CommandText}' failed (exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"}):\n" + string.Join("\n", lines.Concat(new[] { result.Error.Trim() }).Where(l => l.Length > 0)),
                    failed, "DpkgRepairFailed", ErrorCategory.InvalidOperation);
            }

            _host.WriteVerbose($"'{DpkgRepairScript.CommandText}' finished; running {_command} again.");
        }

        private AptGetException Failed(AptFailureKind failure, AptGetTranscript transcript, AptLockReport? probe, AptGetResult result, RetryDecision decision)
        {
            string host = _host.Host.ToString();
            string aptLines = string.Join("\n", result.Errors.Select(e => "E: " + e));
            switch (failure)
            {
                case AptFailureKind.LockTimeout:
                    {
                        var holders = transcript.HoldersAtTimeout.Count > 0 ? transcript.HoldersAtTimeout : transcript.LockHolders;
                        string named = holders.Count == 0 ? "another process" : string.Join(", ", holders.Select(h => h.ToString()));
                        return new AptGetException(
                            $"{host}: gave up on {_command} after waiting {Seconds(transcript.LockWait)} (-LockTimeout {_lockTimeout}): {named}. AptReady never removes a lock file; wait longer or find out why the holder runs.",
                            result, "AptLockTimeout", ErrorCategory.OperationTimeout);
                    }

                case AptFailureKind.LockContention:
                    {
                        string named = probe == null || !probe.HeldLocks.Any()
                            ? (aptLines.Length > 0 ? aptLines : "another process")
                            : string.Join(", ", probe.HeldLocks.Select(l => $"{l.Path} held by {l.Holder}"));
                        return new AptGetException(
                            $"{host}: {_command} kept meeting lock contention until -LockTimeout {_lockTimeout} ran out ({decision.Reason}): {named}. AptReady never removes a lock file.",
                            result, "AptLockTimeout", ErrorCategory.OperationTimeout);
                    }

                case AptFailureKind.DpkgInterrupted:
                    {
                        string pending = transcript.InterruptedDpkgUpdate == null ? string.Empty : $" (/var/lib/dpkg/updates/{transcript.InterruptedDpkgUpdate})";
                        return new AptGetException(
                            $"{host}: dpkg was interrupted{pending}; apt refuses to work until 'dpkg --configure -a' runs. Use -RepairInterruptedDpkg to have AptReady run it first, or run 'sudo dpkg --configure -a' yourself."
                            + (aptLines.Length > 0 ? "\n" + aptLines : string.Empty),
                            result, "DpkgInterrupted", ErrorCategory.InvalidOperation);
                    }

                case AptFailureKind.LocksUnreadable:
                    return new AptGetException(
                        $"{host}: /proc/locks is not readable by {_host.Host.UserName}, so AptReady cannot tell when apt's locks are free (a hardened /proc?).",
                        result, "ProcLocksUnreadable", ErrorCategory.PermissionDenied);

                case AptFailureKind.ElevationFailed:
                    return new AptGetException(
                        $"{host}: sudo did not run apt-get as root." + (transcript.OtherLines.Count > 0 ? " " + string.Join(" ", transcript.OtherLines) : string.Empty),
                        result, "SudoFailed", ErrorCategory.PermissionDenied);

                case AptFailureKind.Incomplete:
                    return new AptGetException(
                        $"{host}: {_command} ended without a result (the connection or the remote script died)." + (transcript.OtherLines.Count > 0 ? " " + string.Join(" ", transcript.OtherLines) : string.Empty),
                        result, "AptGetIncomplete", ErrorCategory.ConnectionError);

                default:
                    return new AptGetException(
                        $"{host}: {_command} failed (exit {transcript.AptExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"})" + (aptLines.Length > 0 ? ":\n" + aptLines : "."),
                        result, "AptGetFailed", ErrorCategory.InvalidResult);
            }
        }

        private ProgressRecord Progress(string status, int percent) =>
            new ProgressRecord(_host.ActivityId, _activity, status) { ParentActivityId = 0, PercentComplete = percent };

        private static string Seconds(TimeSpan span) =>
            span == TimeSpan.MaxValue ? "no limit" : span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

        /// <summary>What one run streams: lock holders while waiting, then apt's Status-Fd progress.</summary>
        private sealed class LiveRun
        {
            private readonly AptGetAttempts _owner;
            private readonly Dictionary<string, LockHolderSighting> _held = new Dictionary<string, LockHolderSighting>(StringComparer.Ordinal);
            private bool _running;

            public LiveRun(AptGetAttempts owner)
            {
                _owner = owner;
            }

            // Called on a transport thread, one line at a time, in order.
            public void OnLine(string line)
            {
                HostWork host = _owner._host;
                if (AptGetOutputParser.TryParseHeldLine(line, _owner._command.LocksToWaitFor, out var sighting) && sighting != null)
                {
                    _held[sighting.LockFile.Path] = sighting;
                    host.WriteProgress(_owner.Progress($"waiting for {sighting}", -1));
                    return;
                }

                int space = line.IndexOf(' ');
                string tag = space < 0 ? line : line.Substring(0, space);
                string rest = space < 0 ? string.Empty : line.Substring(space + 1);
                switch (tag)
                {
                    case "free":
                        if (_held.Count > 0)
                        {
                            double cs = double.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out double v) ? v : 0;
                            host.WriteVerbose($"Freed after {(cs / 100).ToString("0.#", CultureInfo.InvariantCulture)} s: {string.Join(", ", _held.Values.Select(s => s.ToString()))}.");
                        }

                        break;
                    case "run":
                        _running = true;
                        _owner._aptRunning(true);
                        if (_owner._command.Verb.RunsDpkg() && !_owner._command.Simulate)
                        {
                            host.WriteVerbose("apt-get runs as root in a session of its own: from now on Ctrl+C stops waiting for it but leaves apt and dpkg to finish on the host.");
                        }

                        host.WriteProgress(_owner.Progress($"running {_owner._command}", -1));
                        break;
                    case "status":
                        if (AptStatusLine.TryParse(rest, out var status) && status != null && status.Percent is double percent)
                        {
                            string what = status.Kind switch
                            {
                                AptStatusKind.Download => "downloading: " + status.Message,
                                AptStatusKind.PackageError => $"dpkg failed on {status.Subject}: {status.Message}",
                                _ => $"{status.Subject}: {status.Message}",
                            };
                            host.WriteProgress(_owner.Progress(what, (int)Math.Max(0, Math.Min(100, percent))));
                        }

                        break;
                    case "apt-exit":
                        End();
                        break;
                }
            }

            public void End()
            {
                if (_running)
                {
                    _running = false;
                    _owner._aptRunning(false);
                }
            }
        }
    }
}
