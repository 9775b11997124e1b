using System;
using System.Collections.Generic;

namespace AptReady.Core.CloudInit
{
    /// <summary>One stage's entry in status.json (or in 25.x's status output): when it ran and what went wrong.</summary>
    public sealed class CloudInitStage
    {
        public CloudInitStage(
            string name,
            double? start,
            double? finished,
            IReadOnlyList<CloudInitStageError> errors,
            IReadOnlyList<CloudInitStageError> recoverableErrors)
        {
            Name = name;
            Start = start;
            Finished = finished;
            Errors = errors;
            RecoverableErrors = recoverableErrors;
        }

        /// <summary>The order cloud-init runs its stages in (modules-init is listed but unused by systemd boots).</summary>
        public static IReadOnlyList<string> Order { get; } =
            new[] { "init-local", "init", "modules-init", "modules-config", "modules-final" };

        public string Name { get; }

        /// <summary>
        /// Seconds as cloud-init wrote them: since the epoch up to 22.x, since boot (uptime) in 25.x.
        /// Use <see cref="CloudInitTime"/> to tell them apart.
        /// </summary>
        public double? Start { get; }

        /// <inheritdoc cref="Start"/>
        public double? Finished { get; }

        public IReadOnlyList<CloudInitStageError> Errors { get; }

        /// <summary>Recoverable errors (25.x only; always empty on 22.x).</summary>
        public IReadOnlyList<CloudInitStageError> RecoverableErrors { get; }

        public bool HasStarted => Start.HasValue;

        public bool HasFinished => Finished.HasValue;

        internal static int OrderOf(string name)
        {
            for (int i = 0; i < Order.Count; i++)
            {
                if (string.Equals(Order[i], name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return Order.Count;
        }
    }
}
