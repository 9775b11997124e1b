using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// A NoCloud seed: user-data, meta-data (instance-id, local-hostname) and optionally network-config and
    /// vendor-data, written as a folder or as an ISO 9660 image labelled 'cidata'. A new instance-id (the
    /// default) makes cloud-init run its per-instance modules again.
    /// </summary>
    public sealed class NoCloudSeed
    {
        /// <summary>The volume label cloud-init's NoCloud data source looks for.</summary>
        public const string VolumeLabel = "cidata";

        private static readonly Regex InstanceIdPattern = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\z", RegexOptions.CultureInvariant);
        private static readonly string[] SeedFileNames = { "user-data", "meta-data", "network-config", "vendor-data" };
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <param name="userData">The user-data text (usually a cloud-config document beginning '#cloud-config').</param>
        /// <param name="localHostName">meta-data local-hostname, or null to leave it out.</param>
        /// <param name="instanceId">meta-data instance-id; a new unique id when null.</param>
        /// <param name="networkConfig">network-config text (version 1 or 2), or null for none.</param>
        /// <param name="vendorData">vendor-data text, or null for none.</param>
        public NoCloudSeed(string userData, string? localHostName = null, string? instanceId = null, string? networkConfig = null, string? vendorData = null)
        {
            UserData = userData ?? throw new ArgumentNullException(nameof(userData));
            LocalHostName = localHostName == null ? null : CloudConfigInput.HostName(localHostName, nameof(localHostName));
            if (instanceId != null && !InstanceIdPattern.IsMatch(instanceId))
            {
                throw CloudConfigInput.Invalid(nameof(instanceId), instanceId, "is not a usable instance-id (letters, digits, '.', '_', '-'; it becomes a folder name on the target).");
            }

            InstanceId = instanceId ?? "iid-aptready-" + Guid.NewGuid().ToString("N").Substring(0, 16);
            NetworkConfig = networkConfig;
            VendorData = vendorData;
        }

        /// <summary>A seed whose user-data is <paramref name="document"/> and whose local-hostname is the document's host name.</summary>
        public static NoCloudSeed FromDocument(CloudConfigDocument document, string? instanceId = null, string? networkConfig = null, string? vendorData = null)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(document));
            }

            return new NoCloudSeed(new CloudConfigYamlWriter().Write(document), document.HostName, instanceId, networkConfig, vendorData);
        }

        public string UserData { get; }

        public string InstanceId { get; }

        public string? LocalHostName { get; }

        public string? NetworkConfig { get; }

        public string? VendorData { get; }

        /// <summary>The meta-data YAML: instance-id and, when given, local-hostname.</summary>
        public string MetaData
        {
            get
            {
                var map = new OrderedDictionary { ["instance-id"] = InstanceId };
                if (LocalHostName != null)
                {
                    map["local-hostname"] = LocalHostName;
                }

                return new CloudConfigYamlWriter().WriteMapping(map);
            }
        }

        /// <summary>The seed's files by name, UTF-8 without a byte order mark.</summary>
        public IReadOnlyList<Iso9660File> Files
        {
            get
            {
                var files = new List<Iso9660File>
                {
                    new Iso9660File("user-data", Utf8.GetBytes(UserData)),
                    new Iso9660File("meta-data", Utf8.GetBytes(MetaData)),
                };
                if (NetworkConfig != null)
                {
                    files.Add(new Iso9660File("network-config", Utf8.GetBytes(NetworkConfig)));
                }

                if (VendorData != null)
                {
                    files.Add(new Iso9660File("vendor-data", Utf8.GetBytes(VendorData)));
                }

                return files;
            }
        }

        /// <summary>
        /// Writes the seed files into <paramref name="folder"/> (created if missing), each atomically. Without
        /// <paramref name="force"/> nothing is written when any seed file exists there. With it, a stale
        /// network-config or vendor-data this seed does not have is deleted, so cloud-init cannot pick it up.
        /// Returns the paths written.
        /// </summary>
        public IReadOnlyList<string> WriteFolder(string folder, bool force = false)
        {
            if (string.IsNullOrEmpty(folder))
            {
                throw new ArgumentException("A folder is required.", nameof(folder));
            }

            string root = Path.GetFullPath(folder);
            IReadOnlyList<Iso9660File> files = Files;
            if (!force)
            {
                string? existing = SeedFileNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists);
                if (existing != null)
                {
                    throw new IOException($"{InputExcerpt.Of(existing, 200)} exists; refusing to overwrite a seed without force.");
                }
            }

            Directory.CreateDirectory(root);
            var written = new List<string>();
            foreach (Iso9660File file in files)
            {
                string path = Path.Combine(root, file.Name);
                AtomicFile.Write(path, file.Content, force);
                written.Add(path);
            }

            foreach (string stale in SeedFileNames.Except(files.Select(f => f.Name)))
            {
                File.Delete(Path.Combine(root, stale));
            }

            return written;
        }

        /// <summary>Whether a seed path names an ISO image (cidata.iso) rather than a folder of seed files.</summary>
        public static bool IsIsoPath(string path) => path != null && path.EndsWith(".iso", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// What writing without force would replace: <paramref name="userDataFile"/> (or a folder in its place),
        /// the ISO image, or the first seed file in the seed folder; null when nothing. Asked before anything is
        /// written, so that one existing target does not leave the other half written.
        /// </summary>
        public static string? FirstExisting(string? userDataFile, string? seedPath)
        {
            if (userDataFile != null && (File.Exists(userDataFile) || Directory.Exists(userDataFile)))
            {
                return userDataFile;
            }

            if (seedPath == null)
            {
                return null;
            }

            if (IsIsoPath(seedPath))
            {
                return File.Exists(seedPath) || Directory.Exists(seedPath) ? seedPath : null;
            }

            return SeedFileNames.Select(n => Path.Combine(seedPath, n)).FirstOrDefault(File.Exists);
        }

        /// <summary>The seed as an ISO 9660 + Joliet image labelled 'cidata'.</summary>
        public byte[] ToIso(DateTimeOffset? recordedAt = null) => new Iso9660Writer(VolumeLabel, recordedAt).ToBytes(Files);

        /// <summary>Writes the ISO image to <paramref name="path"/> atomically; refuses to replace an existing file without <paramref name="force"/>.</summary>
        public void WriteIso(string path, bool force = false, DateTimeOffset? recordedAt = null)
        {
            if (string.IsNullOrEmpty(path))
            {
                throw new ArgumentException("A path is required.", nameof(path));
            }

            AtomicFile.Write(path, ToIso(recordedAt), force);
        }
    }
}
