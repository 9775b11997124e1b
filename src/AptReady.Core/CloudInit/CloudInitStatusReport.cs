using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// The output of <c>cloud-init status --format json</c>, of every version that has it:
    /// 22.4.2 (status "not run", no extended_status, no recoverable_errors, a "schemas" copy) and
    /// 25.1.4 (status "not started", extended_status such as "degraded done" or "error - running",
    /// recoverable_errors, the per-stage objects of status.json at the top level). 26.2 prints exactly the
    /// 25.1.4 shape: the same keys, status values, boot_status_code values and exit codes (0, 1, 2).
    /// </summary>
    public sealed class CloudInitStatusReport
    {
        private static readonly string[] KnownStatuses = { "not run", "not started", "running", "done", "error", "disabled" };

        private CloudInitStatusReport(
            string status,
            string? extendedStatus,
            string? bootStatusCode,
            string? datasource,
            string? detail,
            string? lastUpdate,
            string? currentStage,
            IReadOnlyList<CloudInitStage> stages,
            IReadOnlyList<CloudInitStageError> errors,
            IReadOnlyList<CloudInitStageError> recoverableErrors)
        {
            Status = status;
            ExtendedStatus = extendedStatus;
            BootStatusCode = bootStatusCode;
            Datasource = datasource;
            Detail = detail;
            LastUpdate = lastUpdate;
            CurrentStage = currentStage;
            Stages = stages;
            Errors = errors;
            RecoverableErrors = recoverableErrors;
        }

        /// <summary>not run / not started, running, done, error, disabled.</summary>
        public string Status { get; }

        /// <summary>25.x only: "done", "degraded done", "error - done", "error - running", …</summary>
        public string? ExtendedStatus { get; }

        /// <summary>enabled-by-generator, disabled-by-marker-file, enabled-by-sysvinit, …</summary>
        public string? BootStatusCode { get; }

        /// <summary>The short datasource name ("nocloud"); null when none was found yet.</summary>
        public string? Datasource { get; }

        public string? Detail { get; }

        /// <summary>As printed; 25.1.4 and 26.2 print uptime as a 1970 date here ("Thu, 01 Jan 1970 00:07:58 +0000").</summary>
        public string? LastUpdate { get; }

        /// <summary>25.x only: the stage running now.</summary>
        public string? CurrentStage { get; }

        /// <summary>25.x only: the per-stage objects; empty on 22.x.</summary>
        public IReadOnlyList<CloudInitStage> Stages { get; }

        /// <summary>Errors, with their stage where the per-stage objects name it (25.x).</summary>
        public IReadOnlyList<CloudInitStageError> Errors { get; }

        /// <summary>Recoverable errors (25.x), with their stage where the per-stage objects name it.</summary>
        public IReadOnlyList<CloudInitStageError> RecoverableErrors { get; }

        /// <summary>
        /// The one classification from this report alone. Exit codes are not used (Ubuntu 22.04
        /// patches 2 back to 0). "error - running" is Error here; the probe keeps waiting on it.
        /// </summary>
        public CloudInitState State
        {
            get
            {
                switch (Status)
                {
                    case "disabled":
                        return CloudInitState.Disabled;
                    case "error":
                        return CloudInitState.Error;
                    case "done":
                        if (Errors.Count > 0)
                        {
                            return CloudInitState.Error;
                        }

                        return RecoverableErrors.Count > 0 || IsDegraded ? CloudInitState.Degraded : CloudInitState.Done;
                    default:
                        return CloudInitState.Running;
                }
            }
        }

        /// <summary>25.x said "degraded …" in extended_status.</summary>
        public bool IsDegraded => ExtendedStatus != null && ExtendedStatus.StartsWith("degraded", StringComparison.Ordinal);

        /// <summary>Parses the CLI's JSON; throws <see cref="ProbeOutputException"/> quoting it when it is garbled.</summary>
        public static CloudInitStatusReport Parse(string json)
        {
            using var document = CloudInitJson.Load(json, "The output of 'cloud-init status --format json'");
            var root = document.RootElement;
            string? status = CloudInitJson.String(root, "status");
            if (status == null || Array.IndexOf(KnownStatuses, status) < 0)
            {
                throw new ProbeOutputException($"'cloud-init status --format json' printed no known status ('{status}').", json);
            }

            var stages = CloudInitJson.Stages(root);
            var errors = AttachStages(CloudInitJson.Errors(root, null), stages.SelectMany(s => s.Errors));
            var recoverable = AttachStages(CloudInitJson.RecoverableErrors(root, null), stages.SelectMany(s => s.RecoverableErrors));
            string? datasource = CloudInitJson.String(root, "datasource");
            return new CloudInitStatusReport(
                status,
                CloudInitJson.String(root, "extended_status"),
                CloudInitJson.String(root, "boot_status_code"),
                string.IsNullOrEmpty(datasource) ? null : datasource,
                CloudInitJson.String(root, "detail"),
                NullIfEmpty(CloudInitJson.String(root, "last_update")),
                CloudInitJson.String(root, "stage"),
                stages,
                errors,
                recoverable);
        }

        // The top-level lists repeat the stages' entries without the stage: use the staged entry where one matches.
        private static List<CloudInitStageError> AttachStages(List<CloudInitStageError> flat, IEnumerable<CloudInitStageError> staged)
        {
            var pool = staged.ToList();
            var result = new List<CloudInitStageError>(flat.Count);
            foreach (var error in flat)
            {
                int match = pool.FindIndex(s => s.Message == error.Message && (error.Level == null || s.Level == error.Level));
                if (match >= 0)
                {
                    result.Add(pool[match]);
                    pool.RemoveAt(match);
                }
                else
                {
                    result.Add(error);
                }
            }

            return result;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
