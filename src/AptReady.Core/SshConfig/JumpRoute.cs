using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AptReady.Core.SshConfig
{
    /// <summary>Why a jump route cannot be used, found before anything connects.</summary>
    public sealed class JumpRouteException : Exception
    {
        public JumpRouteException(string message, bool isLoop)
            : base(message)
        {
            IsLoop = isLoop;
        }

        /// <summary>True for a route that comes back to a host already on it; false for one that is too long.</summary>
        public bool IsLoop { get; }
    }

    /// <summary>
    /// The jump hosts on the way to a target, first hop first, each resolved through the configuration
    /// under its own name, as ssh does: for <c>-J a,b</c> the hop b is reached through a, and a through
    /// its own ProxyJump (if any). A route longer than <see cref="MaxHops"/> or one that visits a host
    /// twice (the target included) is refused before connecting.
    /// </summary>
    public static class JumpRoute
    {
        public const int MaxHops = 8;

        /// <summary>
        /// The hops for <paramref name="target"/>: <paramref name="explicitRoute"/> when given (-JumpHost wins
        /// over the files), else the target's ProxyJump. Empty for a direct connection.
        /// </summary>
        public static IReadOnlyList<SshHostConfig> Plan(SshConfigResolver resolver, SshHostConfig target, IReadOnlyList<JumpHostSpec>? explicitRoute)
        {
            if (resolver is null)
            {
                throw new ArgumentNullException(nameof(resolver));
            }

            var visited = new List<string> { Identity(target) };
            var hops = new List<SshHostConfig>();
            Add(resolver, explicitRoute ?? target.ProxyJump, visited, hops, target.OriginalHost);
            return hops;
        }

        private static void Add(SshConfigResolver resolver, IReadOnlyList<JumpHostSpec>? route, List<string> visited, List<SshHostConfig> hops, string target)
        {
            if (route == null || route.Count == 0)
            {
                return;
            }

            if (visited.Count > MaxHops + 1)
            {
                throw TooLong(target, visited);
            }

            JumpHostSpec last = route[route.Count - 1];
            SshHostConfig hop = resolver.Resolve(last.Host, last.UserName, last.Port);
            string identity = Identity(hop);
            if (visited.Contains(identity))
            {
                throw new JumpRouteException(
                    $"The jump route to {target} comes back to {identity}: {string.Join(" <- ", visited.Concat(new[] { identity }))}. Check ProxyJump in the ssh configuration and -JumpHost.",
                    isLoop: true);
            }

            visited.Add(identity);
            IReadOnlyList<JumpHostSpec>? before = route.Count > 1 ? route.Take(route.Count - 1).ToList() : hop.ProxyJump;
            Add(resolver, before, visited, hops, target);
            hops.Add(hop);
            if (hops.Count > MaxHops)
            {
                throw TooLong(target, visited);
            }
        }

        private static JumpRouteException TooLong(string target, List<string> visited) =>
            new JumpRouteException($"The jump route to {target} has more than {MaxHops} hops ({string.Join(" <- ", visited)} ...).", isLoop: false);

        private static string Identity(SshHostConfig host) =>
            host.User + "@" + host.HostName + ":" + host.Port.ToString(CultureInfo.InvariantCulture);
    }
}
