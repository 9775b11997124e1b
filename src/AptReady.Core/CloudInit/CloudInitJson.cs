using System.Collections.Generic;
using System.Text.Json;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudInit
{
    /// <summary>Reading the JSON shapes cloud-init writes, shared by the status file, result file and CLI parsers.</summary>
    internal static class CloudInitJson
    {
        public static JsonDocument Load(string json, string what)
        {
            try
            {
                var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    document.Dispose();
                    throw new ProbeOutputException($"{what} is not a JSON object.", json);
                }

                return document;
            }
            catch (JsonException e)
            {
                throw new ProbeOutputException($"{what} is not valid JSON ({e.Message}).", json);
            }
        }

        public static JsonElement V1(JsonDocument document, string what, string json)
        {
            if (!document.RootElement.TryGetProperty("v1", out var v1) || v1.ValueKind != JsonValueKind.Object)
            {
                throw new ProbeOutputException($"{what} has no 'v1' object.", json);
            }

            return v1;
        }

        public static string? String(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public static double? Number(JsonElement owner, string name) =>
            owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

        public static List<CloudInitStageError> Errors(JsonElement owner, string? stage)
        {
            var list = new List<CloudInitStageError>();
            if (owner.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray())
                {
                    list.Add(new CloudInitStageError(stage, item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()));
                }
            }

            return list;
        }

        /// <summary>25.x: <c>"recoverable_errors": { "WARNING": [ "…" ], "DEPRECATED": [ … ] }</c>.</summary>
        public static List<CloudInitStageError> RecoverableErrors(JsonElement owner, string? stage)
        {
            var list = new List<CloudInitStageError>();
            if (owner.TryGetProperty("recoverable_errors", out var byLevel) && byLevel.ValueKind == JsonValueKind.Object)
            {
                foreach (var level in byLevel.EnumerateObject())
                {
                    if (level.Value.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var item in level.Value.EnumerateArray())
                    {
                        string message = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
                        list.Add(new CloudInitStageError(stage, message, level.Name));
                    }
                }
            }

            return list;
        }

        /// <summary>Every property that is a stage object ("init", "modules-final", …), in run order.</summary>
        public static List<CloudInitStage> Stages(JsonElement owner)
        {
            var stages = new List<CloudInitStage>();
            foreach (var property in owner.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Object || !LooksLikeStage(property.Value))
                {
                    continue;
                }

                var value = property.Value;
                stages.Add(new CloudInitStage(
                    property.Name,
                    Number(value, "start"),
                    Number(value, "finished"),
                    Errors(value, property.Name),
                    RecoverableErrors(value, property.Name)));
            }

            stages.Sort((a, b) => CloudInitStage.OrderOf(a.Name).CompareTo(CloudInitStage.OrderOf(b.Name)));
            return stages;
        }

        /// <summary>"DataSourceNoCloud [seed=…]" → "nocloud", as cloud-init status itself shortens it.</summary>
        public static string? ShortDatasource(string? description)
        {
            if (string.IsNullOrWhiteSpace(description))
            {
                return null;
            }

            string first = description!.Trim();
            int space = first.IndexOf(' ');
            if (space > 0)
            {
                first = first.Substring(0, space);
            }

            string lower = first.ToLowerInvariant();
            return lower.Replace("datasource", string.Empty);
        }

        // A stage object has errors and start/finished; 22.x's "schemas" wrapper does not.
        private static bool LooksLikeStage(JsonElement value) =>
            value.TryGetProperty("errors", out _) && (value.TryGetProperty("start", out _) || value.TryGetProperty("finished", out _));
    }
}
