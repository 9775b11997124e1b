using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// The base of AptReady's I/O cmdlets. StopProcessing (Ctrl+C) cancels <see cref="Cancellation"/>,
    /// which every wait and SSH call observes. Work on other threads never calls Write* itself: it
    /// posts to <see cref="Post"/>, and the pipeline thread runs what was posted.
    /// </summary>
    public abstract class CancellableCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly BlockingCollection<Action> _pending = new BlockingCollection<Action>();

        protected CancellationToken Cancellation => _stop.Token;

        /// <summary>Queues a call (WriteObject, WriteError, WriteProgress, …) for the pipeline thread. Safe from any thread.</summary>
        internal void Post(Action onPipelineThread)
        {
            try
            {
                _pending.Add(onPipelineThread);
            }
            catch (InvalidOperationException)
            {
                // Completed: the cmdlet has ended; nothing can be written any more.
            }
        }

        /// <summary>Runs everything posted so far, without waiting.</summary>
        protected void RunPosted()
        {
            while (_pending.TryTake(out Action? action))
            {
                action();
            }
        }

        /// <summary>
        /// Runs posted calls as they arrive until <paramref name="isDone"/> holds and nothing is left.
        /// Ctrl+C ends the wait at once.
        /// </summary>
        protected void RunPostedUntil(Func<bool> isDone)
        {
            while (true)
            {
                RunPosted();
                if (isDone())
                {
                    RunPosted();
                    return;
                }

                try
                {
                    if (_pending.TryTake(out Action? action, 100, _stop.Token))
                    {
                        action();
                    }
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        protected override void StopProcessing()
        {
            _stop.Cancel();
        }

        public void Dispose()
        {
            _pending.CompleteAdding();
            _stop.Dispose();
            _pending.Dispose();
        }
    }
}
