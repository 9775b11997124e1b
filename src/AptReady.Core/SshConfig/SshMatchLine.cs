using System;
using System.Collections.Generic;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// A Match line's criteria, in order: all, canonical, final, host, originalhost, user, localuser
    /// (each may be negated with '!'). exec is recognised but never run: reaching it while the line
    /// still matches is an error. Other criteria (localnetwork, tagged, version, sessiontype, command)
    /// are not supported and are an error, so no block is applied or skipped by a guess.
    /// </summary>
    internal sealed class SshMatchLine
    {
        private static readonly HashSet<string> WithArgument = new HashSet<string>(StringComparer.Ordinal)
        {
            "host", "originalhost", "user", "localuser", "exec",
        };

        private SshMatchLine(SshConfigEntry entry, List<(bool Negate, string Attribute, string? Argument)> criteria)
        {
            Entry = entry;
            Criteria = criteria;
        }

        public SshConfigEntry Entry { get; }

        public List<(bool Negate, string Attribute, string? Argument)> Criteria { get; }

        /// <summary>Whether an un-negated "final" asks for ssh's second pass.</summary>
        public bool WantsFinalPass => Criteria.Exists(c => c.Attribute == "final" && !c.Negate);

        public static SshMatchLine Parse(SshConfigEntry entry)
        {
            var criteria = new List<(bool, string, string?)>();
            IReadOnlyList<string> args = entry.Arguments;
            if (args.Count == 0)
            {
                throw entry.Error("Match needs criteria (all, host, originalhost, user, localuser, canonical, final).");
            }

            for (int i = 0; i < args.Count; i++)
            {
                string word = args[i];
                bool negate = word.StartsWith("!", StringComparison.Ordinal);
                string attribute = (negate ? word.Substring(1) : word).ToLowerInvariant();
                if (attribute == "all")
                {
                    if (criteria.Count > 1 || i != args.Count - 1)
                    {
                        throw entry.Error("'all' cannot be combined with other Match attributes.");
                    }

                    criteria.Add((negate, attribute, null));
                    continue;
                }

                if (attribute == "canonical" || attribute == "final")
                {
                    criteria.Add((negate, attribute, null));
                    continue;
                }

                if (!WithArgument.Contains(attribute))
                {
                    throw entry.Error($"Unsupported Match attribute {attribute} (AptReady follows all, host, originalhost, user, localuser, canonical and final).");
                }

                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                {
                    throw entry.Error($"Match {attribute}: missing argument.");
                }

                criteria.Add((negate, attribute, args[++i]));
            }

            return new SshMatchLine(entry, criteria);
        }

        /// <summary>
        /// Whether the block applies. <paramref name="host"/> is the host name so far (HostName expanded,
        /// or the name given), <paramref name="originalHost"/> the name given, <paramref name="user"/> the
        /// login user so far.
        /// </summary>
        public bool Matches(string host, string originalHost, string user, string localUser, bool finalPass)
        {
            bool result = true;
            foreach (var (negate, attribute, argument) in Criteria)
            {
                bool matched;
                switch (attribute)
                {
                    case "all":
                        return result && !negate;
                    case "canonical":
                    case "final":
                        matched = finalPass;
                        break;
                    case "host":
                        matched = SshHostPattern.MatchList(host.ToLowerInvariant(), argument!, lowerPatterns: true) == 1;
                        break;
                    case "originalhost":
                        matched = SshHostPattern.MatchList(originalHost.ToLowerInvariant(), argument!, lowerPatterns: true) == 1;
                        break;
                    case "user":
                        matched = SshHostPattern.MatchList(user, argument!, lowerPatterns: false) == 1;
                        break;
                    case "localuser":
                        matched = SshHostPattern.MatchList(localUser, argument!, lowerPatterns: false) == 1;
                        break;
                    default:
                        if (!result)
                        {
                            continue; // ssh skips exec once an earlier criterion failed
                        }

                        throw Entry.Error("Match exec is not supported: AptReady runs no local commands from ssh_config.");
                }

                if (matched == negate)
                {
                    result = false;
                }
            }

            return result;
        }
    }

    /// <summary>OpenSSH's pattern matching: '*' and '?' wildcards, comma lists with '!' negation.</summary>
    internal static class SshHostPattern
    {
        /// <summary>One pattern, case-sensitive (Host lines).</summary>
        public static bool Match(string text, string pattern) => HostKeys.HostPatternList.WildcardMatch(text, 0, pattern, 0);

        /// <summary>match_pattern_list: 1 when a pattern matches, -1 when a negated one does (it wins), 0 otherwise.</summary>
        public static int MatchList(string text, string list, bool lowerPatterns)
        {
            int result = 0;
            foreach (string raw in list.Split(','))
            {
                bool negate = raw.StartsWith("!", StringComparison.Ordinal);
                string pattern = negate ? raw.Substring(1) : raw;
                if (lowerPatterns)
                {
                    pattern = pattern.ToLowerInvariant();
                }

                if (Match(text, pattern))
                {
                    if (negate)
                    {
                        return -1;
                    }

                    result = 1;
                }
            }

            return result;
        }
    }
}
