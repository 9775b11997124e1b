using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>The outcome of Invoke-AptGet on one host, over all its attempts.</summary>
    public sealed class AptGetResult
    {
        public AptGetResult(
            RemoteHost host,
            AptGetCommand command,
            AptGetTranscript lastAttempt,
            AptFailureKind failure,
            IReadOnlyList<LockHolderSighting> lockHolders,
            TimeSpan lockWait,
            int attempts,
            TimeSpan duration,
            bool repairedInterruptedDpkg = false)
        {
            Host = host ?? throw new ArgumentNullException(nameof(host));
            CommandLine = command ?? throw new ArgumentNullException(nameof(command));
            Transcript = lastAttempt ?? throw new ArgumentNullException(nameof(lastAttempt));
            Failure = failure;
            LockHolderSightings = lockHolders ?? Array.Empty<LockHolderSighting>();
            LockWait = lockWait;
            Attempts = attempts;
            Duration = duration;
            RepairedInterruptedDpkg = repairedInterruptedDpkg;
        }

        /// <summary>Builds the result of a single attempt from its transcript.</summary>
        public static AptGetResult FromAttempt(RemoteHost host, AptGetCommand command, AptGetTranscript transcript, AptFailureKind failure, TimeSpan duration) =>
            new AptGetResult(host, command, transcript, failure, transcript.LockHolders, transcript.LockWait, 1, duration);

        /// <summary>The host, port and user this result is about.</summary>
        public RemoteHost Host { get; }

        public string ComputerName => Host.ComputerName;

        public int Port => Host.Port;

        public string UserName => Host.UserName;

        /// <summary>The Posh-SSH session id the result came through; null on AptReady's own connection.</summary>
        public int? SessionId => Host.SessionId;

        /// <summary>Whether AptReady ran 'dpkg --configure -a' first, after finding dpkg interrupted.</summary>
        public bool RepairedInterruptedDpkg { get; }

        /// <summary>The validated command.</summary>
        public AptGetCommand CommandLine { get; }

        /// <summary>"apt-get install nginx jq", for tables.</summary>
        public string Command => CommandLine.ToString();

        public AptGetVerb Verb => CommandLine.Verb;

        public IReadOnlyList<string> Packages => CommandLine.Packages.Select(p => p.ToString()).ToList();

        public AptGetTranscript Transcript { get; }

        public bool Succeeded => Failure == AptFailureKind.None;

        public AptFailureKind Failure { get; }

        /// <summary>apt-get's exit code of the last attempt; null when apt-get never ran.</summary>
        public int? ExitCode => Transcript.AptExitCode;

        public int Upgraded => Transcript.Summary?.Upgraded ?? 0;

        public int NewlyInstalled => Transcript.Summary?.NewlyInstalled ?? 0;

        public int Removed => Transcript.Summary?.Removed ?? 0;

        public int NotUpgraded => Transcript.Summary?.NotUpgraded ?? 0;

        /// <summary>Distinct package names set up, unpacked, removed or purged (or simulated so).</summary>
        public IReadOnlyList<string> ChangedPackages => Transcript.Changes.Select(c => c.Package).Distinct(StringComparer.Ordinal).ToList();

        /// <summary>Total time spent waiting for locks over all attempts.</summary>
        public TimeSpan LockWait { get; }

        public IReadOnlyList<LockHolderSighting> LockHolderSightings { get; }

        /// <summary>The distinct processes that held a lock AptReady waited for.</summary>
        public IReadOnlyList<LockHolder> LockHolders =>
            LockHolderSightings.GroupBy(s => s.Holder.Pid).Select(g => g.First().Holder).ToList();

        public int Attempts { get; }

        public TimeSpan Duration { get; }

        public IReadOnlyList<string> Warnings => Transcript.Warnings;

        /// <summary>apt's E: lines and dpkg's pmerror messages.</summary>
        public IReadOnlyList<string> Errors =>
            Transcript.Errors.Concat(Transcript.PackageErrors.Select(e => $"{e.Subject}: {e.Message}")).ToList();

        /// <summary>apt's output of the last attempt as a user would have seen it.</summary>
        public string FullOutput => string.Join("\n", Transcript.AptOutput);

        /// <summary>
        /// Whether the host asks for a reboot after this run: /run/reboot-required exists, or a kernel
        /// newer than the running one is installed in /boot. False when not read (a failed or simulated run).
        /// </summary>
        public bool RebootRequired => RebootRequirement?.Required ?? false;

        /// <summary>The packages named in /run/reboot-required.pkgs.</summary>
        public IReadOnlyList<string> RebootRequiredPackages => RebootRequirement?.Packages ?? Array.Empty<string>();

        /// <summary>What was read about a needed reboot after the run; null when it was not read.</summary>
        public Reboot.RebootRequirement? RebootRequirement { get; private set; }

        /// <summary>Whether Invoke-AptGet -Reboot rebooted the host and it came back ready.</summary>
        public bool Rebooted => Reboot != null;

        /// <summary>From asking for the reboot to the host being back, cloud-init settled and apt's locks free.</summary>
        public TimeSpan? RebootDuration => Reboot?.Duration;

        /// <summary>The reboot's facts (boot ids before and after, cloud-init's state); null when not rebooted.</summary>
        public Reboot.RebootOutcome? Reboot { get; private set; }

        /// <summary>A copy that knows whether the host asks for a reboot.</summary>
        public AptGetResult WithRebootRequirement(Reboot.RebootRequirement requirement)
        {
            var copy = (AptGetResult)MemberwiseClone();
            copy.RebootRequirement = requirement ?? throw new ArgumentNullException(nameof(requirement));
            return copy;
        }

        /// <summary>A copy for a host that was rebooted and came back.</summary>
        public AptGetResult WithReboot(Reboot.RebootOutcome outcome)
        {
            var copy = (AptGetResult)MemberwiseClone();
            copy.Reboot = outcome ?? throw new ArgumentNullException(nameof(outcome));
            return copy;
        }

        public override string ToString() =>
            Succeeded ? $"{ComputerName}: {Command} succeeded" : $"{ComputerName}: {Command} failed ({Failure})";
    }
}
