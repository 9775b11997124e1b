using AptReady.Core.SshConfig;

namespace AptReady.Core.Tests.SshConfig
{
    /// <summary>A temporary folder of ssh_config files (with includes) and the local context to read them with.</summary>
    internal sealed class SshConfigFolder : IDisposable
    {
        public SshConfigFolder()
        {
            Root = Path.Combine(Path.GetTempPath(), "aptready-sshconfig-" + Guid.NewGuid().ToString("n").Substring(0, 8));
            Directory.CreateDirectory(Root);
            Local = new SshLocalContext(
                Environment.UserName,
                Environment.GetEnvironmentVariable("HOME") ?? "/root",
                System.Net.Dns.GetHostName(),
                "0",
                Environment.GetEnvironmentVariable);
        }

        public string Root { get; }

        public SshLocalContext Local { get; }

        /// <summary>Writes a file under the folder ({ROOT} in the text becomes the folder's path) and returns its path.</summary>
        public string Write(string name, string text)
        {
            string path = Path.Combine(Root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text.Replace("{ROOT}", Root));
            return path;
        }

        public SshHostConfig Resolve(string file, string host, string? user = null, int? port = null) =>
            SshConfigResolver.Load(file, Local).Resolve(host, user, port);

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
