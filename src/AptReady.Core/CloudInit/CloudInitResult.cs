using System;
using System.Collections.Generic;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>What Wait-CloudInit writes for one host: whether cloud-init finished this boot, and how.</summary>
    public sealed class CloudInitResult
    {
        public CloudInitResult(
            RemoteHost host,
            CloudInitState state,
            string? version,
            string? datasource,
            string? bootStatusCode,
            IReadOnlyList<CloudInitStageError> errors,
            IReadOnlyList<CloudInitStageError> recoverableErrors,
            TimeSpan? finishedAtUptime,
            DateTimeOffset? finishedAt,
            string? lastStage,
            string detail,
            string? bootId,
            DateTimeOffset? bootTime,
            bool staleBootFinished,
            bool remoteDeadlinePassed,
            string rawOutput,
            TimeSpan waited = default,
            bool rebootDetected = false)
        {
            Host = host ?? throw new ArgumentNullException(nameof(host));
            State = state;
            Version = version;
            Datasource = datasource;
            BootStatusCode = bootStatusCode;
            Errors = errors;
            RecoverableErrors = recoverableErrors;
            FinishedAtUptime = finishedAtUptime;
            FinishedAt = finishedAt;
            LastStage = lastStage;
            Detail = detail;
            BootId = bootId;
            BootTime = bootTime;
            StaleBootFinished = staleBootFinished;
            RemoteDeadlinePassed = remoteDeadlinePassed;
            RawOutput = rawOutput;
            Waited = waited;
            RebootDetected = rebootDetected;
        }

        /// <summary>The host, port and user this result is about.</summary>
        public RemoteHost Host { get; }

        /// <summary>The host as the caller named it; with Port and UserName it binds the next cmdlet of a pipeline to the same pooled connection.</summary>
        public string ComputerName => Host.ComputerName;

        public int Port => Host.Port;

        public string UserName => Host.UserName;

        /// <summary>The Posh-SSH session id the result came through; null on AptReady's own connection.</summary>
        public int? SessionId => Host.SessionId;

        public CloudInitState State { get; }

        /// <summary>cloud-init's version ("22.4.2", "25.1.4", "26.2": not always three parts); null when not installed.</summary>
        public string? Version { get; }

        /// <summary>The short datasource name ("nocloud"), once cloud-init found one.</summary>
        public string? Datasource { get; }

        /// <summary>cloud-init's boot status code (enabled-by-generator, disabled-by-marker-file, …) where known.</summary>
        public string? BootStatusCode { get; }

        public IReadOnlyList<CloudInitStageError> Errors { get; }

        /// <summary>Recoverable errors (warnings, deprecated keys): 25.x only, they make the result Degraded.</summary>
        public IReadOnlyList<CloudInitStageError> RecoverableErrors { get; }

        /// <summary>The uptime when the final stage ended this boot; null when it has not (or cannot be known).</summary>
        public TimeSpan? FinishedAtUptime { get; }

        /// <summary>The wall-clock time the final stage ended this boot, where it can be known.</summary>
        public DateTimeOffset? FinishedAt { get; }

        /// <summary>How long the caller waited; set by the caller.</summary>
        public TimeSpan Waited { get; }

        /// <summary>The host rebooted while the caller waited (its boot id changed); set by the caller.</summary>
        public bool RebootDetected { get; }

        /// <summary>The stage running now, else the last that started (init-local … modules-final).</summary>
        public string? LastStage { get; }

        /// <summary>One line for humans: the first error, what disabled it, the stage it is in, …</summary>
        public string Detail { get; }

        /// <summary>/proc/sys/kernel/random/boot_id: changes with every boot, so a caller can see a reboot.</summary>
        public string? BootId { get; }

        public DateTimeOffset? BootTime { get; }

        /// <summary>A boot-finished file from an earlier boot was there and was not believed.</summary>
        public bool StaleBootFinished { get; }

        /// <summary>The remote script stopped at its deadline with cloud-init still running.</summary>
        public bool RemoteDeadlinePassed { get; }

        /// <summary>Everything the script printed, for diagnosis.</summary>
        public string RawOutput { get; }

        /// <summary>Whether cloud-init has finished this boot (or will never run), so provisioning may go on.</summary>
        public bool IsFinished => State is CloudInitState.Done or CloudInitState.Degraded or CloudInitState.Error;

        /// <summary>
        /// A copy with the caller's facts: how long it waited, whether it saw a reboot, and whether its
        /// deadline passed (which turns a Running result into TimedOut).
        /// </summary>
        public CloudInitResult WithWait(TimeSpan waited, bool rebootDetected, bool deadlinePassed)
        {
            var state = deadlinePassed && State == CloudInitState.Running ? CloudInitState.TimedOut : State;
            return new CloudInitResult(
                Host, state, Version, Datasource, BootStatusCode, Errors, RecoverableErrors,
                FinishedAtUptime, FinishedAt, LastStage, Detail, BootId, BootTime, StaleBootFinished,
                RemoteDeadlinePassed, RawOutput, waited, rebootDetected);
        }

        /// <summary>
        /// A result for a wait that ended without the wait script's facts: the deadline passed while the
        /// host was unreachable (TimedOut), or what it printed could not be read (Error, quoting it).
        /// </summary>
        public static CloudInitResult WithoutFacts(
            RemoteHost host,
            CloudInitState state,
            string detail,
            string? lastStage,
            string? bootId,
            string rawOutput)
        {
            var errors = state == CloudInitState.Error
                ? new[] { new CloudInitStageError(null, detail) }
                : Array.Empty<CloudInitStageError>();
            return new CloudInitResult(
                host, state, null, null, null, errors, Array.Empty<CloudInitStageError>(), null, null,
                lastStage, detail, bootId, null, false, false, rawOutput);
        }

        public override string ToString() => $"{ComputerName}: {State} ({Detail})";
    }
}
