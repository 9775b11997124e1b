using System;
using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// One entry of <c>runcmd:</c> or <c>bootcmd:</c>: either a line for /bin/sh, or an argument vector that
    /// cloud-init executes without a shell (safer: nothing in it is interpreted).
    /// </summary>
    public sealed class CloudConfigCommand
    {
        private CloudConfigCommand(string? shellLine, IReadOnlyList<string>? arguments)
        {
            ShellLine = shellLine;
            Arguments = arguments;
        }

        /// <summary>The sh command line, or null for an argument vector.</summary>
        public string? ShellLine { get; }

        /// <summary>The argument vector, or null for a shell line.</summary>
        public IReadOnlyList<string>? Arguments { get; }

        /// <summary>A command run by /bin/sh -c; the caller is responsible for quoting inside it.</summary>
        public static CloudConfigCommand Shell(string line)
        {
            if (line is null)
            {
                throw new ArgumentNullException(nameof(line));
            }

            if (line.Trim().Length == 0 || line.IndexOf('\0') >= 0)
            {
                throw CloudConfigInput.Invalid(nameof(line), line, "is not a command line (empty or holds a NUL).");
            }

            return new CloudConfigCommand(line, null);
        }

        /// <summary>A program and its arguments, executed directly (no shell).</summary>
        public static CloudConfigCommand Exec(params string[] arguments)
        {
            if (arguments is null || arguments.Length == 0 || string.IsNullOrEmpty(arguments[0]))
            {
                throw new ArgumentException("An argument vector needs at least the program to run.", nameof(arguments));
            }

            foreach (string argument in arguments)
            {
                if (argument is null || argument.IndexOf('\0') >= 0)
                {
                    throw new ArgumentException("An argument is null or holds a NUL.", nameof(arguments));
                }
            }

            return new CloudConfigCommand(null, arguments.ToArray());
        }

        internal object ToYaml() => ShellLine != null ? (object)ShellLine : Arguments!.Select(a => (object?)a).ToList();
    }
}
