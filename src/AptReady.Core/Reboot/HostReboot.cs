using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Apt;
using AptReady.Core.CloudInit;
using AptReady.Core.Locks;
using AptReady.Core.Policies;
using AptReady.Core.Remote;

namespace AptReady.Core.Reboot
{
    /// <summary>
    /// Reboots one host and waits until it is ready again, inside one deadline: ask systemd to reboot
    /// (as root, through the apt run's elevation), wait for a new boot id (the old boot keeps
    /// answering for a moment, then the connection drops), connect again with the same host-key
    /// policy, wait until cloud-init of the new boot has settled and apt's locks are free.
    /// </summary>
    public sealed class HostReboot
    {
        /// <summary>How often the host is asked again while it is away, still in the old boot, or its locks are held.</summary>
        public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

        // One connect or boot-id read may hang while the old boot goes down; it gives up after this and tries again.
        private static readonly TimeSpan StepCap = TimeSpan.FromSeconds(30);

        // The cloud-init wait script gathers its facts after its own deadline.
        private static readonly TimeSpan FactsGrace = TimeSpan.FromSeconds(5);

        private readonly IRemoteSession _session;
        private readonly Func<CancellationToken, Task> _reconnect;
        private readonly IMonotonicClock _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _pause;
        private readonly Action<string> _progress;

        /// <param name="session">The host's session; its commands fail with ConnectionLost while the host is away.</param>
        /// <param name="reconnect">Connects the session again when it is not connected, verifying the host key as the first connection did.</param>
        /// <param name="clock">The clock the deadline runs on.</param>
        /// <param name="pause">Waits between polls (Task.Delay in real use; a manual clock's advance in tests).</param>
        /// <param name="progress">Receives what the reboot is waiting for, on the caller's threads.</param>
        public HostReboot(IRemoteSession session, Func<CancellationToken, Task> reconnect, IMonotonicClock clock, Func<TimeSpan, CancellationToken, Task> pause, Action<string> progress)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
            _reconnect = reconnect ?? throw new ArgumentNullException(nameof(reconnect));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _pause = pause ?? throw new ArgumentNullException(nameof(pause));
            _progress = progress ?? (_ => { });
        }

        /// <summary>Root elevation for 'systemctl reboot': the apt run's own.</summary>
        public RootElevation Elevation { get; set; } = RootElevation.SudoNonInteractive;

        /// <summary>What to write to the reboot command's standard input (sudo -S's password), or null.</summary>
        public Func<byte[]?> SudoInput { get; set; } = () => null;

        /// <summary>
        /// Reboots the host and returns once it is back and settled. Throws <see cref="RebootException"/>
        /// (NotPermitted, Failed, TimedOut), <see cref="RemoteSessionException"/> for a host that comes back
        /// refusing the connection for good (a changed host key), and OperationCanceledException on cancel.
        /// </summary>
        public async Task<RebootOutcome> RunAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            Deadline deadline = Deadline.After(timeout, _clock);
            TimeSpan started = _clock.Elapsed;
            string before = await BootIdAsync(cancellationToken).ConfigureAwait(false);
            string first = before;
            await AskAsync(cancellationToken).ConfigureAwait(false);
            string phase = "going down";
            _progress("rebooting: waiting for the host to go down");
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (deadline.IsExpired)
                {
                    throw TimedOut(timeout, phase);
                }

