namespace AptReady.Core.CloudInit
{
    /// <summary>An error or recoverable error cloud-init recorded, with the stage that recorded it where known.</summary>
    public sealed class CloudInitStageError
    {
        public CloudInitStageError(string? stage, string message, string? level = null)
        {
            Stage = stage;
            Message = message;
            Level = level;
        }

        /// <summary>init-local, init, modules-config, modules-final; null when only a version-wide list named it.</summary>
        public string? Stage { get; }

        public string Message { get; }

        /// <summary>For recoverable errors, the log level cloud-init filed it under (WARNING, DEPRECATED, …); null for errors.</summary>
        public string? Level { get; }

        public override string ToString() =>
            (Stage == null ? string.Empty : Stage + ": ") + (Level == null ? string.Empty : Level + ": ") + Message;
    }
}
