using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// Runs the target's own <c>cloud-init schema -c FILE</c> on a cloud-config: the text goes over the
    /// command's standard input into a mktemp file (0600, since it may hold a private host key), which is
    /// deleted when the script ends. The schema differs by cloud-init version, so this is the last word.
    /// </summary>
    public static class CloudConfigSchemaCheck
    {
        /// <summary>What the target file is called in the verdict's output instead of its temporary path.</summary>
        public const string FileLabel = "user-data";

        private const string FileMarker = "APTREADY-SCHEMA-FILE ";
        private const string VersionMarker = "APTREADY-SCHEMA-VERSION ";
        private const string ExitMarker = "APTREADY-SCHEMA-EXIT ";

        // Exit codes of the script itself (the schema's own verdict is reported after the exit marker).
        private const int NoTemporaryFile = 90;
        private const int StandardInputUnreadable = 91;
        private const int NotInstalled = 127;

        // Python logging lines cloud-init 25.x prints when no datasource is detected: noise, not findings.
        private static readonly Regex LogLine = new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} - \S+\[[A-Z]+\]: ", RegexOptions.CultureInvariant);

        // CloudConfigSchemaCheck.sh: only constants; the document never reaches the command line.
        private static readonly string Script = RemoteScript.Load("CloudConfigSchemaCheck.sh")
            .Replace("@EXIT_NO_TEMPORARY_FILE@", NoTemporaryFile.ToString(CultureInfo.InvariantCulture))
            .Replace("@EXIT_STDIN_UNREADABLE@", StandardInputUnreadable.ToString(CultureInfo.InvariantCulture))
            .Replace("@EXIT_NOT_INSTALLED@", NotInstalled.ToString(CultureInfo.InvariantCulture))
            .Replace("@FILE_MARKER@", FileMarker)
            .Replace("@VERSION_MARKER@", VersionMarker)
            .Replace("@EXIT_MARKER@", ExitMarker);

        /// <summary>What the check does, for verbose output.</summary>
        public const string Description = "cloud-init schema -c on a temporary copy of the cloud-config";

        /// <summary>Runs the check on <paramref name="session"/>'s host and reads its verdict (see <see cref="Parse"/>).</summary>
        public static async Task<CloudConfigSchemaVerdict> RunAsync(IRemoteSession session, string userData, IEnumerable<string>? secrets, CancellationToken cancellationToken)
        {
            if (session is null)
            {
                throw new ArgumentNullException(nameof(session));
            }

            RemoteCommandResult output = await session.RunAsync(Build(userData), cancellationToken).ConfigureAwait(false);
            return Parse(output, secrets);
        }

        /// <summary>The command that checks <paramref name="userData"/>; the text is sent as UTF-8 on standard input.</summary>
        public static RemoteCommand Build(string userData)
        {
            if (userData is null)
            {
                throw new ArgumentNullException(nameof(userData));
            }

            return new RemoteCommand(Script, Description)
            {
                StandardInput = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(userData),
            };
        }

        /// <summary>
        /// Reads the verdict from what <see cref="Build"/>'s command printed. Every string of
        /// <paramref name="secrets"/> (and each line of it) is replaced by '[redacted]' in the verdict, so a
        /// private key cloud-init quotes back never reaches output. Throws <see cref="ProbeOutputException"/>
        /// when the check could not run (no cloud-init, no temporary file, output cut short).
        /// </summary>
        public static CloudConfigSchemaVerdict Parse(RemoteCommandResult result, IEnumerable<string>? secrets = null)
        {
            if (result is null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            string[] redact = SecretFragments(secrets);
            string output = Redact(result.Output, redact);
            string error = Redact(result.Error, redact);
            if (result.ExitStatus == NotInstalled)
            {
                throw new ProbeOutputException("cloud-init is not installed on the host, so its schema cannot check the cloud-config.", error);
            }

            if (result.ExitStatus != 0)
            {
                throw new ProbeOutputException(
                    $"The schema check exited with status {result.ExitStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} ({Describe(result.ExitStatus)}): {error.Trim()}", output);
            }

            string? file = null;
            string? version = null;
            int? exit = null;
            var lines = new List<string>();
            foreach (string raw in output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (file == null && line.StartsWith(FileMarker, StringComparison.Ordinal))
                {
                    file = line.Substring(FileMarker.Length);
                }
                else if (version == null && line.StartsWith(VersionMarker, StringComparison.Ordinal))
                {
                    version = CloudInitVersion(line.Substring(VersionMarker.Length));
                }
                else if (line.StartsWith(ExitMarker, StringComparison.Ordinal)
                    && int.TryParse(line.Substring(ExitMarker.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int code))
                {
                    exit = code;
                }
                else if (file != null && exit == null && !LogLine.IsMatch(line))
                {
                    lines.Add(file.Length == 0 ? line : line.Replace(file, FileLabel));
                }
            }

            if (file == null || exit == null)
            {
                throw new ProbeOutputException("The schema check's output was cut short (no verdict).", output);
            }

            string text = string.Join("\n", lines).Trim('\n', ' ');
            return new CloudConfigSchemaVerdict(exit == 0, exit.Value, text, version);
        }

        private static string Describe(int? exitStatus) => exitStatus switch
        {
            NoTemporaryFile => "mktemp failed",
            StandardInputUnreadable => "the document could not be written to the temporary file",
            null => "ended by a signal or a closed connection",
            _ => "unexpected",
        };

        // dpkg's '22.4.2-1+deb12u4' or '1:24.4-0ubuntu1', or cloud-init's '/usr/bin/cloud-init 22.4.2' → the upstream version.
        internal static string CloudInitVersion(string printed)
        {
            string version = printed.Trim();
            int space = version.LastIndexOf(' ');
            version = space >= 0 ? version.Substring(space + 1) : version;
            int colon = version.IndexOf(':');
            if (colon >= 0 && colon < version.Length - 1 && version.Substring(0, colon).All(char.IsDigit))
            {
                version = version.Substring(colon + 1);
            }

            int revision = version.LastIndexOf('-');
            return revision > 0 ? version.Substring(0, revision) : version;
        }

        private static string[] SecretFragments(IEnumerable<string>? secrets)
        {
            if (secrets == null)
            {
                return Array.Empty<string>();
            }

            return secrets
                .Where(s => !string.IsNullOrEmpty(s))
                .SelectMany(s => new[] { s }.Concat(s.Split('\n')))
                .Select(s => s.Trim())
                .Where(s => s.Length >= 16)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(s => s.Length)
                .ToArray();
        }

        private static string Redact(string text, string[] fragments)
        {
            foreach (string fragment in fragments)
            {
                text = text.Replace(fragment, "[redacted]");
            }

            return text;
        }
    }

    /// <summary>What the target's <c>cloud-init schema -c</c> said of a cloud-config.</summary>
    public sealed class CloudConfigSchemaVerdict
    {
        public CloudConfigSchemaVerdict(bool isValid, int exitStatus, string output, string? cloudInitVersion)
        {
            IsValid = isValid;
            ExitStatus = exitStatus;
            Output = output;
            CloudInitVersion = cloudInitVersion;
        }

        /// <summary>True when cloud-init schema exited 0 (deprecations may still be listed in <see cref="Output"/>).</summary>
        public bool IsValid { get; }

        /// <summary>cloud-init schema's exit status: 0 valid, 1 invalid.</summary>
        public int ExitStatus { get; }

        /// <summary>What cloud-init printed (its log noise dropped, the temporary path shown as 'user-data').</summary>
        public string Output { get; }

        /// <summary>The target's cloud-init version, e.g. '22.4.2'.</summary>
        public string? CloudInitVersion { get; }

        public override string ToString() => (IsValid ? "Valid" : "Invalid") + (Output.Length == 0 ? string.Empty : ": " + Output);
    }
}
