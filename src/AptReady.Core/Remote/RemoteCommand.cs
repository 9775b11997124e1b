using System;

namespace AptReady.Core.Remote
{
    /// <summary>A POSIX sh script to run on a host, as the login user.</summary>
    public sealed class RemoteCommand
    {
        /// <summary>
        /// The longest script sent, in UTF-8 bytes: the exec request must fit one SSH packet (SSH.NET
        /// refuses packets above about 68 kB with "Packet is too big"), quoting and all.
        /// </summary>
        public const int MaxScriptBytes = 60000;

        public RemoteCommand(string script, string description)
        {
            Script = script ?? throw new ArgumentNullException(nameof(script));
            if (System.Text.Encoding.UTF8.GetByteCount(script) > MaxScriptBytes / 2)
            {
                // Quoting for the exec line can double a script (every ' becomes '\''); check the line itself.
                int sent = System.Text.Encoding.UTF8.GetByteCount(ToExecLine());
                if (sent > MaxScriptBytes)
                {
                    throw new InvalidInputException(ErrorIds.CommandTooLong,
                        $"The command to {description} would be {sent} bytes, more than the {MaxScriptBytes} one SSH request carries: give fewer or shorter values.", "command");
                }
            }
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
