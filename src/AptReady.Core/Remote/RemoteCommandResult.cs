namespace AptReady.Core.Remote
{
    /// <summary>How a remote command ended and what it printed.</summary>
    public sealed class RemoteCommandResult
    {
        public RemoteCommandResult(int? exitStatus, string output, string error, string? exitSignal = null)
        {
            ExitStatus = exitStatus;
            Output = output;
            Error = error;
            ExitSignal = exitSignal;
        }

        /// <summary>The exit status, or null when the command was ended by a signal or the channel closed first.</summary>
        public int? ExitStatus { get; }

        public string Output { get; }

        public string Error { get; }

        /// <summary>The signal that ended the command (TERM, KILL, …), when one did.</summary>
        public string? ExitSignal { get; }

        public bool Succeeded => ExitStatus == 0;
    }
}