                try
                {
                    string now;
                    using (var step = Step(deadline, StepCap, cancellationToken))
                    {
                        await _reconnect(step.Token).ConfigureAwait(false);
                        now = await BootIdAsync(step.Token).ConfigureAwait(false);
                    }

                    if (now == before)
                    {
                        _progress("rebooting: still in the old boot");
                        await PauseAsync(deadline, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    phase = "back in boot " + now + ", waiting for cloud-init";
                    _progress(phase);
                    CloudInitResult cloudInit = await CloudInitAsync(deadline, cancellationToken).ConfigureAwait(false);
                    if (cloudInit.BootId != null && cloudInit.BootId != now)
                    {
                        // cloud-init's own reboot (power_state, package_reboot_if_required): wait for that boot instead.
                        before = now;
                        phase = "going down again";
                        continue;
                    }

                    if (!cloudInit.IsFinished && cloudInit.State != CloudInitState.Disabled && cloudInit.State != CloudInitState.NotInstalled)
                    {
                        throw TimedOut(timeout, phase);
                    }

                    phase = "back, waiting for apt's locks";
                    await LocksFreeAsync(deadline, timeout, cancellationToken).ConfigureAwait(false);
                    return new RebootOutcome(first, now, _clock.Elapsed - started, cloudInit.State);
                }
                catch (RemoteSessionException ex) when (IsAway(ex.Failure))
                {
                    _progress("rebooting: the host is away (" + ex.Failure + ")");
                    await PauseAsync(deadline, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A step that hung (a half-dead connection) or the deadline: the loop's check decides.
                }
            }
        }

        private static bool IsAway(RemoteFailure failure) =>
            failure is RemoteFailure.ConnectionLost or RemoteFailure.ConnectionFailed or RemoteFailure.ConnectTimedOut;

        private async Task AskAsync(CancellationToken cancellationToken)
        {
            RemoteCommand reboot = RebootScripts.Reboot(Elevation);
            reboot.StandardInput = SudoInput();
            bool elevated = false;
            reboot.OutputLine = line => elevated |= line == "root";
            RemoteCommandResult result;
            try
            {
                result = await _session.RunAsync(reboot, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteSessionException ex) when (ex.Failure == RemoteFailure.ConnectionLost)
            {
                // The reboot (or a blip) closed the connection first: the boot id tells which.
                return;
            }

            string[] lines = result.Output.Replace("\r", string.Empty).Split('\n');
            string error = result.Error.Trim();
            if (!elevated && !lines.Contains("root"))
            {
                string why = Sudo.WantsPassword(result.Error) ? "sudo wants a password (give -SudoCredential, or allow NOPASSWD)"
                    : error.Length > 0 ? error.Split('\n')[0] : "sudo refused";
                throw new RebootException(RebootFailure.NotPermitted, $"{RemoteHost.Of(_session)}: {_session.UserName} cannot reboot the host as root: {why}.");
            }

            string? exit = lines.FirstOrDefault(l => l.StartsWith("reboot-exit ", StringComparison.Ordinal));
            if (exit != null && exit != "reboot-exit 0")
            {
                throw new RebootException(RebootFailure.Failed,
                    $"{RemoteHost.Of(_session)}: 'systemctl reboot' failed ({exit.Substring(12)})" + (error.Length > 0 ? ": " + error.Split('\n')[0] : "."));
            }
        }

        private async Task<string> BootIdAsync(CancellationToken cancellationToken)
        {
            RemoteCommandResult result = await _session.RunAsync(RebootScripts.BootId(), cancellationToken).ConfigureAwait(false);
            string? id = result.Output.Replace("\r", string.Empty).Split('\n')
                .Where(l => l.StartsWith("boot-id ", StringComparison.Ordinal))
                .Select(l => l.Substring(8).Trim())
                .FirstOrDefault(l => l.Length > 0 && l != "-");
            return id ?? throw new ProbeOutputException("The host did not print its boot id.", result.Output);
        }

        private async Task<CloudInitResult> CloudInitAsync(Deadline deadline, CancellationToken cancellationToken)
        {
            using var step = Step(deadline, deadline.Remaining + FactsGrace, cancellationToken);
            RemoteCommand wait = CloudInitProbe.BuildWait(CloudInitProbe.DeadlineSeconds(deadline.Remaining));
            RemoteCommandResult run = await _session.RunAsync(wait, step.Token).ConfigureAwait(false);
            return CloudInitProbeParser.Parse(RemoteHost.Of(_session), run.Output);
        }

        private async Task LocksFreeAsync(Deadline deadline, TimeSpan timeout, CancellationToken cancellationToken)
        {
            while (true)
            {
                RemoteCommandResult run;
                using (var step = Step(deadline, StepCap, cancellationToken))
                {
                    run = await _session.RunAsync(LockProbe.Build(AptLockFile.All), step.Token).ConfigureAwait(false);
                }

                AptLockReport report = LockProbeParser.Parse(RemoteHost.Of(_session), AptLockFile.All, run.Output, DateTimeOffset.Now);
                if (report.AllFree)
                {
                    return;
                }

                string held = string.Join(", ", report.HeldLocks.Select(l => $"{l.LockFile.Path} held by {l.Holder}"));
                if (deadline.IsExpired)
                {
                    throw TimedOut(timeout, "back, but apt's locks stayed held: " + held);
                }

                _progress("back, waiting for " + held);
                await PauseAsync(deadline, cancellationToken).ConfigureAwait(false);
            }
        }

        private Task PauseAsync(Deadline deadline, CancellationToken cancellationToken)
        {
            TimeSpan left = deadline.Remaining;
            return _pause(left < Poll ? left : Poll, cancellationToken);
        }

        private static CancellationTokenSource Step(Deadline deadline, TimeSpan cap, CancellationToken cancellationToken)
        {
            var step = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            TimeSpan limit = deadline.Remaining < cap ? deadline.Remaining : cap;
            step.CancelAfter(limit > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : limit);
            return step;
        }

        private RebootException TimedOut(TimeSpan timeout, string phase) =>
            new RebootException(RebootFailure.TimedOut,
                $"{RemoteHost.Of(_session)}: not ready again within -RebootTimeout {timeout} after the reboot ({phase}).");
    }
}
