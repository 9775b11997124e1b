using System;

namespace AptReady.Core.Remote
{
    /// <summary>A POSIX sh script to run on a host, as the login user.</summary>
    public sealed class RemoteCommand
    {
        public RemoteCommand(string script, string description)
        {
            Script = script ?? throw new ArgumentNullException(nameof(script));
            Description = description ?? throw new ArgumentNullException(nameof(description));
        }

        /// <summary>The script text; built only from constants and <see cref="ShellQuote"/>d values.</summary>
        public string Script { get; }

        /// <summary>What the command does, for verbose logs. Never holds a secret.</summary>
        public string Description { get; }

        /// <summary>Bytes written to the command's standard input (a sudo password, for one); never logged.</summary>
        public byte[]? StandardInput { get; set; }

        /// <summary>Called with each line of standard output as it arrives, on a transport thread.</summary>
        public Action<string>? OutputLine { get; set; }

        /// <summary>
        /// The command line sent over SSH: the script run by sh, whatever the login shell is.
        /// </summary>
        public string ToExecLine() => "exec /bin/sh -c " + ShellQuote.Quote(Script);
    }
}
