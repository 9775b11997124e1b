namespace AptReady.Core.CloudConfig
{
    /// <summary>How serious a <see cref="CloudConfigFinding"/> is.</summary>
    public enum CloudConfigFindingSeverity
    {
        /// <summary>Worth knowing (e.g. the document makes cloud-init run apt).</summary>
        Info,

        /// <summary>Probably a mistake (an unknown key, a value cloud-init reads differently than it looks).</summary>
        Warning,

        /// <summary>cloud-init will reject or misread this.</summary>
        Error,
    }

    /// <summary>One thing the local structural check found in a cloud-config.</summary>
    public sealed class CloudConfigFinding
    {
        public CloudConfigFinding(string key, string message, CloudConfigFindingSeverity severity)
        {
            Key = key;
            Message = message;
            Severity = severity;
        }

        /// <summary>Where: a key path such as 'write_files[0].permissions', or '' for the whole document.</summary>
        public string Key { get; }

        public string Message { get; }

        public CloudConfigFindingSeverity Severity { get; }

        public override string ToString() => Key.Length == 0 ? $"{Severity}: {Message}" : $"{Severity}: {Key}: {Message}";
    }
}
