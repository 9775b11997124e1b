using System;
using System.Management.Automation;
using AptReady.Core.Runs;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>A core run's progress, written as the host's own progress bar and verbose lines.</summary>
    internal sealed class HostProgress : IAptGetProgress
    {
        private readonly HostWork _host;
        private readonly string _activity;
        private readonly Action<bool>? _aptRunning;

        public HostProgress(HostWork host, string activity, Action<bool>? aptRunning = null)
        {
            _host = host;
            _activity = activity;
            _aptRunning = aptRunning;
        }

        public void Verbose(string message) => _host.WriteVerbose(message);

        public void Status(string status, int percent, TimeSpan? remaining)
        {
            var record = new ProgressRecord(_host.ActivityId, _activity, status) { ParentActivityId = 0, PercentComplete = percent };
            if (remaining is TimeSpan left)
            {
                record.SecondsRemaining = left > TimeSpan.Zero ? (int)Math.Min(left.TotalSeconds, int.MaxValue) : 0;
            }

            _host.WriteProgress(record);
        }

        public void Completed(string status) =>
            _host.WriteProgress(new ProgressRecord(_host.ActivityId, _activity, status) { ParentActivityId = 0, RecordType = ProgressRecordType.Completed });

        public void AptRunning(bool running) => _aptRunning?.Invoke(running);
    }
}
