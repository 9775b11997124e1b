using System.Collections.Generic;
using System.Linq;
using Renci.SshNet;

namespace AptReady.Transport
{
    /// <summary>The key exchanges SSH.NET implements, in its order, and how a chosen order reaches a connection.</summary>
    public static class KeyExchangeOrder
    {
        /// <summary>
        /// SSH.NET's key exchanges in its own order of preference: AptReady's default, and everything it can
        /// offer (ssh_config's KexAlgorithms starts from this list, as ssh starts from its compiled one).
        /// </summary>
        public static IReadOnlyList<string> Supported { get; } =
            new ConnectionInfo("localhost", "aptready", new NoneAuthenticationMethod("aptready")).KeyExchangeAlgorithms.Keys.ToList();

        /// <summary>Leaves exactly <paramref name="names"/> on the connection, in that order; null keeps SSH.NET's own.</summary>
        internal static void Apply(ConnectionInfo info, IReadOnlyList<string>? names)
        {
            if (names == null)
            {
                return;
            }

            var algorithms = info.KeyExchangeAlgorithms;
            foreach (string name in algorithms.Keys.Where(k => !names.Contains(k)).ToList())
            {
                algorithms.Remove(name);
            }

            int position = 0;
            foreach (string name in names.Where(algorithms.ContainsKey))
            {
                algorithms.SetPosition(name, position++);
            }
        }
    }
}
