using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AptReady.Core.Remote
{
    /// <summary>
    /// The text of a remote script, read from its <c>.sh</c> file (embedded beside its C# class) with
    /// the helpers of <c>ShellLibrary.sh</c> it names put in, so every script shares one copy of them.
    /// </summary>
    /// <remarks>
    /// A line <c># aptready-include: NAME...</c> becomes those library blocks, in that order. Comment
    /// lines are for readers of the files and are not sent, except shellcheck directives, which the
    /// tests' shellcheck of the script as sent needs. Values are put in afterwards by each script's
    /// builder (<c>@NAME@</c> placeholders), only as <see cref="ShellQuote"/>d words or numbers.
    /// </remarks>
    internal static class RemoteScript
    {
        /// <summary>The library's file name.</summary>
        public const string LibraryName = "ShellLibrary.sh";

        private const string ResourcePrefix = "AptReady.Core.Scripts.";
        private const string IncludeDirective = "# aptready-include:";

        private static readonly Regex BlockName = new Regex("^# ([a-z_]+): ", RegexOptions.CultureInvariant);

        private static readonly ConcurrentDictionary<string, string> Loaded = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private static readonly Lazy<IReadOnlyDictionary<string, string>> Library = new Lazy<IReadOnlyDictionary<string, string>>(ReadLibrary);

        /// <summary>The file names of every embedded script, the library included.</summary>
        public static IReadOnlyList<string> FileNames
        {
            get
            {
                var names = new List<string>();
                foreach (string resource in typeof(RemoteScript).Assembly.GetManifestResourceNames())
                {
                    if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                    {
                        names.Add(resource.Substring(ResourcePrefix.Length));
                    }
                }

                names.Sort(StringComparer.Ordinal);
                return names;
            }
        }

        /// <summary>The names of the library's helpers.</summary>
        public static IEnumerable<string> HelperNames => Library.Value.Keys;

        /// <summary>The script <paramref name="fileName"/> as sent (before its values are put in).</summary>
        public static string Load(string fileName) => Loaded.GetOrAdd(fileName, Assemble);

        /// <summary>One helper block of the library as sent (its code, without its comments).</summary>
        public static string Helper(string name)
        {
            if (!Library.Value.TryGetValue(name, out string? block))
            {
                throw new ArgumentException($"{LibraryName} has no helper '{name}'.", nameof(name));
            }

            return block;
        }

        private static string Assemble(string fileName)
        {
            var text = new StringBuilder();
            foreach (string line in Lines(Read(fileName)))
            {
                if (line.StartsWith(IncludeDirective, StringComparison.Ordinal))
                {
                    foreach (string name in line.Substring(IncludeDirective.Length).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        text.Append(Helper(name));
                    }
                }
                else if (IsSent(line))
                {
                    text.Append(line).Append('\n');
                }
            }

            return text.ToString();
        }

        // Blank-line separated blocks, each named by its first line, "# NAME: why"; the file's own header is not one.
        private static IReadOnlyDictionary<string, string> ReadLibrary()
        {
            var blocks = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string block in Read(LibraryName).Replace("\r\n", "\n").Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                string[] lines = block.Trim('\n').Split('\n');
                Match name = BlockName.Match(lines[0]);
                if (name.Success)
                {
                    blocks.Add(name.Groups[1].Value, string.Concat(lines.Where(IsSent).Select(l => l + "\n")));
                }
            }

            return blocks;
        }

        private static bool IsSent(string line)
        {
            string trimmed = line.TrimStart();
            return !trimmed.StartsWith("#", StringComparison.Ordinal) || trimmed.StartsWith("# shellcheck ", StringComparison.Ordinal);
        }

        private static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

        private static string Read(string fileName)
        {
            using Stream? stream = typeof(RemoteScript).Assembly.GetManifestResourceStream(ResourcePrefix + fileName);
            if (stream == null)
            {
                throw new ArgumentException($"No remote script named '{fileName}' is embedded.", nameof(fileName));
            }

            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            return reader.ReadToEnd();
        }
    }
}
