using System.Diagnostics;
using AptReady.Core.SshConfig;
using Xunit;

namespace AptReady.Core.Tests.SshConfig
{
    /// <summary>
    /// The oracle: for a corpus of configuration files, what AptReady resolves for a host equals what
    /// OpenSSH's own <c>ssh -G -F FILE HOST</c> prints for the same keywords (ssh -G never connects).
    /// </summary>
    public class SshConfigParityTests : IDisposable
    {
        internal const string Ssh = "/usr/bin/ssh";
        private readonly SshConfigFolder _folder = new SshConfigFolder();

        public void Dispose() => _folder.Dispose();

        public static TheoryData<string, string> Cases()
        {
            var data = new TheoryData<string, string>();
            foreach (var (file, hosts) in Corpus.Hosts)
            {
                foreach (string host in hosts)
                {
                    data.Add(file, host);
                }
            }

            return data;
        }

        [SshGTheory]
        [MemberData(nameof(Cases))]
        public void ResolvesAsSshGDoes(string corpusFile, string host)
        {
            foreach (var (name, text) in Corpus.Files)
            {
                _folder.Write(name, text);
            }

            string file = Path.Combine(_folder.Root, corpusFile);
            Dictionary<string, List<string>> ssh = SshG(file, host);
            SshHostConfig ours = _folder.Resolve(file, host);

            Assert.Equal(One(ssh, "hostname"), ours.HostName);
            Assert.Equal(One(ssh, "user"), ours.User);
            Assert.Equal(One(ssh, "port"), ours.Port.ToString());
            if (ours.IdentityFilesAsWritten.Count > 0)
            {
                Assert.Equal(ssh["identityfile"], ours.IdentityFilesAsWritten);
            }

            Assert.Equal(ssh.GetValueOrDefault("certificatefile") ?? new List<string>(), ours.CertificateFilesAsWritten);
            Assert.Equal(One(ssh, "identitiesonly"), ours.IdentitiesOnly == true ? "yes" : "no");
            Assert.Equal(OneOrNull(ssh, "identityagent"), ours.IdentityAgent);
            Assert.Equal(OneOrNull(ssh, "hostkeyalias"), ours.HostKeyAlias);
            Assert.Equal(OneOrNull(ssh, "proxycommand"), ours.ProxyCommand);
            string? jump = OneOrNull(ssh, "proxyjump");
            Assert.Equal(jump == null ? null : JumpHostSpec.ParseList(jump).Select(h => h.ToString()).ToList(),
                ours.ProxyJump is { Count: > 0 } hops ? hops.Select(h => h.ToString()).ToList() : null);
            string home = _folder.Local.HomeFolder;
            Assert.Equal(One(ssh, "userknownhostsfile"), string.Join(' ', ours.UserKnownHostsFiles ?? new[] { home + "/.ssh/known_hosts", home + "/.ssh/known_hosts2" }));
            Assert.Equal(One(ssh, "globalknownhostsfile"), string.Join(' ', ours.GlobalKnownHostsFiles ?? new[] { "/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2" }));
            Assert.Equal(One(ssh, "connecttimeout"), ours.ConnectTimeout == null ? "none" : ((int)ours.ConnectTimeout.Value.TotalSeconds).ToString());
            Assert.Equal(One(ssh, "stricthostkeychecking"), ours.StrictHostKeyChecking switch
            {
                null => "ask",
                StrictHostKeyChecking.Yes => "true",
                StrictHostKeyChecking.No => "false",
                StrictHostKeyChecking.AcceptNew => "accept-new",
                _ => "ask",
            });
            Assert.Equal(One(ssh, "kexalgorithms"), string.Join(',', KexAlgorithmList.Assemble(ours.KexAlgorithms, SshKex.Defaults, SshKex.All).Offered));
        }

        [SshGFact]
        public void ErrorsWhereSshGRefusesTheFile()
        {
            foreach (var (name, text) in Corpus.Broken)
            {
                string file = _folder.Write(name, text);
                var (code, _, error) = Run("-G", "-F", file, "--", "anyhost");
                Assert.True(code != 0, $"ssh -G accepted {name}: the corpus case is wrong.");
                Assert.Throws<SshConfigException>(() => _folder.Resolve(file, "anyhost"));
                Assert.Contains(name, error);
            }
        }

        private static string One(Dictionary<string, List<string>> values, string key) =>
            OneOrNull(values, key) ?? throw new Xunit.Sdk.XunitException($"ssh -G printed no {key}.");

        private static string? OneOrNull(Dictionary<string, List<string>> values, string key) =>
            values.TryGetValue(key, out var list) ? string.Join(' ', list) : null;

        internal static Dictionary<string, List<string>> SshG(string file, string host)
        {
            var (code, output, error) = Run("-G", "-F", file, "--", host);
            Assert.True(code == 0, $"ssh -G -F {file} {host} failed ({code}): {error}");
            var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                int space = line.IndexOf(' ');
                string key = space < 0 ? line : line.Substring(0, space);
                string value = space < 0 ? string.Empty : line.Substring(space + 1);
                if (!values.TryGetValue(key, out var list))
                {
                    values[key] = list = new List<string>();
                }

                list.Add(value);
            }

            return values;
        }

        internal static (int Code, string Output, string Error) Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(Ssh) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}

namespace AptReady.Core.Tests.SshConfig
{
    internal static class SshGSkip
    {
        public static string? Reason => File.Exists(SshConfigParityTests.Ssh)
            ? null
            : $"{SshConfigParityTests.Ssh} is missing: the parity oracle needs OpenSSH's client (apt-get install openssh-client).";
    }

    public sealed class SshGTheoryAttribute : TheoryAttribute
    {
        public SshGTheoryAttribute() => Skip = SshGSkip.Reason;
    }

    public sealed class SshGFactAttribute : FactAttribute
    {
        public SshGFactAttribute() => Skip = SshGSkip.Reason;
    }
}
