using System;
using System.Collections.Generic;
using System.Globalization;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>Reads the tagged output of <see cref="AptGetScript"/> (whole, or line by line as it streams).</summary>
    public static class AptGetOutputParser
    {
        /// <summary>
        /// Parses a whole run. <paramref name="locks"/> must be the list the script was built with
        /// (<see cref="AptGetCommand.LocksToWaitFor"/>): 'held' lines name locks by index into it.
        /// </summary>
        public static AptGetTranscript Parse(string output, IReadOnlyList<AptLockFile> locks)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            var transcript = new AptGetTranscript();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var current = new List<LockHolderSighting>();
            bool headerSeen = false;
            bool freed = false;
            bool ran = false;
            foreach (string raw in output.Replace("\r\n", "\n").Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (!headerSeen)
                {
                    if (line == AptGetScript.Header)
                    {
                        headerSeen = true;
                    }
                    else if (line.Length > 0)
                    {
                        transcript.OtherLines.Add(line);
                    }

                    continue;
                }

                string tag = ProbeLine.FirstWord(line, out string rest);
                switch (tag)
                {
                    case "held":
                        {
                            var sighting = ParseHeld(rest, locks, line);
                            current.Add(sighting);
                            if (seen.Add(sighting.LockFile.Path + "\n" + sighting.Holder.Pid.ToString(CultureInfo.InvariantCulture)))
                            {
                                transcript.LockHolders.Add(sighting);
                            }

                            break;
                        }

                    case "free":
                        freed = true;
                        transcript.LockWait = Centiseconds(rest, line);
                        break;
                    case "timeout":
                        transcript.LockWait = Centiseconds(rest, line);
                        transcript.Outcome = AptGetScriptOutcome.LockTimeout;

                        // The describe pass just before 'timeout' is the last state seen.
                        transcript.HoldersAtTimeout.AddRange(LastPass(current));
                        break;
                    case "locks-unreadable":
                        transcript.Outcome = AptGetScriptOutcome.LocksUnreadable;
                        break;
                    case "dpkg-interrupted":
                        transcript.InterruptedDpkgUpdate = rest;
                        transcript.Outcome = AptGetScriptOutcome.DpkgInterrupted;
                        break;
                    case "run":
                        ran = true;
                        break;
                    case "out":
                    case "err":
                        AddAptLine(transcript, rest);
                        break;
                    case "status":
                        if (AptStatusLine.TryParse(rest, out var status) && status != null)
                        {
                            transcript.Status.Add(status);
                            if (status.Kind == AptStatusKind.PackageError)
                            {
                                transcript.PackageErrors.Add(status);
                            }
                        }

                        break;
                    case "apt-exit":
                        if (!int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new ProbeOutputException("The apt-get run's 'apt-exit' line is garbled.", line);
                        }

                        transcript.AptExitCode = code;
                        transcript.Outcome = AptGetScriptOutcome.Ran;
                        break;
                    default:
                        if (line.Length > 0)
                        {
                            transcript.OtherLines.Add(line);
                        }

                        break;
                }
            }

            if (!headerSeen)
            {
                throw new ProbeOutputException("The apt-get script did not start with its header; the remote shell may print a banner or be no POSIX sh.", output);
            }

            if (freed && !ran && transcript.Outcome == AptGetScriptOutcome.Incomplete)
            {
                transcript.Outcome = AptGetScriptOutcome.ElevationFailed;
            }

            return transcript;
        }

        /// <summary>
        /// Reads one streamed 'held' line (for progress while the script still runs); false for any other line.
        /// </summary>
        public static bool TryParseHeldLine(string line, IReadOnlyList<AptLockFile> locks, out LockHolderSighting? sighting)
        {
            sighting = null;
            if (line is null || locks is null || !line.StartsWith("held ", StringComparison.Ordinal))
            {
                return false;
            }

            try
            {
                sighting = ParseHeld(line.Substring(5), locks, line);
                return true;
            }
            catch (ProbeOutputException)
            {
                return false;
            }
        }

        /// <summary>
        /// Classifies one of apt's own lines (untagged) into the transcript. Progress lines ("Reading package
        /// lists...", apt 3.3's new "Solving dependencies...") are kept as output and nothing more.
        /// </summary>
        internal static void AddAptLine(AptGetTranscript transcript, string text)
        {
            string line = text.TrimEnd('\r');
            transcript.AptOutput.Add(line);
            if (line.StartsWith("E: ", StringComparison.Ordinal))
            {
                transcript.Errors.Add(line.Substring(3));
            }
            else if (line.StartsWith("W: ", StringComparison.Ordinal))
            {
                transcript.Warnings.Add(line.Substring(3));
            }
            else if (AptSummary.TryParse(line, out var summary))
            {
                // apt-get -s upgrade prints the count line twice; the counts are the same.
                transcript.Summary ??= summary;
            }
            else if (AptPackageChange.TryParse(line, out var change) && change != null)
            {
                transcript.Changes.Add(change);
            }
        }

        private static IEnumerable<LockHolderSighting> LastPass(List<LockHolderSighting> all)
        {
            // A describe pass prints each held lock once; the last pass is the tail with distinct locks.
            var tail = new List<LockHolderSighting>();
            var locks = new HashSet<string>(StringComparer.Ordinal);
            for (int i = all.Count - 1; i >= 0; i--)
            {
                string key = all[i].LockFile.Path + "\n" + all[i].Holder.Pid.ToString(CultureInfo.InvariantCulture);
                if (!locks.Add(key))
                {
                    break;
                }

                tail.Insert(0, all[i]);
            }

            return tail;
        }

        // held INDEX PID CGROUP COMM
        private static LockHolderSighting ParseHeld(string rest, IReadOnlyList<AptLockFile> locks, string line)
        {
            string[] f = rest.Split(new[] { ' ' }, 4);
            if (f.Length < 4
                || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                || index >= locks.Count
                || !int.TryParse(f[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int pid))
            {
                throw new ProbeOutputException("A 'held' line of the apt-get script is garbled.", line);
            }

            string? unit = f[2] == "-" ? null : SystemdUnit.FromCgroup("0::" + f[2]);
            string? comm = f[3] == "?" || f[3].Length == 0 ? null : f[3];
            return new LockHolderSighting(locks[index], new LockHolder(pid, comm, null, unit, null));
        }

        private static TimeSpan Centiseconds(string text, string line)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long cs))
            {
                throw new ProbeOutputException("A wait line of the apt-get script is garbled.", line);
            }

            return TimeSpan.FromMilliseconds(cs * 10);
        }

    }
}
