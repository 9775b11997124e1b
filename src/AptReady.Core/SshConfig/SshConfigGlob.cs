using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AptReady.Core.HostKeys;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// The files an Include pattern names, as glob(3) finds them: '*', '?' and '[...]' in any path
    /// segment, a leading '.' matched only explicitly, results sorted. A pattern with no wildcard names
    /// itself whether or not it exists (a missing file is then skipped, as ssh does).
    /// </summary>
    internal static class SshConfigGlob
    {
        public static IReadOnlyList<string> Expand(string pattern)
        {
            if (pattern.IndexOfAny(new[] { '*', '?', '[' }) < 0)
            {
                return File.Exists(pattern) || Directory.Exists(pattern) ? new[] { pattern } : Array.Empty<string>();
            }

            string[] segments = pattern.Split('/');
            var current = new List<string> { pattern.StartsWith("/", StringComparison.Ordinal) ? "/" : string.Empty };
            for (int i = 0; i < segments.Length; i++)
            {
                string segment = segments[i];
                if (segment.Length == 0)
                {
                    continue;
                }

                bool last = i == segments.Length - 1;
                var next = new List<string>();
                foreach (string folder in current)
                {
                    if (segment.IndexOfAny(new[] { '*', '?', '[' }) < 0)
                    {
                        string path = Join(folder, segment);
                        if (last ? File.Exists(path) || Directory.Exists(path) : Directory.Exists(path))
                        {
                            next.Add(path);
                        }

                        continue;
                    }

                    string list = folder.Length == 0 ? "." : folder;
                    if (!Directory.Exists(list))
                    {
                        continue;
                    }

                    IEnumerable<string> names = Directory.EnumerateFileSystemEntries(list).Select(Path.GetFileName).Where(n => n != null)!;
                    foreach (string name in names.Where(n => Matches(n, segment)).OrderBy(n => n, StringComparer.Ordinal))
                    {
                        string path = Join(folder, name);
                        if (last || Directory.Exists(path))
                        {
                            next.Add(path);
                        }
                    }
                }

                current = next;
            }

            return current.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        private static string Join(string folder, string name) =>
            folder.Length == 0 ? name : folder.EndsWith("/", StringComparison.Ordinal) ? folder + name : folder + "/" + name;

        private static bool Matches(string name, string segment)
        {
            if (name.StartsWith(".", StringComparison.Ordinal) && !segment.StartsWith(".", StringComparison.Ordinal))
            {
                return false;
            }

            return segment.IndexOf('[') < 0 ? HostPatternList.WildcardMatch(name, 0, segment, 0) : ClassMatch(name, 0, segment, 0);
        }

        // A small recursive matcher for patterns with [...] classes (rare in Include lines).
        private static bool ClassMatch(string text, int t, string pattern, int p)
        {
            while (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    for (int k = t; k <= text.Length; k++)
                    {
                        if (ClassMatch(text, k, pattern, p + 1))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (t >= text.Length)
                {
                    return false;
                }

                if (c == '[')
                {
                    int close = pattern.IndexOf(']', p + 2);
                    if (close < 0)
                    {
                        if (text[t] != '[')
                        {
                            return false;
                        }
                    }
                    else
                    {
                        bool negate = pattern[p + 1] == '!' || pattern[p + 1] == '^';
                        string set = pattern.Substring(p + (negate ? 2 : 1), close - p - (negate ? 2 : 1));
                        if (InSet(text[t], set) == negate)
                        {
                            return false;
                        }

                        p = close + 1;
                        t++;
                        continue;
                    }
                }
                else if (c != '?' && c != text[t])
                {
                    return false;
                }

                p++;
                t++;
            }

            return t == text.Length;
        }

        private static bool InSet(char c, string set)
        {
            for (int i = 0; i < set.Length; i++)
            {
                if (i + 2 < set.Length && set[i + 1] == '-')
                {
                    if (c >= set[i] && c <= set[i + 2])
                    {
                        return true;
                    }

                    i += 2;
                }
                else if (set[i] == c)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
