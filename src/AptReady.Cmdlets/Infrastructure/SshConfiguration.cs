using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AptReady.Core.SshConfig;
using AptReady.Core;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// Reads the ssh configuration once per command (-SshConfigPath, else ~/.ssh/config and /etc/ssh/ssh_config)
    /// and the -JumpHost route. A file that cannot be read or parsed stops the command before any host
    /// starts (SshConfigInvalid), so nothing runs with half a configuration.
    /// </summary>
    internal static class SshConfiguration
    {
        public static SshTargetFactory CreateFactory(PSCmdlet cmdlet, string? sshConfigPath, string[]? jumpHosts, ConnectionArguments arguments, Action<string> verbose)
        {
            SshLocalContext local = LocalContext();
            string? path = sshConfigPath;
            SshConfigResolver resolver;
            try
            {
                // '' reads no file (as ssh -F none); anything else must be a path of a file on this machine.
                path = string.IsNullOrEmpty(sshConfigPath) ? sshConfigPath : LocalPathResolver.Resolve(cmdlet.SessionState, sshConfigPath!, "SshConfigPath");
                resolver = SshConfigResolver.Load(path, local);
            }
            catch (InvalidInputException ex)
            {
                cmdlet.ThrowTerminatingError(AptReadyErrors.InvalidInput(ex, null));
                throw;
            }
            catch (SshConfigException ex)
            {
                cmdlet.ThrowTerminatingError(AptReadyErrors.Create(ex, ErrorIds.SshConfigInvalid, ex.File));
                throw;
            }

            if (jumpHosts != null)
            {
                try
                {
                    arguments.JumpHosts = jumpHosts.SelectMany(j => JumpHostSpec.ParseList(j)).ToList();
                }
                catch (FormatException ex)
                {
                    cmdlet.ThrowTerminatingError(AptReadyErrors.Create(new ArgumentException("-JumpHost: " + ex.Message, ex), ErrorIds.InvalidJumpHost, jumpHosts));
                }

                if (arguments.JumpHosts!.Count > JumpRoute.MaxHops)
                {
                    cmdlet.ThrowTerminatingError(AptReadyErrors.Create(new ArgumentException($"-JumpHost names {arguments.JumpHosts.Count} hops; at most {JumpRoute.MaxHops} are followed."),
                        ErrorIds.TooManyJumpHosts, jumpHosts));
                }
            }

            verbose(resolver.Files.Count == 0
                ? "ssh_config: no configuration file read."
                : "ssh_config: read " + string.Join(", ", resolver.Files.Select(f => f.Path)) + ".");
            return new SshTargetFactory(resolver, arguments, verbose);
        }

        /// <summary>The local facts ssh_config tokens use: the user, HOME, the host name, the numeric user id.</summary>
        public static SshLocalContext LocalContext()
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            string host;
            try
            {
                host = System.Net.Dns.GetHostName();
            }
            catch (System.Net.Sockets.SocketException)
            {
                host = Environment.MachineName;
            }

            return new SshLocalContext(Environment.UserName, home, host, UserId(), Environment.GetEnvironmentVariable);
        }

        // The real uid from /proc (Linux); 0 elsewhere, where %i is rarely used.
        private static string UserId()
        {
            const string Status = "/proc/self/status";
            if (!File.Exists(Status))
            {
                return "0";
            }

            string? line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            string[] fields = line?.Split(new[] { '\t', ' ' }, StringSplitOptions.RemoveEmptyEntries) ?? Array.Empty<string>();
            return fields.Length > 1 ? fields[1] : "0";
        }
    }
}
