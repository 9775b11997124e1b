using System;
using System.Collections.Generic;
using System.Linq;

namespace AptReady.Core.SshConfig
{
    /// <summary>What a KexAlgorithms value comes to for one client: the names to offer, in order, and those it lacks.</summary>
    public sealed class KexAlgorithmChoice
    {
        internal KexAlgorithmChoice(IReadOnlyList<string> offered, IReadOnlyList<string> dropped)
        {
            Offered = offered;
            Dropped = dropped;
        }

        /// <summary>The key exchanges to offer, most preferred first; empty when none is left.</summary>
        public IReadOnlyList<string> Offered { get; }

        /// <summary>Names the value asked for that ssh knows but this client does not implement, in order.</summary>
        public IReadOnlyList<string> Dropped { get; }
    }

    /// <summary>
    /// ssh_config's KexAlgorithms as ssh reads it: a list replaces the default order; "+list" appends to
    /// it, "^list" puts the names at its head, "-list" removes names from it (wildcards and "!" allowed
    /// there only). Names are case-sensitive and each is kept once, where it first appears. The default
    /// order is the caller's (the client's own), so this stays free of any SSH library.
    /// </summary>
    public static class KexAlgorithmList
    {
        /// <summary>Every key exchange OpenSSH knows (ssh -Q kex of OpenSSH 10.5 and later): a name outside it and the client's list is refused.</summary>
        public static readonly IReadOnlyList<string> KnownToOpenSsh = new[]
        {
            "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1", "diffie-hellman-group14-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group-exchange-sha1",
            "diffie-hellman-group-exchange-sha256", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
            "mlkem768nistp256-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org", "sntrup761x25519-sha512",
            "sntrup761x25519-sha512@openssh.com", "mlkem768x25519-sha256",
        };

        /// <summary>
        /// Checks a KexAlgorithms line as ssh does when it reads the file (active or not): a list, "+list" or
        /// "^list" must name known algorithms only, no patterns; "-list" is not checked (it only removes).
        /// </summary>
        internal static void Check(SshConfigEntry entry, string value)
        {
            if (value.StartsWith("-", StringComparison.Ordinal))
            {
                return;
            }

            IReadOnlyList<string> names = Names(Body(value));
            string? unknown = names.FirstOrDefault(n => !KnownToOpenSsh.Contains(n, StringComparer.Ordinal));
            if (names.Count == 0 || unknown != null)
            {
                throw entry.Error($"Bad SSH2 KexAlgorithms '{value}'"
                    + (unknown == null ? ": no algorithm named." : $": unsupported KEX algorithm \"{unknown}\" (ssh -Q kex lists them; patterns are allowed after '-' only)."));
            }
        }

        /// <summary>
        /// The order to offer for <paramref name="value"/> (null: the default), starting from
        /// <paramref name="defaults"/>; names outside <paramref name="supported"/> are dropped. A name that
        /// neither OpenSSH nor <paramref name="supported"/> knows throws <see cref="ArgumentException"/>.
        /// </summary>
        public static KexAlgorithmChoice Assemble(string? value, IReadOnlyList<string> defaults, IEnumerable<string> supported)
        {
            var known = new HashSet<string>(supported ?? throw new ArgumentNullException(nameof(supported)), StringComparer.Ordinal);
            IEnumerable<string> wanted = defaults ?? throw new ArgumentNullException(nameof(defaults));
            if (!string.IsNullOrEmpty(value))
            {
                IReadOnlyList<string> names = Names(Body(value!));
                if (value![0] != '-')
                {
                    string? unknown = names.FirstOrDefault(n => !known.Contains(n) && !KnownToOpenSsh.Contains(n, StringComparer.Ordinal));
                    if (unknown != null)
                    {
                        throw new ArgumentException($"KexAlgorithms names \"{unknown}\", a key exchange neither ssh nor this client knows.", nameof(value));
                    }
                }

                wanted = value[0] switch
                {
                    '+' => defaults.Concat(names),
                    '^' => names.Concat(defaults),
                    '-' => defaults.Where(name => SshHostPattern.MatchList(name, value.Substring(1), lowerPatterns: false) != 1),
                    _ => names,
                };
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            List<string> once = wanted.Where(seen.Add).ToList();
            return new KexAlgorithmChoice(once.Where(known.Contains).ToList(), once.Where(n => !known.Contains(n)).ToList());
        }

        private static string Body(string value) => value.Length > 0 && (value[0] == '+' || value[0] == '^' || value[0] == '-') ? value.Substring(1) : value;

        // Empty elements (a stray comma) name nothing, as in ssh.
        private static IReadOnlyList<string> Names(string list) => list.Split(',').Where(n => n.Length > 0).ToList();
    }
}
