using System.Diagnostics;
using System.Text;
using Xunit;

namespace AptReady.Core.Tests.CloudConfig
{
    /// <summary>Runs the real tools the cloud-config tests compare against (PyYAML, ssh-keygen, isoinfo).</summary>
    internal static class ExternalTools
    {
        private const string RootfsCache = "/var/cache/aptready/rootfs";
        private const string PyYamlScript = "import yaml,sys,json; print(json.dumps(yaml.safe_load(sys.stdin.read())))";

        private static readonly Lazy<string[]?> PyYamlCommand = new Lazy<string[]?>(FindPyYaml);

        /// <summary>Why PyYAML tests are skipped, or null when PyYAML can run.</summary>
        public static string? PyYamlUnavailable => PyYamlCommand.Value == null
            ? "Neither the host's python3 nor a cached target root file system has PyYAML (python3-yaml)."
            : null;

        /// <summary>Parses <paramref name="yaml"/> with PyYAML's safe_load and returns json.dumps of the result.</summary>
        public static string PyYamlToJson(string yaml)
        {
            string[] command = PyYamlCommand.Value ?? throw new InvalidOperationException(PyYamlUnavailable);
            var result = Run(command[0], command.Skip(1).ToArray(), Encoding.UTF8.GetBytes(yaml));
            Assert.True(result.ExitCode == 0, "PyYAML failed: " + result.StdErr);
            return result.StdOut;
        }

        public static (int ExitCode, string StdOut, string StdErr) Run(string fileName, string[] arguments, byte[]? stdin = null, Encoding? outputEncoding = null)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = outputEncoding ?? new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            start.Environment["LC_ALL"] = "C.UTF-8";
            using var process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (stdin != null)
            {
                process.StandardInput.BaseStream.Write(stdin, 0, stdin.Length);
            }

            process.StandardInput.Close();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }

        private static string[]? FindPyYaml()
        {
            foreach (string python in new[] { "python3", "/usr/bin/python3" })
            {
                if (Works(python, new[] { "-B", "-c", "import yaml" }))
                {
                    return new[] { python, "-B", "-c", PyYamlScript };
                }
            }

            // Read-only use of a cached target root file system (tests/targets/rootfs.sh builds them):
            // -B keeps python from writing bytecode into it.
            string[] roots = Directory.Exists(RootfsCache) ? Directory.GetDirectories(RootfsCache) : Array.Empty<string>();
            foreach (string root in roots.Where(r => File.Exists(Path.Combine(r, ".aptready-complete"))).OrderBy(r => r, StringComparer.Ordinal))
            {
                if (File.Exists(root + "/usr/bin/python3") && Works("chroot", new[] { root, "/usr/bin/python3", "-B", "-c", "import yaml" }))
                {
                    return new[] { "chroot", root, "/usr/bin/python3", "-B", "-c", PyYamlScript };
                }
            }

            return null;
        }

        private static bool Works(string fileName, string[] arguments)
        {
            try
            {
                return Run(fileName, arguments).ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }

    /// <summary>A fact that is skipped, with the reason, when PyYAML cannot be run here.</summary>
    public sealed class PyYamlFactAttribute : FactAttribute
    {
        public PyYamlFactAttribute()
        {
            Skip = ExternalTools.PyYamlUnavailable;
        }
    }

    /// <summary>A fact that is skipped, with the reason, when this machine cannot loop-mount an ISO 9660 image.</summary>
    public sealed class LoopMountFactAttribute : FactAttribute
    {
        public LoopMountFactAttribute()
        {
            if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            {
                Skip = "Loop-mounting needs Linux and root.";
            }
            else if (!File.Exists("/dev/loop-control"))
            {
                Skip = "No loop devices here.";
            }
            else if (!File.ReadAllText("/proc/filesystems").Contains("iso9660"))
            {
                Skip = "The kernel has no iso9660 file system loaded (and modules cannot be loaded here).";
            }
        }
    }

    /// <summary>A fact that is skipped, with the reason, when a tool is not installed.</summary>
    public sealed class ToolFactAttribute : FactAttribute
    {
        public ToolFactAttribute(string toolPath)
        {
            if (!File.Exists(toolPath))
            {
                Skip = toolPath + " is not installed.";
            }
        }
    }
}
