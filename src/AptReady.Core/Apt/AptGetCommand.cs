using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AptReady.Core.Locks;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>
    /// One validated apt-get invocation and the POSIX sh fragment that runs it as root with
    /// AptReady's fixed safe options, tagging every output line by its source.
    /// </summary>
    /// <remarks>
    /// <para>The fragment (<see cref="RootScript"/>) must run as root and is meant to be wrapped as
    /// <c>sudo -n /bin/sh -c QUOTED_FRAGMENT sh LOCK_TIMEOUT</c> (see <see cref="SudoLine"/>), or run by
    /// <c>/bin/sh -c</c> directly when the login user is root. The wrapper must run the whole fragment
    /// as root: sudo closes inherited descriptors above 2, so apt's Status-Fd cannot be opened outside
    /// it. The first positional parameter is DPkg::Lock::Timeout in whole seconds.</para>
    /// <para>Output, on standard output only: <c>run</c>, then lines tagged <c>out </c> (apt's stdout),
    /// <c>err </c> (apt's stderr) and <c>status </c> (APT::Status-Fd lines), and last <c>apt-exit N</c>.
    /// The fragment exits with apt-get's exit code. Lines of different tags may interleave in any
    /// order; lines of one tag keep their order.</para>
    /// </remarks>
    public sealed class AptGetCommand
    {
        /// <summary>The descriptor apt writes Status-Fd lines to inside the fragment.</summary>
        public const int StatusFd = 3;

        /// <summary>The fixed options every run gets, before the verb.</summary>
        public static readonly IReadOnlyList<string> SafeOptions = new[]
        {
            "-y",
            "-o", "Dpkg::Options::=--force-confdef",
            "-o", "Dpkg::Options::=--force-confold",
            "-o", "APT::Status-Fd=" + StatusFd.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>The most packages one command takes: the command must fit one SSH request.</summary>
        public const int MaxPackages = 1000;

        public AptGetCommand(AptGetVerb verb, IEnumerable<string>? packages = null, bool simulate = false)
            : this(verb, (packages ?? Enumerable.Empty<string>()).Select(PackageSpec.Parse).ToList(), simulate)
        {
        }

        public AptGetCommand(AptGetVerb verb, IReadOnlyList<PackageSpec> packages, bool simulate)
        {
            if (packages is null)
            {
                throw new ArgumentNullException(nameof(packages));
            }

            _ = verb.ToAptGetWord();
            if (packages.Count > MaxPackages)
            {
                throw new InvalidInputException(ErrorIds.TooManyPackages, $"{packages.Count} packages are more than the {MaxPackages} one apt-get command takes here; install them in batches.", nameof(packages));
            }

            if (verb.RequiresPackages() && packages.Count == 0)
            {
                throw new ArgumentException($"apt-get {verb.ToAptGetWord()} needs at least one package.", nameof(packages));
            }

            if (!verb.RequiresPackages() && packages.Count > 0)
            {
                throw new ArgumentException($"apt-get {verb.ToAptGetWord()} takes no packages; got {InputExcerpt.Of(string.Join(" ", packages))}.", nameof(packages));
            }

            Verb = verb;
            Packages = packages;
            Simulate = simulate;
        }

        public AptGetVerb Verb { get; }

        public IReadOnlyList<PackageSpec> Packages { get; }

        /// <summary>
        /// Runs with -s: apt prints Inst/Remv/Conf lines and changes nothing (as root it still takes its
        /// locks). apt-get refuses -s with update; a simulated update is --print-uris update, which
        /// lists the index files it would fetch and downloads nothing.
        /// </summary>
        public bool Simulate { get; }

        /// <summary>The locks this command takes (see <see cref="AptVerbLocks.For"/>).</summary>
        public IReadOnlyList<AptLockFile> Locks => AptVerbLocks.For(Verb);

        /// <summary>The locks to see free before starting it (see <see cref="AptVerbLocks.ToWaitFor"/>).</summary>
        public IReadOnlyList<AptLockFile> LocksToWaitFor => AptVerbLocks.ToWaitFor(Verb);

        /// <summary>apt-get's arguments after the fixed options, unquoted: for display and logs.</summary>
        public IReadOnlyList<string> Arguments
        {
            get
            {
                var args = new List<string>();
                if (Simulate)
                {
                    args.Add(Verb == AptGetVerb.Update ? "--print-uris" : "-s");
                }

                // purge is apt-get's own word for 'remove --purge' since apt 0.7.
                args.Add(Verb.ToAptGetWord());
                args.AddRange(Packages.Select(p => p.ToString()));
                return args;
            }
        }

        /// <summary>A human-readable command line for the result object and verbose output.</summary>
        public string DisplayText(int lockTimeoutSeconds) =>
            "apt-get " + string.Join(" ", SafeOptions) + " -o DPkg::Lock::Timeout=" +
            lockTimeoutSeconds.ToString(CultureInfo.InvariantCulture) + " " + string.Join(" ", Arguments);

        public override string ToString() => "apt-get " + string.Join(" ", Arguments);

        /// <summary>The sh fragment to run as root (AptGetCommand.sh); $1 is DPkg::Lock::Timeout in whole seconds.</summary>
        public string RootScript
        {
            get
            {
                var argv = new StringBuilder();
                foreach (string option in SafeOptions)
                {
                    argv.Append(' ').Append(ShellQuote.Quote(option));
                }

                argv.Append(" -o \"DPkg::Lock::Timeout=$t\"");
                foreach (string arg in Arguments)
                {
                    argv.Append(' ').Append(ShellQuote.Quote(arg));
                }

                return RemoteScript.Load("AptGetCommand.sh").Replace("@ARGV@", argv.ToString());
            }
        }

        /// <summary>
        /// The command line that runs <see cref="RootScript"/> through <c>sudo -n</c> (never prompts;
        /// fails with exit 1 and "sudo: a password is required" on stderr when sudo wants one).
        /// <paramref name="lockTimeoutWord"/> is a number or a sh word that expands to one ("$t").
        /// </summary>
        public string SudoLine(string lockTimeoutWord) =>
            "sudo -n /bin/sh -c " + ShellQuote.Quote(RootScript) + " sh " + lockTimeoutWord;

        public string SudoLine(int lockTimeoutSeconds)
        {
            if (lockTimeoutSeconds < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(lockTimeoutSeconds), lockTimeoutSeconds, "The lock timeout cannot be negative.");
            }

            return SudoLine(lockTimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        }
    }
}
