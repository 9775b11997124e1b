using System.Diagnostics;

namespace AptReady.Core.Tests.Agent
{
    /// <summary>A real OpenSSH ssh-agent on its own socket, run in the foreground (-D) and ended by its process.</summary>
    internal sealed class RealAgent : IDisposable
    {
        private readonly Process _process;
        private bool _disposed;

        public RealAgent()
        {
            Folder = Directory.CreateTempSubdirectory("aptready-agent-").FullName;
            SocketPath = Path.Combine(Folder, "agent.sock");
            var start = new ProcessStartInfo("/usr/bin/ssh-agent") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-D");
            start.ArgumentList.Add("-a");
            start.ArgumentList.Add(SocketPath);
            _process = Process.Start(start) ?? throw new InvalidOperationException("ssh-agent did not start.");
            var deadline = Stopwatch.StartNew();
            while (!File.Exists(SocketPath))
            {
                if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new InvalidOperationException("ssh-agent did not create its socket within 20 s.");
                }

                Thread.Yield();
                _process.WaitForExit(20);
            }
        }

        public string Folder { get; }

        public string SocketPath { get; }

        /// <summary>Runs ssh-add against this agent with the given arguments; throws unless it exits 0.</summary>
        public string Add(params string[] arguments)
        {
            var (code, output) = HostKeys.SshKeygen.RunTool("/usr/bin/ssh-add", new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = SocketPath }, arguments);
            if (code != 0)
            {
                throw new InvalidOperationException($"ssh-add {string.Join(' ', arguments)} exited {code}: {output}");
            }

            return output;
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
