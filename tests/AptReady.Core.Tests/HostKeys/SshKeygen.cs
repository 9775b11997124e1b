using System.Diagnostics;

namespace AptReady.Core.Tests.HostKeys
{
    /// <summary>Runs the real OpenSSH ssh-keygen; fails loudly when it is not installed.</summary>
    internal static class SshKeygen
    {
        public const string Path = "/usr/bin/ssh-keygen";

        public static (int ExitCode, string Output) Run(params string[] arguments)
        {
            if (!File.Exists(Path))
            {
                throw new InvalidOperationException($"{Path} is missing: these tests compare with real OpenSSH. Install openssh-client.");
            }

            return RunTool(Path, null, arguments);
        }

        /// <summary>Runs an OpenSSH tool with extra environment variables; returns its exit code and output (stdout then stderr).</summary>
        public static (int ExitCode, string Output) RunTool(string path, IDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var pair in environment ?? new Dictionary<string, string>())
            {
                start.Environment[pair.Key] = pair.Value;
            }

            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }

        public static string RunOk(params string[] arguments)
        {
            var (code, output) = Run(arguments);
            if (code != 0)
            {
                throw new InvalidOperationException($"ssh-keygen {string.Join(' ', arguments)} exited {code}: {output}");
            }

            return output;
        }

        /// <summary>Makes a key pair of <paramref name="type"/> in <paramref name="folder"/>; returns the .pub line's base64 blob.</summary>
        public static string NewKey(string folder, string type, string name)
        {
            string file = System.IO.Path.Combine(folder, name);
            RunOk("-q", "-t", type, "-N", "", "-C", name, "-f", file);
            return File.ReadAllText(file + ".pub").Split(' ')[1];
        }
    }

    /// <summary>A temp folder removed after the test.</summary>
    internal sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = Directory.CreateTempSubdirectory("aptready-hostkeys-").FullName;
        }

        public string Path { get; }

        public string File(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
