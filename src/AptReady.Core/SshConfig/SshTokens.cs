using System;
using System.Collections.Generic;
using System.Text;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// ssh_config's expansions: a leading '~' (the local home; '~user' is not supported), '%' tokens
    /// (%% %C %d %h %i %j %k %L %l %n %p %r %u, each keyword allowing its own set) and ${NAME}
    /// environment variables. An unknown token is an error, as in ssh.
    /// </summary>
    internal static class SshTokens
    {
        public static string ExpandTilde(string path, SshLocalContext local, SshConfigEntry? entry)
        {
            if (!path.StartsWith("~", StringComparison.Ordinal))
            {
                return path;
            }

            if (path.Length > 1 && path[1] != '/')
            {
                throw Fail(entry, $"'{path}': '~user' paths are not supported; write the path out.");
            }

            return local.HomeFolder + path.Substring(1);
        }

        /// <summary>Replaces %x tokens from <paramref name="tokens"/>; any other token is an error.</summary>
        public static string Percent(string text, IReadOnlyDictionary<char, string> tokens, SshConfigEntry? entry)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] != '%')
                {
                    result.Append(text[i]);
                    continue;
                }

                if (i + 1 >= text.Length)
                {
                    throw Fail(entry, $"'{text}' ends with a lone '%'.");
                }

                char key = text[++i];
                if (key == '%')
                {
                    result.Append('%');
                }
                else if (tokens.TryGetValue(key, out string? value))
                {
                    result.Append(value);
                }
                else
                {
                    throw Fail(entry, $"'{text}': unknown token %{key} for {entry?.Keyword ?? "this value"}.");
                }
            }

            return result.ToString();
        }

        /// <summary>Replaces ${NAME} with the environment variable; one that is not set is an error.</summary>
        public static string Dollar(string text, SshLocalContext local, SshConfigEntry? entry)
        {
            int start = text.IndexOf("${", StringComparison.Ordinal);
            if (start < 0)
            {
                return text;
            }

            var result = new StringBuilder();
            int i = 0;
            while (start >= 0)
            {
                int close = text.IndexOf('}', start + 2);
                if (close < 0)
                {
                    throw Fail(entry, $"'{text}': '${{' without '}}'.");
                }

                string name = text.Substring(start + 2, close - start - 2);
                string value = local.Environment(name) ?? throw Fail(entry, $"'{text}': the environment variable {name} is not set.");
                result.Append(text, i, start - i).Append(value);
                i = close + 1;
                start = text.IndexOf("${", i, StringComparison.Ordinal);
            }

            return result.Append(text.Substring(i)).ToString();
        }

        /// <summary>A file path as ssh expands it: '~', then ${NAME}, then the % tokens.</summary>
        public static string Path(string text, IReadOnlyDictionary<char, string> tokens, SshLocalContext local, SshConfigEntry? entry) =>
            Percent(Dollar(ExpandTilde(text, local, entry), local, entry), tokens, entry);

        private static SshConfigException Fail(SshConfigEntry? entry, string message) =>
            entry?.Error(message) ?? new SshConfigException("ssh_config", 0, message);
    }
}
