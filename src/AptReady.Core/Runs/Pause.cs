using System;
using System.Threading;
using System.Threading.Tasks;

namespace AptReady.Core.Runs
{
    /// <summary>How a run waits between tries: <see cref="Task.Delay(TimeSpan, CancellationToken)"/>, or a test's manual clock.</summary>
    public delegate Task Pause(TimeSpan span, CancellationToken cancellationToken);

    internal static class Pauses
    {
        public static readonly Pause Real = (span, token) => Task.Delay(span, token);
    }
}
