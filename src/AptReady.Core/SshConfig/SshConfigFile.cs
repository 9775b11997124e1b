using System;
using System.Collections.Generic;
using System.IO;

namespace AptReady.Core.SshConfig
{
    /// <summary>One directive of an ssh_config file, where it came from, and for Include the files it read.</summary>
    public sealed class SshConfigEntry
    {
        internal SshConfigEntry(string keyword, IReadOnlyList<string> arguments, string rest, string file, int line, IReadOnlyList<SshConfigFile>? included)
        {
            Keyword = keyword;
            Arguments = arguments;
            Rest = rest;
            File = file;
            Line = line;
            Included = included;
        }

        /// <summary>The keyword, lower-cased.</summary>
        public string Keyword { get; }

        public IReadOnlyList<string> Arguments { get; }

        /// <summary>The raw text after the keyword (ProxyCommand takes it whole).</summary>
        public string Rest { get; }

        public string File { get; }

        public int Line { get; }

        /// <summary>For Include: the files read, in order.</summary>
        public IReadOnlyList<SshConfigFile>? Included { get; }

        internal SshConfigException Error(string message) => new SshConfigException(File, Line, message);
    }

    /// <summary>
    /// An ssh_config file read and checked whole: every line split, every value AptReady follows
    /// checked, every Include read (up to 16 deep, as ssh). Which lines apply to a host is decided
    /// later by <see cref="SshConfigResolver"/>.
    /// </summary>
    public sealed class SshConfigFile
    {
        private const int MaxIncludeDepth = 16;

        private SshConfigFile(string path, bool isUserFile, IReadOnlyList<SshConfigEntry> entries)
        {
            Path = path;
            IsUserFile = isUserFile;
            Entries = entries;
        }

        public string Path { get; }

        /// <summary>A user's file (relative includes under ~/.ssh, '~' allowed) rather than a system one (/etc/ssh).</summary>
        public bool IsUserFile { get; }

        public IReadOnlyList<SshConfigEntry> Entries { get; }

        /// <summary>Reads a file, or returns null when it does not exist (ssh skips a missing default file).</summary>
        public static SshConfigFile? Load(string path, bool isUserFile, SshLocalContext local) => Load(path, isUserFile, local, 0);

        /// <summary>Parses text as if read from <paramref name="path"/>.</summary>
        public static SshConfigFile Parse(string path, string text, bool isUserFile, SshLocalContext local) =>
            Parse(path, text.Split('\n'), isUserFile, local, 0);

        private static SshConfigFile? Load(string path, bool isUserFile, SshLocalContext local, int depth)
        {
            string[] lines;
            try
            {
                if (Directory.Exists(path))
                {
                    throw new SshConfigException(path, 0, "is a folder, not an ssh_config file.");
                }

                if (!File.Exists(path))
                {
                    return null;
                }

                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new SshConfigException(path, 0, "cannot be read: " + ex.Message, ex);
            }

            return Parse(path, lines, isUserFile, local, depth);
        }

        private static SshConfigFile Parse(string path, IReadOnlyList<string> lines, bool isUserFile, SshLocalContext local, int depth)
        {
            var entries = new List<SshConfigEntry>();
            for (int i = 0; i < lines.Count; i++)
            {
                int lineNumber = i + 1;
                (string Keyword, List<string> Arguments)? split;
                try
                {
                    split = SshConfigSyntax.Split(lines[i]);
                }
                catch (FormatException ex)
                {
                    throw new SshConfigException(path, lineNumber, ex.Message);
                }

                if (split == null)
                {
                    continue;
                }

                string keyword = split.Value.Keyword;
                List<string> arguments = split.Value.Arguments;
                string rest = SshConfigSyntax.RestAfterKeyword(lines[i]);
                IReadOnlyList<SshConfigFile>? included = null;
                var entry = new SshConfigEntry(keyword, arguments, rest, path, lineNumber, null);
                SshConfigValues.Check(entry);
                if (keyword == "include")
                {
                    included = ReadIncludes(entry, isUserFile, local, depth);
                }

                entries.Add(included == null ? entry : new SshConfigEntry(keyword, arguments, rest, path, lineNumber, included));
            }

            return new SshConfigFile(path, isUserFile, entries);
        }

        private static IReadOnlyList<SshConfigFile> ReadIncludes(SshConfigEntry entry, bool isUserFile, SshLocalContext local, int depth)
        {
            if (depth + 1 > MaxIncludeDepth)
            {
                throw entry.Error("too many recursive configuration includes.");
            }

            if (entry.Arguments.Count == 0)
            {
                throw entry.Error("Include needs at least one file.");
            }

            var files = new List<SshConfigFile>();
            foreach (string argument in entry.Arguments)
            {
                string pattern = argument;
                if (pattern.StartsWith("~", StringComparison.Ordinal))
                {
                    if (!isUserFile)
                    {
                        throw entry.Error($"bad include path {argument}: a system file cannot include from '~'.");
                    }

                    pattern = SshTokens.ExpandTilde(pattern, local, entry);
                }
                else if (!pattern.StartsWith("/", StringComparison.Ordinal))
                {
                    pattern = (isUserFile ? local.UserSshFolder : SshLocalContext.SystemSshFolder) + "/" + pattern;
                }

                foreach (string file in SshConfigGlob.Expand(pattern))
                {
                    SshConfigFile? read = Load(file, isUserFile, local, depth + 1);
                    if (read != null)
                    {
                        files.Add(read);
                    }
                }
            }

            return files;
        }
    }
}
