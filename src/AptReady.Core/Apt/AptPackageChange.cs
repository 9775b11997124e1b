using System.Text.RegularExpressions;

namespace AptReady.Core.Apt
{
    /// <summary>What happened (or, simulated, would happen) to a package.</summary>
    public enum AptPackageAction
    {
        /// <summary>Simulation: "Inst pkg [old] (new …)".</summary>
        SimulatedInstall,

        /// <summary>Simulation: "Conf pkg (ver …)".</summary>
        SimulatedConfigure,

        /// <summary>Simulation: "Remv pkg [ver]".</summary>
        SimulatedRemove,

        /// <summary>Simulation: "Purg pkg [ver]".</summary>
        SimulatedPurge,

        /// <summary>dpkg: "Unpacking pkg (ver) ...".</summary>
        Unpacked,

        /// <summary>dpkg: "Setting up pkg (ver) ...".</summary>
        SetUp,

        /// <summary>dpkg: "Removing pkg (ver) ...".</summary>
        Removed,

        /// <summary>dpkg: "Purging configuration files for pkg (ver) ...".</summary>
        Purged,
    }

    /// <summary>One package line of apt-get or dpkg output.</summary>
    public sealed class AptPackageChange
    {
        // Package names may carry ":arch" (libonig5:amd64). Simulation: "Inst NAME [OLD] (NEW ORIGIN [ARCH]) …";
        // "Conf NAME (VER …)"; "Remv NAME [VER]"; "Purg NAME [VER]". dpkg: "Unpacking NAME (VER) over (OLD) ...".
        private static readonly Regex Simulated = new Regex(
            @"^(Inst|Conf|Remv|Purg) (\S+)(?: \[([^\]]*)\])?(?: \((\S+)[^)]*\))?",
            RegexOptions.CultureInvariant);

        private static readonly Regex Dpkg = new Regex(
            @"^(Unpacking|Setting up|Removing|Purging configuration files for) (\S+) \(([^)]*)\)",
            RegexOptions.CultureInvariant);

        public AptPackageChange(string package, string? architecture, string? version, string? previousVersion, AptPackageAction action)
        {
            Package = package;
            Architecture = architecture;
            Version = version;
            PreviousVersion = previousVersion;
            Action = action;
        }

        /// <summary>The package name without its architecture.</summary>
        public string Package { get; }

        public string? Architecture { get; }

        /// <summary>The version acted on: the new one for installs, the removed one for removals.</summary>
        public string? Version { get; }

        /// <summary>The version being replaced by a simulated upgrade ("Inst pkg [old] (new …)").</summary>
        public string? PreviousVersion { get; }

        public AptPackageAction Action { get; }

        public static bool TryParse(string line, out AptPackageChange? change)
        {
            change = null;
            if (string.IsNullOrEmpty(line))
            {
                return false;
            }

            Match m = Simulated.Match(line);
            if (m.Success)
            {
                AptPackageAction action = m.Groups[1].Value switch
                {
                    "Inst" => AptPackageAction.SimulatedInstall,
                    "Conf" => AptPackageAction.SimulatedConfigure,
                    "Remv" => AptPackageAction.SimulatedRemove,
                    _ => AptPackageAction.SimulatedPurge,
                };
                string? bracket = m.Groups[3].Success ? m.Groups[3].Value : null;
                string? paren = m.Groups[4].Success ? m.Groups[4].Value : null;
                bool removal = action is AptPackageAction.SimulatedRemove or AptPackageAction.SimulatedPurge;
                change = Create(m.Groups[2].Value, removal ? bracket : paren, removal ? null : bracket, action);
                return true;
            }

            m = Dpkg.Match(line);
            if (m.Success)
            {
                AptPackageAction action = m.Groups[1].Value switch
                {
                    "Unpacking" => AptPackageAction.Unpacked,
                    "Setting up" => AptPackageAction.SetUp,
                    "Removing" => AptPackageAction.Removed,
                    _ => AptPackageAction.Purged,
                };
                change = Create(m.Groups[2].Value, m.Groups[3].Value, null, action);
                return true;
            }

            return false;
        }

        private static AptPackageChange Create(string nameWithArch, string? version, string? previous, AptPackageAction action)
        {
            int colon = nameWithArch.IndexOf(':');
            string name = colon < 0 ? nameWithArch : nameWithArch.Substring(0, colon);
            string? arch = colon < 0 ? null : nameWithArch.Substring(colon + 1);
            return new AptPackageChange(name, arch, string.IsNullOrEmpty(version) ? null : version, string.IsNullOrEmpty(previous) ? null : previous, action);
        }

        public override string ToString() => Version == null ? $"{Action} {Package}" : $"{Action} {Package} {Version}";
    }
}
