using System;

namespace AptReady.Core.Runs
{
    /// <summary>Where a per-host run says how it goes. Called from any thread; must not block.</summary>
    public interface IRunProgress
    {
        void Verbose(string message);

        /// <summary>The run's current step; <paramref name="percent"/> -1 when unknown, <paramref name="remaining"/> null when unbounded.</summary>
        void Status(string status, int percent, TimeSpan? remaining);

        /// <summary>The run has ended (its progress bar closes).</summary>
        void Completed(string status);
    }

    /// <summary>Invoke-AptGet's progress, plus whether apt runs on the host right now (Ctrl+C then warns that it goes on).</summary>
    public interface IAptGetProgress : IRunProgress
    {
        void AptRunning(bool running);
    }
}
