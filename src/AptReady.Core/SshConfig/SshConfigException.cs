using System;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// An ssh_config file that cannot be used: unreadable, malformed, or asking for something AptReady
    /// refuses to do. The message names the file and line; nothing runs with half a configuration.
    /// </summary>
    public sealed class SshConfigException : Exception
    {
        public SshConfigException(string file, int line, string message, Exception? innerException = null)
            : base(line > 0 ? $"{file} line {line}: {message}" : $"{file}: {message}", innerException)
        {
            File = file;
            Line = line;
        }

        /// <summary>The file the problem is in.</summary>
        public string File { get; }

        /// <summary>The line number (1-based), or 0 when the whole file is the problem.</summary>
        public int Line { get; }
    }
}
