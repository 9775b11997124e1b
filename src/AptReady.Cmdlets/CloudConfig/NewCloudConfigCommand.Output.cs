using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AptReady.Cmdlets.Infrastructure;
using AptReady.Core.CloudConfig;
using AptReady.Core.Remote;
using AptReady.Core;

namespace AptReady.Cmdlets.CloudConfig
{
    // New-CloudConfig's steps after binding: build the document, report what validation found, write the files.
    public sealed partial class NewCloudConfigCommand
    {
        private CloudConfigDocument BuildDocument(out HostKeyPair? hostKey)
        {
            string[] keys = CloudConfigArguments.KeyLines(SshAuthorizedKey ?? Array.Empty<string>()).ToArray();
            object[] users = User ?? Array.Empty<object>();
            bool anyNamedUser = users.Any(u => CloudConfigArguments.Unwrap(u) is string);
            var userList = users.Select(u => CloudConfigArguments.ToUser(u, CloudConfigArguments.Unwrap(u) is string ? keys : Array.Empty<string>())).ToList();
            string? duplicate = userList.GroupBy(u => u.Name).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
            if (duplicate != null)
            {
                throw new ArgumentException($"The user {InputExcerpt.Of(duplicate)} is given twice.", nameof(User));
            }

            var document = new CloudConfigDocument
            {
                Users = userList,
                IncludeDefaultUser = IncludeDefaultUser,
                SshAuthorizedKeys = anyNamedUser ? Array.Empty<SshPublicKey>() : keys.Select(k => SshPublicKey.Parse(k, nameof(SshAuthorizedKey))).ToArray(),
                HostName = HostName,
                Fqdn = Fqdn,
                Timezone = Timezone,
                Locale = Locale,
                PackageUpdate = PackageUpdate,
                PackageUpgrade = PackageUpgrade,
                Packages = Package ?? Array.Empty<string>(),
                WriteFiles = (WriteFile ?? Array.Empty<object>()).Select(CloudConfigArguments.ToFile).ToArray(),
                RunCommands = (RunCommand ?? Array.Empty<object>()).Select(c => CloudConfigArguments.ToCommand(c, nameof(RunCommand))).ToArray(),
                BootCommands = (BootCommand ?? Array.Empty<object>()).Select(c => CloudConfigArguments.ToCommand(c, nameof(BootCommand))).ToArray(),
                AptProxy = AptProxy,
                AptSources = (AptSource ?? Array.Empty<object>()).Select(CloudConfigArguments.ToAptSource).ToArray(),
                PowerState = PowerState == null ? null : CloudConfigArguments.ToPowerState(PowerState),
                AdditionalConfig = _additionalConfig,
            };

            if (MyInvocation.BoundParameters.ContainsKey(nameof(ManageEtcHosts)))
            {
                document.ManageEtcHosts = ManageEtcHosts.IsPresent;
            }
            else if (HostName != null || Fqdn != null)
            {
                document.ManageEtcHosts = true;
            }

            hostKey = null;
            if (GenerateHostKey)
            {
                hostKey = HostKeyPair.Generate(Fqdn ?? HostName ?? string.Empty);
                document.HostKeys = new[] { hostKey };
            }

            return document;
        }

        // Info findings go to verbose; with -Validate the others are warnings and an error blocks writing.
        private bool ReportFindings(IReadOnlyList<CloudConfigFinding> findings)
        {
            bool writable = true;
            foreach (CloudConfigFinding finding in findings)
            {
                if (!Validate || finding.Severity == CloudConfigFindingSeverity.Info)
                {
                    WriteVerbose(finding.ToString());
                }
                else
                {
                    WriteWarning(finding.ToString());
                }
            }

            CloudConfigFinding? error = findings.FirstOrDefault(f => f.Severity == CloudConfigFindingSeverity.Error);
            if (Validate && error != null)
            {
                WriteError(AptReadyErrors.Create(
                    new InvalidDataException("The cloud-config fails the local structural check: " + error),
                    ErrorIds.CloudConfigStructureInvalid,
                    (object?)HostName ?? Fqdn));
                writable = false;
            }

            return writable;
        }

