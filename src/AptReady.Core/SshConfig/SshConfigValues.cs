using System;
using System.Collections.Generic;
using System.Globalization;

namespace AptReady.Core.SshConfig
{
    /// <summary>How ssh treats a host key it does not know (StrictHostKeyChecking).</summary>
    public enum StrictHostKeyChecking
    {
        /// <summary>yes: only known keys.</summary>
        Yes,

        /// <summary>ask (ssh's default): ssh would prompt; AptReady never prompts, so as yes.</summary>
        Ask,

        /// <summary>accept-new: trust on first use; a changed key is still refused.</summary>
        AcceptNew,

        /// <summary>no / off: accept any key. AptReady refuses to follow this.</summary>
        No,
    }

    /// <summary>Checks and converts the values of the keywords AptReady follows, as ssh's readconf does.</summary>
    internal static class SshConfigValues
    {
        /// <summary>Checks one entry's arguments; throws <see cref="SshConfigException"/> naming file and line.</summary>
        public static void Check(SshConfigEntry entry)
        {
            string keyword = entry.Keyword;
            IReadOnlyList<string> args = entry.Arguments;
            if (SshConfigKeywords.SingleArgument.Contains(keyword))
            {
                if (args.Count == 0 || (args[0].Length == 0 && keyword != "identityagent"))
                {
                    throw entry.Error($"{keyword}: missing argument.");
                }

                if (args.Count > 1)
                {
                    throw entry.Error($"keyword {keyword} extra arguments at end of line");
                }
            }

            switch (keyword)
            {
                case "host":
                    if (args.Count == 0 || System.Linq.Enumerable.Contains(args, string.Empty))
                    {
                        throw entry.Error("Host needs at least one pattern, and no empty one.");
                    }

                    break;
                case "match":
                    SshMatchLine.Parse(entry);
                    break;
                case "port":
                    Port(entry, args[0]);
                    break;
                case "connecttimeout":
                    Time(entry, args[0]);
                    break;
                case "identitiesonly":
                    Flag(entry, args[0]);
                    break;
                case "stricthostkeychecking":
                    Strict(entry, args[0]);
                    break;
                case "canonicalizehostname":
                    Canonicalize(entry, args[0]);
                    break;
                case "proxyjump":
                    Jumps(entry, args[0]);
                    break;
                case "kexalgorithms":
                    KexAlgorithmList.Check(entry, args[0]);
                    break;
                case "proxycommand":
                    if (entry.Rest.Trim().Length == 0)
                    {
                        throw entry.Error("ProxyCommand: missing argument.");
                    }

                    break;
                case "userknownhostsfile":
                case "globalknownhostsfile":
                    if (args.Count == 0)
                    {
                        throw entry.Error($"{keyword}: missing argument.");
                    }

                    break;
            }
        }

        public static int Port(SshConfigEntry entry, string text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            {
                throw entry.Error($"Bad port '{text}'.");
            }

            return port;
        }

        /// <summary>ssh's time format: a number of seconds, or runs like 1m30s (s, m, h, d, w); none for no limit.</summary>
        public static TimeSpan? Time(SshConfigEntry entry, string text)
        {
            if (string.Equals(text, "none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            long total = 0;
            int i = 0;
            while (i < text.Length)
            {
                int start = i;
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                if (i == start || i - start > 9)
                {
                    throw entry.Error($"invalid time value '{text}'.");
                }

                long value = long.Parse(text.Substring(start, i - start), CultureInfo.InvariantCulture);
                long unit = 1;
                if (i < text.Length)
                {
                    unit = char.ToLowerInvariant(text[i]) switch
                    {
                        's' => 1,
                        'm' => 60,
                        'h' => 3600,
                        'd' => 86400,
                        'w' => 604800,
                        _ => throw entry.Error($"invalid time value '{text}'."),
                    };
                    i++;
                }

                total += value * unit;
            }

            if (text.Length == 0 || total > int.MaxValue)
            {
                throw entry.Error($"invalid time value '{text}'.");
            }

            return TimeSpan.FromSeconds(total);
        }

        public static bool Flag(SshConfigEntry entry, string text) => text.ToLowerInvariant() switch
        {
            "yes" => true,
            "true" => true,
            "no" => false,
            "false" => false,
            _ => throw entry.Error($"unsupported option \"{text}\" for {entry.Keyword} (yes or no)."),
        };

        public static StrictHostKeyChecking Strict(SshConfigEntry entry, string text) => text.ToLowerInvariant() switch
        {
            "yes" => StrictHostKeyChecking.Yes,
            "true" => StrictHostKeyChecking.Yes,
            "ask" => StrictHostKeyChecking.Ask,
            "accept-new" => StrictHostKeyChecking.AcceptNew,
            "no" => StrictHostKeyChecking.No,
            "false" => StrictHostKeyChecking.No,
            "off" => StrictHostKeyChecking.No,
            _ => throw entry.Error($"unsupported option \"{text}\" for StrictHostKeyChecking."),
        };

        /// <summary>Whether CanonicalizeHostname asks for canonicalization (yes/always), which makes ssh read the files again.</summary>
        public static bool Canonicalize(SshConfigEntry entry, string text) => text.ToLowerInvariant() switch
        {
            "yes" => true,
            "true" => true,
            "always" => true,
            "no" => false,
            "false" => false,
            "none" => false,
            _ => throw entry.Error($"unsupported option \"{text}\" for CanonicalizeHostname."),
        };

        /// <summary>The route, or an empty list for none.</summary>
        public static IReadOnlyList<JumpHostSpec> Jumps(SshConfigEntry entry, string text)
        {
            string route = text.Trim();
            if (string.Equals(route, "none", StringComparison.OrdinalIgnoreCase))
            {
                return Array.Empty<JumpHostSpec>();
            }

            try
            {
                return JumpHostSpec.ParseList(route);
            }
            catch (FormatException ex)
            {
                throw entry.Error($"Invalid ProxyJump \"{route}\": {ex.Message}");
            }
        }
    }
}
