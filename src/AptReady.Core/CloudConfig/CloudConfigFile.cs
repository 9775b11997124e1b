using System;
using System.IO;
using System.IO.Compression;

namespace AptReady.Core.CloudConfig
{
    /// <summary>How a <see cref="CloudConfigFile"/>'s content is encoded in the YAML.</summary>
    public enum CloudConfigFileEncoding
    {
        /// <summary>Plain text (text/plain): written as is.</summary>
        Text,

        /// <summary>Base64 ('b64'): for binary content.</summary>
        Base64,

        /// <summary>Gzip then base64 ('gz+b64'): for large content.</summary>
        GzipBase64,
    }

    /// <summary>One entry of cloud-config's <c>write_files:</c> list.</summary>
    public sealed class CloudConfigFile
    {
        /// <param name="path">The absolute path on the target.</param>
        /// <param name="content">The text to write (UTF-8 on the target).</param>
        /// <param name="permissions">An octal mode ('0644', '644' or '0o644'); normalised, see <see cref="CloudConfigInput.FileMode"/>. Null for cloud-init's default 0644.</param>
        /// <param name="owner">'user' or 'user:group'; null for cloud-init's default root:root.</param>
        /// <param name="append">Append to an existing file instead of replacing it.</param>
        /// <param name="defer">Write in the final stage, after users and packages exist (cloud-init 21.4+).</param>
        public CloudConfigFile(string path, string content, string? permissions = null, string? owner = null, bool append = false, bool defer = false)
            : this(path, content ?? throw new ArgumentNullException(nameof(content)), CloudConfigFileEncoding.Text, permissions, owner, append, defer)
        {
        }

        private CloudConfigFile(string path, string encodedContent, CloudConfigFileEncoding encoding, string? permissions, string? owner, bool append, bool defer)
        {
            Path = CloudConfigInput.AbsolutePath(path, nameof(path));
            Content = encodedContent;
            Encoding = encoding;
            Permissions = permissions == null ? null : CloudConfigInput.FileMode(permissions, nameof(permissions));
            Owner = owner == null ? null : CloudConfigInput.Owner(owner, nameof(owner));
            Append = append;
            Defer = defer;
        }

        /// <summary>A file with binary content, base64-encoded (gzip first when <paramref name="gzip"/>).</summary>
        public static CloudConfigFile FromBytes(string path, byte[] content, bool gzip = false, string? permissions = null, string? owner = null, bool append = false, bool defer = false)
        {
            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            byte[] payload = content;
            if (gzip)
            {
                using (var buffer = new MemoryStream())
                {
                    using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
                    {
                        zip.Write(content, 0, content.Length);
                    }

                    payload = buffer.ToArray();
                }
            }

            return new CloudConfigFile(path, Convert.ToBase64String(payload), gzip ? CloudConfigFileEncoding.GzipBase64 : CloudConfigFileEncoding.Base64, permissions, owner, append, defer);
        }

        public string Path { get; }

        /// <summary>The content as it appears in the YAML (base64 text for the encoded forms).</summary>
        public string Content { get; }

        public CloudConfigFileEncoding Encoding { get; }

        /// <summary>The normalised octal mode, e.g. '0644'; null for cloud-init's default.</summary>
        public string? Permissions { get; }

        public string? Owner { get; }

        public bool Append { get; }

        public bool Defer { get; }

        internal YamlMap ToYaml()
        {
            var map = new YamlMap { { "path", Path }, { "content", Content } };
            if (Encoding != CloudConfigFileEncoding.Text)
            {
                map.Add("encoding", Encoding == CloudConfigFileEncoding.Base64 ? "b64" : "gz+b64");
            }

            if (Permissions != null)
            {
                map.Add("permissions", Permissions);
            }

            if (Owner != null)
            {
                map.Add("owner", Owner);
            }

            if (Append)
            {
                map.Add("append", true);
            }

            if (Defer)
            {
                map.Add("defer", true);
            }

            return map;
        }
    }
}
