using System.Collections.Generic;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// /run/cloud-init/result.json: written when the final stage ends, failed or not; <c>errors</c>
    /// collects every stage's errors. 22.4.2, 25.1.4 and 26.2 write the same shape.
    /// </summary>
    public sealed class CloudInitResultFile
    {
        private CloudInitResultFile(string? datasource, IReadOnlyList<CloudInitStageError> errors, IReadOnlyList<CloudInitStageError> recoverableErrors)
        {
            Datasource = datasource;
            Errors = errors;
            RecoverableErrors = recoverableErrors;
        }

        public string? Datasource { get; }

        /// <summary>Errors of all stages, without the stage's name.</summary>
        public IReadOnlyList<CloudInitStageError> Errors { get; }

        /// <summary>Only where a version writes them here (none of 22.4.2, 25.1.4, 26.2 does; they are in status.json).</summary>
        public IReadOnlyList<CloudInitStageError> RecoverableErrors { get; }

        /// <summary>Parses the file's text; throws <see cref="Remote.ProbeOutputException"/> quoting it when it is not result.json.</summary>
        public static CloudInitResultFile Parse(string json)
        {
            using var document = CloudInitJson.Load(json, "cloud-init's result.json");
            var v1 = CloudInitJson.V1(document, "cloud-init's result.json", json);
            return new CloudInitResultFile(
                CloudInitJson.String(v1, "datasource"),
                CloudInitJson.Errors(v1, null),
                CloudInitJson.RecoverableErrors(v1, null));
        }
    }
}
