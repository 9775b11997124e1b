using System;
using System.Management.Automation;
using AptReady.Core.Remote;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// What one host's work may do while it runs off the pipeline thread: everything it writes is
    /// posted to the pipeline thread.
    /// </summary>
    internal sealed class HostWork
    {
        private readonly CancellableCmdlet _cmdlet;

        public HostWork(CancellableCmdlet cmdlet, IRemoteSession session, int activityId)
        {
            _cmdlet = cmdlet;
            Session = session;
            ActivityId = activityId;
        }

        public IRemoteSession Session { get; }

        public string ComputerName => Session.ComputerName;

        /// <summary>A progress activity id of this host's own, under the cmdlet's overall bar.</summary>
        public int ActivityId { get; }

        public void WriteVerbose(string message) => _cmdlet.Post(() => _cmdlet.WriteVerbose($"{ComputerName}: {message}"));

        public void WriteWarning(string message) => _cmdlet.Post(() => _cmdlet.WriteWarning($"{ComputerName}: {message}"));

        public void WriteProgress(ProgressRecord record) => _cmdlet.Post(() => _cmdlet.WriteProgress(record));

        /// <summary>An extra object beyond the host's one result (rare: per-lock records, for one).</summary>
        public void WriteObject(object value) => _cmdlet.Post(() => _cmdlet.WriteObject(value));
    }
}
