using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// Keeps AptReady's own dependencies (SSH.NET, YamlDotNet, BouncyCastle, its core) from clashing
    /// with other modules' copies. They live in bin/deps, where PowerShell does not look; on
    /// PowerShell 7 they load into a private AssemblyLoadContext, so a different SSH.NET already
    /// loaded by another module (Posh-SSH) does not matter. On Windows PowerShell 5.1, which has one
    /// load context, they are loaded from bin/deps on demand.
    /// </summary>
    internal static class DependencyLoader
    {
        private static readonly object Gate = new object();
        private static bool _installed;

        public static string DependencyFolder { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".", "deps");

        public static void Install()
        {
            lock (Gate)
            {
                if (_installed)
                {
                    return;
                }

                if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                }
                else
                {
                    IsolatedContext.Install(DependencyFolder);
                }

                _installed = true;
            }
        }

        private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args)
        {
            string path = Path.Combine(DependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        /// <summary>Only touched on .NET (Core): the load context type does not work on .NET Framework.</summary>
        private static class IsolatedContext
        {
            public static void Install(string folder)
            {
                var context = new AptReadyLoadContext(folder);
                AssemblyLoadContext.Default.Resolving += (_, name) =>
                    IsOwnAssembly(name) ? context.LoadFromAssemblyName(name) : null;
            }

            // The cmdlet assembly references only AptReady's own libraries; everything else they
            // need is resolved inside the private context.
            private static bool IsOwnAssembly(AssemblyName name) =>
                name.Name == "AptReady.Core" || name.Name == "AptReady.Transport";
        }

        private sealed class AptReadyLoadContext : AssemblyLoadContext
        {
            private readonly string _folder;

            public AptReadyLoadContext(string folder)
            {
                _folder = folder;
            }

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                string? name = assemblyName.Name;
                if (name == null || IsFrameworkAssembly(name))
                {
                    return null;
                }

                string path = Path.Combine(_folder, name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }

            // netstandard shims of framework assemblies (System.Memory, System.Text.Json, …) must
            // come from the running framework, or their types would not be the framework's types.
            private static bool IsFrameworkAssembly(string name) =>
                name == "netstandard" || name == "mscorlib"
                || name.StartsWith("System.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Bcl.", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
        }
    }
}
