using System;
using System.Collections.Generic;

namespace AptReady.Core.Apt
{
    /// <summary>How a run of <see cref="AptGetScript"/> ended, from its own lines.</summary>
    public enum AptGetScriptOutcome
    {
        /// <summary>apt-get ran; see the exit code.</summary>
        Ran,

        /// <summary>The locks stayed held until the lock wait ran out.</summary>
        LockTimeout,

        /// <summary>/proc/locks could not be read, so no lock could be called free.</summary>
        LocksUnreadable,

        /// <summary>dpkg was interrupted earlier; apt would refuse until 'dpkg --configure -a'.</summary>
        DpkgInterrupted,

        /// <summary>The locks were free but the root fragment never started: sudo refused (password needed, not allowed).</summary>
        ElevationFailed,

        /// <summary>The output stopped before an ending line: the connection or the script died.</summary>
        Incomplete,
    }

    /// <summary>Everything read from one run of <see cref="AptGetScript"/>.</summary>
    public sealed class AptGetTranscript
    {
        internal AptGetTranscript()
        {
        }

        public AptGetScriptOutcome Outcome { get; internal set; } = AptGetScriptOutcome.Incomplete;

        /// <summary>apt-get's exit code, from the fragment's own 'apt-exit' line.</summary>
        public int? AptExitCode { get; internal set; }

        /// <summary>How long the script waited for the locks.</summary>
        public TimeSpan LockWait { get; internal set; }

        /// <summary>Every distinct (lock, pid) seen held, first sighting first.</summary>
        public List<LockHolderSighting> LockHolders { get; } = new List<LockHolderSighting>();

        /// <summary>The holders at the moment the wait gave up (only for <see cref="AptGetScriptOutcome.LockTimeout"/>).</summary>
        public List<LockHolderSighting> HoldersAtTimeout { get; } = new List<LockHolderSighting>();

        public string? InterruptedDpkgUpdate { get; internal set; }

        public AptSummary? Summary { get; internal set; }

        public List<AptPackageChange> Changes { get; } = new List<AptPackageChange>();

        public List<AptStatusLine> Status { get; } = new List<AptStatusLine>();

        /// <summary>apt's "E: " lines, without the prefix. An E: line does not by itself mean failure (apt 2.6 prints one when /dev/pts is missing and exits 0).</summary>
        public List<string> Errors { get; } = new List<string>();

        /// <summary>apt's "W: " lines, without the prefix.</summary>
        public List<string> Warnings { get; } = new List<string>();

        /// <summary>dpkg's failures from Status-Fd pmerror lines ("installed foo package post-installation script subprocess returned error exit status 1").</summary>
        public List<AptStatusLine> PackageErrors { get; } = new List<AptStatusLine>();

        /// <summary>apt's stdout and stderr lines in arrival order, untagged: what a user would have seen.</summary>
        public List<string> AptOutput { get; } = new List<string>();

        /// <summary>Lines the script did not print itself (a login banner, sudo's complaints when merged).</summary>
        public List<string> OtherLines { get; } = new List<string>();
    }
}
