using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.Locks
{
    /// <summary>Turns the output of <see cref="LockProbe"/> into an <see cref="AptLockReport"/>.</summary>
    public static class LockProbeParser
    {
        public static AptLockReport Parse(RemoteHost host, IReadOnlyList<AptLockFile> locks, string output, DateTimeOffset checkedAt)
        {
            var files = new Dictionary<string, (ulong Device, ulong Inode)?>(StringComparer.Ordinal);
            var entries = new List<ProcLocksEntry>();
            var processes = new Dictionary<int, ProcessFacts>();
            var pendingUpdates = new List<string>();
            bool? locksReadable = null;
            bool ended = false;
            double? uptime = null;
            long clockTicks = 100;

            string[] lines = output.Replace("\r\n", "\n").Split('\n');
            if (lines.Length == 0 || lines[0] != LockProbe.Header)
            {
                throw new ProbeOutputException("The lock probe did not start with its header; the remote shell may print a banner or be no POSIX sh.", output);
            }

            foreach (string line in lines.Skip(1))
            {
                string tag = ProbeLine.FirstWord(line, out string rest);
                switch (tag)
                {
                    case "file":
                    case "missing":
                        {
                            // file DEV INODE INDEX, missing - - INDEX: INDEX is the lock's place in the list.
                            string[] f = rest.Split(' ');
                            if (f.Length != 3 || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= locks.Count)
                            {
                                throw new ProbeOutputException($"A '{tag}' line of the lock probe is garbled.", line);
                            }

                            if (tag == "missing")
                            {
                                files[locks[index].Path] = null;
                            }
                            else if (ulong.TryParse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong dev)
                                && ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong ino))
                            {
                                files[locks[index].Path] = (dev, ino);
                            }
                            else
                            {
                                throw new ProbeOutputException("A 'file' line of the lock probe is garbled.", line);
                            }

                            break;
                        }

                    case "locks-readable":
                        locksReadable = true;
                        break;
                    case "locks-unreadable":
                        locksReadable = false;
                        break;
                    case "lock":
                        if (ProcLocksEntry.TryParse(rest, out var entry) && entry != null)
                        {
                            entries.Add(entry);
                        }

                        break;
                    case "comm":
                    case "cmdline":
                    case "cgroup":
                    case "stat":
                        {
                            string pidText = ProbeLine.FirstWord(rest, out string value);
                            if (int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                            {
                                if (!processes.TryGetValue(pid, out var facts))
                                {
                                    facts = new ProcessFacts();
                                    processes[pid] = facts;
                                }

                                facts.Set(tag, value.Trim());
                            }

                            break;
                        }

                    case "uptime":
                        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out double up))
                        {
                            uptime = up;
                        }

                        break;
                    case "clktck":
                        if (long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) && ticks > 0)
                        {
                            clockTicks = ticks;
                        }

                        break;
                    case "dpkg-update":
                        pendingUpdates.Add(rest);
                        break;
                    case "end":
                        ended = true;
                        break;
                }
            }

            if (!ended)
            {
                throw new ProbeOutputException("The lock probe's output ended early.", output);
            }

            if (locksReadable != true)
            {
                throw new LockProbeException(host.ComputerName, "/proc/locks is not readable by the login user, so no lock can be said to be free.");
            }

            var activity = processes
                .Where(p => p.Value.Comm != null && IsPackageActivity(p.Value.Comm))
                .OrderBy(p => p.Key)
                .Select(p => Describe(p.Key, processes, uptime, clockTicks))
                .ToList();

            var statuses = new List<AptLockStatus>(locks.Count);
            foreach (var lockFile in locks)
            {
                files.TryGetValue(lockFile.Path, out var identity);
                LockHolder? holder = null;
                if (identity is { } id)
                {
                    var held = entries.FirstOrDefault(e => !e.IsWaiting && SameFile(e, id.Device, id.Inode));
                    if (held != null)
                    {
                        holder = Describe(held.Pid, processes, uptime, clockTicks);
                    }
                }

                statuses.Add(new AptLockStatus(host, lockFile, identity != null, holder, checkedAt, pendingUpdates, activity));
            }

            return new AptLockReport(host, statuses, activity, pendingUpdates, checkedAt);
        }

        /// <summary>
        /// The kernel prints a lock's device as MAJOR:MINOR; stat's %D prints glibc's encoded dev_t.
        /// Both name the same device when glibc's major/minor of the dev_t match.
        /// </summary>
        internal static bool SameFile(ProcLocksEntry entry, ulong device, ulong inode)
        {
            if (entry.Inode != inode)
            {
                return false;
            }

            ulong major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfffUL);
            ulong minor = (device & 0xff) | ((device >> 12) & ~0xffUL);
            return major == entry.DeviceMajor && minor == entry.DeviceMinor;
        }

        private static LockHolder Describe(int pid, Dictionary<int, ProcessFacts> processes, double? uptime, long clockTicks)
        {
            if (pid <= 0 || !processes.TryGetValue(pid, out var facts) || facts.Comm == null)
            {
                return new LockHolder(pid, null, null, null, null);
            }

            TimeSpan? runningFor = null;
            if (uptime is double up && facts.StartTicks is long start)
            {
                double seconds = up - ((double)start / clockTicks);
                if (seconds >= 0)
                {
                    runningFor = TimeSpan.FromSeconds(Math.Round(seconds, 2));
                }
            }

            return new LockHolder(pid, facts.Comm, facts.CommandLine, SystemdUnit.FromCgroup(facts.Cgroup), runningFor);
        }

        private static bool IsPackageActivity(string comm) =>
            comm is "cloud-init" or "apt.systemd.dai" or "unattended-upgr" or "apt-get" or "apt" or "aptitude" or "dpkg" or "packagekitd";


        private sealed class ProcessFacts
        {
            public string? Comm { get; private set; }

            public string? CommandLine { get; private set; }

            public string? Cgroup { get; private set; }

            public long? StartTicks { get; private set; }

            public void Set(string tag, string value)
            {
                switch (tag)
                {
                    case "comm":
                        Comm = value.Length == 0 ? null : value;
                        break;
                    case "cmdline":
                        CommandLine = value.Length == 0 ? null : value;
                        break;
                    case "cgroup":
                        Cgroup = value;
                        break;
                    case "stat":
                        StartTicks = StartTimeFromStat(value);
                        break;
                }
            }

            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and ')' so split after
            // the last ')'. starttime is field 22, the 20th after the comm.
            private static long? StartTimeFromStat(string stat)
            {
                int close = stat.LastIndexOf(')');
                if (close < 0)
                {
                    return null;
                }

                string[] fields = stat.Substring(close + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
                    ? ticks
                    : null;
            }
        }
    }
}
