using System.Collections.Generic;
using System.Linq;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>
    /// /run/cloud-init/status.json (a link to /var/lib/cloud/data/status.json), world-readable, written
    /// atomically at the start and end of every stage. Same shape on 22.4.2, 25.1.4 and 26.2, except that
    /// 25.x and 26.x add recoverable_errors per stage and write times as uptime instead of epoch seconds.
    /// </summary>
    public sealed class CloudInitStatusFile
    {
        private CloudInitStatusFile(string? datasource, string? currentStage, IReadOnlyList<CloudInitStage> stages)
        {
            Datasource = datasource;
            CurrentStage = currentStage;
            Stages = stages;
        }

        /// <summary>The datasource as cloud-init describes it ("DataSourceNoCloud [seed=…]"), once init found one.</summary>
        public string? Datasource { get; }

        /// <summary>The stage running now (the "stage" key); null between stages and after the last.</summary>
        public string? CurrentStage { get; }

        public IReadOnlyList<CloudInitStage> Stages { get; }

        public IEnumerable<CloudInitStageError> Errors => Stages.SelectMany(s => s.Errors);

        public IEnumerable<CloudInitStageError> RecoverableErrors => Stages.SelectMany(s => s.RecoverableErrors);

        public CloudInitStage? Stage(string name) => Stages.FirstOrDefault(s => s.Name == name);

        /// <summary>The stage running now, else the last one that started.</summary>
        public string? LastStage => CurrentStage ?? Stages.LastOrDefault(s => s.HasStarted)?.Name;

        /// <summary>Parses the file's text; throws <see cref="ProbeOutputException"/> quoting it when it is not status.json.</summary>
        public static CloudInitStatusFile Parse(string json)
        {
            using var document = CloudInitJson.Load(json, "cloud-init's status.json");
            var v1 = CloudInitJson.V1(document, "cloud-init's status.json", json);
            var stages = CloudInitJson.Stages(v1);
            if (stages.Count == 0)
            {
                throw new ProbeOutputException("cloud-init's status.json names no stage.", json);
            }

            return new CloudInitStatusFile(CloudInitJson.String(v1, "datasource"), CloudInitJson.String(v1, "stage"), stages);
        }
    }
}
