using System;

namespace AptReady.Core.Locks
{
    /// <summary>A process that holds (or waits for) a lock, as seen from the login user's pid namespace.</summary>
    public sealed class LockHolder
    {
        public LockHolder(int pid, string? processName, string? commandLine, string? unit, TimeSpan? runningFor)
        {
            Pid = pid;
            ProcessName = processName;
            CommandLine = commandLine;
            Unit = unit;
            RunningFor = runningFor;
        }

        /// <summary>The pid; 0 when the holder lives in a pid namespace the reader cannot see, -1 for an open-file-description lock.</summary>
        public int Pid { get; }

        public string? ProcessName { get; }

        public string? CommandLine { get; }

        /// <summary>The systemd unit from /proc/PID/cgroup (cloud-final.service, apt-daily.service, …), if any.</summary>
        public string? Unit { get; }

        public TimeSpan? RunningFor { get; }

        /// <summary>Whether pid, name and command line could be read (pid &gt; 0 and the process was still there).</summary>
        public bool IsKnown => Pid > 0 && ProcessName != null;

        public override string ToString()
        {
            if (!IsKnown)
            {
                return Pid > 0 ? $"pid {Pid} (gone)" : "an unknown process (not visible from the login user's pid namespace)";
            }

            return Unit == null ? $"{Pid} {ProcessName}" : $"{Pid} {ProcessName} ({Unit})";
        }
    }
}
