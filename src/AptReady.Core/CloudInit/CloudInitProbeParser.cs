using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// Turns the output of <see cref="CloudInitProbe"/> into a <see cref="CloudInitResult"/>.
    /// </summary>
    /// <remarks>
    /// Garbled output throws <see cref="ProbeOutputException"/> (quoting what was read) rather than
    /// yielding a result with state Error: Error means "cloud-init reported errors", and a host whose
    /// state could not be read must not look like one whose cloud-init failed (nor like Done).
    /// That covers a missing header, a missing 'end' (the connection dropped mid-output), an unknown
    /// phase, and a status.json or result.json that is not cloud-init's JSON. The CLI's own output is
    /// only a second source: if it is unreadable the files decide, and Detail says so.
    /// Classification does not trust exit codes (Ubuntu 22.04 patches 2 back to 0) nor the CLI's
    /// "disabled", which 22.4.2, 25.1.4 and 26.2 all print when the marker file appeared after cloud-init ran.
    /// </remarks>
    public static class CloudInitProbeParser
    {
        public static CloudInitResult Parse(RemoteHost host, string output)
        {
            var facts = CloudInitProbeFacts.Read(output);
            long? btime = facts.BootTime;

            CloudInitStatusFile? statusFile = facts.StatusJson == null ? null : CloudInitStatusFile.Parse(facts.StatusJson);
            CloudInitResultFile? resultFile = facts.ResultJson == null ? null : CloudInitResultFile.Parse(facts.ResultJson);
            CloudInitStatusReport? report = null;
            var notes = new List<string>();
            if (!string.IsNullOrWhiteSpace(facts.CliStatusJson))
            {
                try
                {
                    report = CloudInitStatusReport.Parse(facts.CliStatusJson!);
                }
                catch (ProbeOutputException)
                {
                    notes.Add("'cloud-init status --format json' printed something unreadable; the status files decide");
                }
            }

            BootFinishedStamp? stamp = null;
            bool bootFinishedFresh = false;
            bool staleBootFinished = false;
            if (facts.BootFinishedText != null && BootFinishedStamp.TryParse(facts.BootFinishedText, out var parsedStamp))
            {
                stamp = parsedStamp;
            }

            if (facts.BootFinishedText != null)
            {
                bootFinishedFresh = facts.BootFinishedMtime is long m && btime is long b && m >= b;
                staleBootFinished = !bootFinishedFresh;
                if (staleBootFinished)
                {
                    notes.Add("a boot-finished file from an earlier boot was ignored");
                }
            }

            var errors = Merge(statusFile?.Errors, resultFile?.Errors, report?.Errors);
            if (facts.Phase == "failed")
            {
                // Seen by the script through systemd; cloud-init itself never wrote result.json.
                errors = Merge(errors, new[] { new CloudInitStageError("modules-final", FinalUnitFailed) });
            }

            var recoverable = Merge(statusFile?.RecoverableErrors, resultFile?.RecoverableErrors, report?.RecoverableErrors);

            CloudInitState state;
            switch (facts.Phase)
            {
                case "not-installed":
                    state = CloudInitState.NotInstalled;
                    break;
                case "disabled":
                    state = CloudInitState.Disabled;
                    break;
                case "running":
                case "not-started":
                    state = CloudInitState.Running;
                    break;
                case "failed":
                    state = CloudInitState.Error;
                    break;
                default: // done: the phase was checked in Read
                    state = errors.Count > 0 ? CloudInitState.Error
                        : recoverable.Count > 0 || report?.IsDegraded == true ? CloudInitState.Degraded
                        : CloudInitState.Done;
                    break;
            }

            string? version = VersionFrom(facts.VersionText) ?? (bootFinishedFresh ? stamp?.Version : null);
            string? datasource = report?.Datasource
                ?? CloudInitJson.ShortDatasource(statusFile?.Datasource)
                ?? CloudInitJson.ShortDatasource(resultFile?.Datasource);
            string? bootStatusCode = report?.BootStatusCode;
            if (facts.DisabledBy != null && (bootStatusCode == null || bootStatusCode.StartsWith("enabled", StringComparison.Ordinal)))
            {
                // Without systemd the CLI prints enabled-by-sysvinit even beside the marker file (seen on
                // 25.1.4 in a container): the script's own finding decides.
                bootStatusCode = BootStatusCodeFor(facts.DisabledBy);
            }

            string? lastStage = statusFile?.LastStage ?? report?.CurrentStage ?? report?.Stages.LastOrDefault(s => s.HasStarted)?.Name;

            TimeSpan? finishedAtUptime = null;
            DateTimeOffset? finishedAt = null;
            if (facts.Phase is "done" or "failed")
            {
                FinishTime(statusFile, stamp, bootFinishedFresh, facts.ResultMtime, btime, out finishedAtUptime, out finishedAt);
            }

            if (facts.Phase == "done" && facts.DisabledBy != null)
            {
                notes.Add($"cloud-init ran this boot but is now disabled for later boots ({facts.DisabledBy})");
            }

            string detail = Describe(state, facts, errors, recoverable, lastStage, datasource);
            if (notes.Count > 0)
            {
                detail += "; " + string.Join("; ", notes);
            }

            return new CloudInitResult(
                host,
                state,
                version,
                datasource,
                bootStatusCode,
                errors,
                recoverable,
                finishedAtUptime,
                finishedAt,
                lastStage,
                detail,
                facts.BootId,
                btime is long bt ? DateTimeOffset.FromUnixTimeSeconds(bt) : null,
                staleBootFinished,
                facts.Outcome == "deadline",
                output);
        }

        internal const string FinalUnitFailed = "cloud-final.service failed before cloud-init wrote /run/cloud-init/result.json";

        /// <summary>
        /// The boot id from a possibly partial output (the script prints it first), so a caller whose
        /// connection dropped mid-wait can tell a reboot from a network blip. Null if not printed yet.
        /// </summary>
        public static string? BootIdOf(string output)
        {
            foreach (string line in CloudInitProbeFacts.Lines(output))
            {
                if (line.StartsWith("boot-id ", StringComparison.Ordinal))
                {
                    string id = line.Substring("boot-id ".Length).Trim();
                    return id.Length == 0 ? null : id;
                }
            }

            return null;
        }

        /// <summary>The heartbeats in a (possibly partial) output, in order.</summary>
        public static IReadOnlyList<CloudInitHeartbeat> Heartbeats(string output) =>
            CloudInitProbeFacts.Lines(output)
                .Select(l => CloudInitHeartbeat.TryParse(l, out var hb) ? hb : null)
                .Where(hb => hb != null)
                .Select(hb => hb!)
                .ToList();

        private static void FinishTime(
            CloudInitStatusFile? statusFile,
            BootFinishedStamp? stamp,
            bool bootFinishedFresh,
            long? resultMtime,
            long? btime,
            out TimeSpan? uptime,
            out DateTimeOffset? wallClock)
        {
            uptime = null;
            wallClock = null;
            if (statusFile?.Stage("modules-final")?.Finished is double finished)
            {
                uptime = CloudInitTime.ToUptime(finished, btime);
                wallClock = CloudInitTime.ToWallClock(finished, btime);
            }

            if (bootFinishedFresh && stamp != null)
            {
                uptime ??= stamp.Uptime;
                wallClock ??= stamp.Timestamp;
            }

            if (resultMtime is long mtime)
            {
                wallClock ??= DateTimeOffset.FromUnixTimeSeconds(mtime);
                if (btime is long b && mtime >= b)
                {
                    uptime ??= TimeSpan.FromSeconds(mtime - b);
                }
            }
        }

        private static string Describe(
            CloudInitState state,
            CloudInitProbeFacts facts,
            IReadOnlyList<CloudInitStageError> errors,
            IReadOnlyList<CloudInitStageError> recoverable,
            string? lastStage,
            string? datasource)
        {
            string more(int count) => count > 1 ? $" (and {count - 1} more)" : string.Empty;
            switch (state)
            {
                case CloudInitState.NotInstalled:
                    return "cloud-init is not installed (no cloud-init on PATH nor in /usr/bin)";
                case CloudInitState.Disabled:
                    return facts.DisabledBy switch
                    {
                        "marker-file" => "cloud-init is disabled by /etc/cloud/cloud-init.disabled",
                        "kernel-cmdline" => "cloud-init is disabled by cloud-init=disabled on the kernel command line",
                        "generator" => "cloud-init is disabled by its systemd generator (/run/cloud-init/disabled)",
                        _ => "cloud-init is disabled",
                    };
                case CloudInitState.Running:
                    string running = facts.Phase == "not-started"
                        ? "cloud-init has not started this boot yet"
                        : lastStage == null ? "cloud-init is running" : $"cloud-init is running (stage {lastStage})";
                    return errors.Count > 0 ? running + ", with errors so far: " + errors[0] + more(errors.Count) : running;
                case CloudInitState.Error:
                    return errors[0] + more(errors.Count);
                case CloudInitState.Degraded:
                    return recoverable.Count > 0
                        ? "finished with recoverable errors: " + recoverable[0] + more(recoverable.Count)
                        : "finished degraded";
                default:
                    return datasource == null ? "cloud-init finished this boot" : $"cloud-init finished this boot (datasource {datasource})";
            }
        }

        // Errors appear in several sources (status.json per stage, result.json flat, the CLI): keep the
        // first, most specific, copy of each message.
        private static IReadOnlyList<CloudInitStageError> Merge(params IEnumerable<CloudInitStageError>?[] sources)
        {
            var merged = new List<CloudInitStageError>();
            foreach (var source in sources)
            {
                if (source == null)
                {
                    continue;
                }

                foreach (var error in source)
                {
                    if (!merged.Any(e => e.Message == error.Message && e.Level == error.Level))
                    {
                        merged.Add(error);
                    }
                }
            }

            return merged;
        }

        // "/usr/bin/cloud-init 22.4.2" → "22.4.2"; 26.2 has no patch number: "/usr/bin/cloud-init 26.2" → "26.2".
        private static string? VersionFrom(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            foreach (string word in Enumerable.Reverse(text!.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries)))
            {
                if (char.IsDigit(word[0]) && word.IndexOf('.') > 0)
                {
                    return word;
                }
            }

            return null;
        }

        private static string? BootStatusCodeFor(string? disabledBy) => disabledBy switch
        {
            "marker-file" => "disabled-by-marker-file",
            "kernel-cmdline" => "disabled-by-kernel-command-line",
            "generator" => "disabled-by-generator",
            _ => null,
        };
    }
}
