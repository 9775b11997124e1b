using System;
using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.Reboot
{
    /// <summary>
    /// Whether a host asks for a reboot, and why: /run/reboot-required exists (written by packages'
    /// postinst hooks and update-notifier), the packages listed in /run/reboot-required.pkgs, or a
    /// kernel newer than the running one installed in /boot (Debian writes no flag for that).
    /// </summary>
    public sealed class RebootRequirement
    {
        public const string Header = "aptready-reboot-required 1";

        private RebootRequirement(IReadOnlyList<string> signals, IReadOnlyList<string> packages, string? bootId)
        {
            Signals = signals;
            Packages = packages;
            BootId = bootId;
        }

        /// <summary>Whether any signal asks for a reboot.</summary>
        public bool Required => Signals.Count > 0;

        /// <summary>What asked: "/run/reboot-required", "kernel 6.1.0-30-cloud-amd64 installed, 6.1.0-28-cloud-amd64 running".</summary>
        public IReadOnlyList<string> Signals { get; }

        /// <summary>The packages named in /run/reboot-required.pkgs, each once, in order.</summary>
        public IReadOnlyList<string> Packages { get; }

        /// <summary>The boot this was read in, or null when the host did not say.</summary>
        public string? BootId { get; }

        public static RebootRequirement None { get; } = new RebootRequirement(Array.Empty<string>(), Array.Empty<string>(), null);

        /// <summary>Reads the probe's output (<see cref="RebootScripts.RebootRequiredProbe"/>).</summary>
        public static RebootRequirement Parse(string output)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            string[] lines = output.Replace("\r", string.Empty).Split('\n');
            if (!lines.Contains(Header))
            {
                throw new ProbeOutputException($"The reboot-required probe did not answer (no '{Header}' line).", output);
            }

            var signals = new List<string>();
            var packages = new List<string>();
            string? bootId = null;
            foreach (string line in lines)
            {
                if (line.StartsWith("flag ", StringComparison.Ordinal))
                {
                    signals.Add(line.Substring(5));
                }
                else if (line.StartsWith("pkg ", StringComparison.Ordinal))
                {
                    string name = line.Substring(4).Trim();
                    if (name.Length > 0 && !packages.Contains(name))
                    {
                        packages.Add(name);
                    }
                }
                else if (line.StartsWith("kernel ", StringComparison.Ordinal))
                {
                    string[] kernels = line.Substring(7).Split(' ');
                    if (kernels.Length == 2)
                    {
                        signals.Add($"kernel {kernels[1]} installed, {kernels[0]} running");
                    }
                }
                else if (line.StartsWith("boot-id ", StringComparison.Ordinal))
                {
                    string id = line.Substring(8).Trim();
                    bootId = id.Length == 0 || id == "-" ? null : id;
                }
            }

            return new RebootRequirement(signals, packages, bootId);
        }

        public override string ToString() => Required ? "reboot required: " + string.Join("; ", Signals) : "no reboot required";
    }
}
