using System;

namespace AptReady.Core.SshConfig
{
    /// <summary>The facts about the local side that ssh_config tokens and defaults refer to (%u, %d, %l, ~, ${VAR}).</summary>
    public sealed class SshLocalContext
    {
        public SshLocalContext(string userName, string homeFolder, string hostName, string userId, Func<string, string?> environment)
        {
            UserName = userName ?? throw new ArgumentNullException(nameof(userName));
            HomeFolder = (homeFolder ?? throw new ArgumentNullException(nameof(homeFolder))).TrimEnd('/');
            HostName = hostName ?? throw new ArgumentNullException(nameof(hostName));
            UserId = userId ?? throw new ArgumentNullException(nameof(userId));
            Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        }

        /// <summary>The local user (%u, and the login user when nothing else names one).</summary>
        public string UserName { get; }

        /// <summary>The local user's home folder (%d and ~).</summary>
        public string HomeFolder { get; }

        /// <summary>The local host name with its domain, as gethostname returns it (%l; %L is its first label).</summary>
        public string HostName { get; }

        /// <summary>The local numeric user id (%i).</summary>
        public string UserId { get; }

        /// <summary>Environment variables for ${NAME}.</summary>
        public Func<string, string?> Environment { get; }

        /// <summary>The user's own ~/.ssh folder: relative Include paths in user files start there.</summary>
        public string UserSshFolder => HomeFolder + "/.ssh";

        /// <summary>The system folder: relative Include paths in /etc/ssh/ssh_config start there.</summary>
        public const string SystemSshFolder = "/etc/ssh";
    }
}
