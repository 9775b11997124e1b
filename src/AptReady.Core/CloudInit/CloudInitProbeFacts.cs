using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// What one run of <see cref="CloudInitProbe"/> printed, read line by line: the script's phase and
    /// outcome, the boot, and the status files and CLI output, still as text. <see cref="CloudInitProbeParser"/>
    /// decides what they mean.
    /// </summary>
    internal sealed class CloudInitProbeFacts
    {
        public string? Outcome { get; set; }

        public string? Phase { get; set; }

        public string? DisabledBy { get; set; }

        public string? BootId { get; set; }

        public long? BootTime { get; set; }

        public long? BootFinishedMtime { get; set; }

        public string? BootFinishedText { get; set; }

        public long? StatusMtime { get; set; }

        public string? StatusJson { get; set; }

        public long? ResultMtime { get; set; }

        public string? ResultJson { get; set; }

        public string? VersionText { get; set; }

        public string? CliStatusJson { get; set; }

        /// <summary>Reads the probe's lines; throws <see cref="ProbeOutputException"/> when they are garbled or cut short.</summary>
        public static CloudInitProbeFacts Read(string output)
        {
            var facts = new CloudInitProbeFacts();
            var lines = Lines(output).ToList();
            int start = lines.IndexOf(CloudInitProbe.Header);
            if (start < 0)
            {
                throw new ProbeOutputException("The cloud-init probe did not print its header; the remote shell may be no POSIX sh.", output);
            }

            bool ended = false;
            foreach (string line in lines.Skip(start + 1))
            {
                string tag = ProbeLine.FirstWord(line, out string rest);
                switch (tag)
                {
                    case CloudInitHeartbeat.Tag:
                        break;
                    case "outcome":
                        facts.Outcome = ProbeLine.FirstWord(rest, out _);
                        break;
                    case "phase":
                        facts.Phase = rest.Trim();
                        break;
                    case "disabled-by":
                        facts.DisabledBy = rest.Trim();
                        break;
                    case "boot-id":
                        facts.BootId = rest.Trim().Length == 0 ? null : rest.Trim();
                        break;
                    case "btime":
                        facts.BootTime = Long(rest);
                        break;
                    case "boot-finished":
                        facts.BootFinishedMtime = Long(ProbeLine.FirstWord(rest, out string bootFinished));
                        facts.BootFinishedText = bootFinished;
                        break;
                    case "status-json":
                        facts.StatusMtime = Long(ProbeLine.FirstWord(rest, out string statusJson));
                        facts.StatusJson = statusJson;
                        break;
                    case "result-json":
                        facts.ResultMtime = Long(ProbeLine.FirstWord(rest, out string resultJson));
                        facts.ResultJson = resultJson;
                        break;
                    case "version":
                        facts.VersionText = rest;
                        break;
                    case "cli-status":
                        ProbeLine.FirstWord(rest, out string cliJson);
                        facts.CliStatusJson = cliJson;
                        break;
                    case "end":
                        ended = true;
                        break;
                }
            }

            if (!ended)
            {
                throw new ProbeOutputException("The cloud-init probe's output ended early.", output);
            }

            if (facts.Phase is not ("done" or "failed" or "running" or "not-started" or "disabled" or "not-installed"))
            {
                throw new ProbeOutputException($"The cloud-init probe printed no known phase ('{facts.Phase}').", output);
            }

            return facts;
        }

        private static long? Long(string text) =>
            long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;

        /// <summary>The output's lines, whatever its line ends.</summary>
        public static IEnumerable<string> Lines(string output) =>
            output.Replace("\r\n", "\n").Split('\n');
    }
}