        private bool CheckSchema(CloudConfigResult result, HostKeyPair? hostKey)
        {
            IRemoteSession session = _validationSession!;
            RemoteHost host = RemoteHost.Of(session);
            string[]? secrets = hostKey == null ? null : new[] { hostKey.PrivateKeyPem };
            WriteVerbose($"{host}: {CloudConfigSchemaCheck.Description}.");
            Task<CloudConfigSchemaVerdict> run = Task.Run(() => CloudConfigSchemaCheck.RunAsync(session, result.Yaml, secrets, Cancellation));
            RunPostedUntil(() => run.IsCompleted);

            try
            {
                CloudConfigSchemaVerdict verdict = run.GetAwaiter().GetResult();
                result.SchemaVerdict = verdict;
                result.ValidatedOn = host;
                WriteVerbose($"{host}: cloud-init {verdict.CloudInitVersion} schema says the document is {(verdict.IsValid ? "valid" : "invalid")}: {verdict.Output}");
                if (verdict.IsValid)
                {
                    return true;
                }

                WriteError(AptReadyErrors.Create(
                    new InvalidDataException($"cloud-init {verdict.CloudInitVersion} on {host} rejects the cloud-config: {verdict.Output}"),
                    ErrorIds.CloudConfigSchemaInvalid,
                    host.ComputerName));
            }
            catch (RemoteSessionException ex)
            {
                WriteError(AptReadyErrors.FromRemoteFailure(ex, host.ComputerName));
            }
            catch (ProbeOutputException ex)
            {
                WriteError(AptReadyErrors.Create(ex, ErrorIds.CloudConfigSchemaCheckFailed, host.ComputerName));
            }

            return false;
        }

        private void WriteFiles(CloudConfigResult result, CloudConfigDocument document)
        {
            string? outFile = _outFile;
            string? seedPath = _seedPath;
            bool seedIsIso = seedPath != null && NoCloudSeed.IsIsoPath(seedPath);
            NoCloudSeed? seed = null;
            try
            {
                seed = seedPath == null ? null : new NoCloudSeed(result.Yaml, document.HostName, InstanceId, _networkConfig);
            }
            catch (ArgumentException ex)
            {
                WriteError(AptReadyErrors.Create(ex, ErrorIds.InvalidCloudConfig, SeedPath));
                return;
            }

            result.InstanceId = seed?.InstanceId;

            string? existing = Force ? null : NoCloudSeed.FirstExisting(outFile, seedPath);
            if (existing != null)
            {
                WriteError(AptReadyErrors.Create(
                    new IOException($"{InputExcerpt.Of(existing, 200)} exists; nothing was written. Use -Force to replace it."),
                    existing == outFile ? ErrorIds.OutFileExists : ErrorIds.SeedPathExists,
                    existing));
                return;
            }

            var written = new List<string>();
            try
            {
                if (outFile != null && ShouldProcess(outFile, "Write cloud-config user-data"))
                {
                    AtomicFile.Write(outFile, Utf8.GetBytes(result.Yaml), Force);
                    written.Add(outFile);
                }

                if (seed != null && ShouldProcess(seedPath, seedIsIso ? "Write NoCloud seed image (cidata)" : "Write NoCloud seed files"))
                {
                    if (seedIsIso)
                    {
                        seed.WriteIso(seedPath!, Force);
                        written.Add(seedPath!);
                    }
                    else
                    {
                        written.AddRange(seed.WriteFolder(seedPath!, Force));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                WriteError(AptReadyErrors.Create(ex, ErrorIds.CloudConfigWriteFailed, seedPath ?? outFile));
            }

            result.WrittenPaths = written;
        }
    }
}
