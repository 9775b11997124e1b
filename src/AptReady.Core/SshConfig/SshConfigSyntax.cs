using System;
using System.Collections.Generic;
using System.Text;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// Splits one ssh_config line the way OpenSSH's readconf does: the keyword ends at white space or
    /// one '=' (with white space around it); the arguments are split at white space, with "double" and
    /// 'single' quotes, backslash escapes of quotes, backslash and space, and a '#' starting a word ends
    /// the line.
    /// </summary>
    internal static class SshConfigSyntax
    {
        private const string WhiteSpace = " \t\r\n";

        /// <summary>
        /// The lower-cased keyword and its arguments, or null for a blank or comment line. Throws
        /// <see cref="FormatException"/> (message without file and line) for unbalanced quotes.
        /// </summary>
        public static (string Keyword, List<string> Arguments)? Split(string line)
        {
            string text = line.TrimEnd(' ', '\t', '\r', '\n', '\f');
            int position = 0;
            string? keyword = NextKeywordToken(text, ref position);
            if (keyword != null && keyword.Length == 0)
            {
                keyword = NextKeywordToken(text, ref position);
            }

            if (string.IsNullOrEmpty(keyword) || keyword![0] == '#')
            {
                return null;
            }

            string rest = position < 0 || position >= text.Length ? string.Empty : text.Substring(position);
            return (keyword.ToLowerInvariant(), SplitArguments(rest));
        }

        /// <summary>The rest of the line after the keyword, raw (ProxyCommand and Match take it whole).</summary>
        public static string RestAfterKeyword(string line)
        {
            string text = line.TrimEnd(' ', '\t', '\r', '\n', '\f');
            int position = 0;
            string? keyword = NextKeywordToken(text, ref position);
            if (keyword != null && keyword.Length == 0)
            {
                NextKeywordToken(text, ref position);
            }

            return position < 0 || position >= text.Length ? string.Empty : text.Substring(position);
        }

        // OpenSSH's strdelim: one token, then skip white space and at most one '='.
        private static string? NextKeywordToken(string text, ref int position)
        {
            if (position < 0)
            {
                return null;
            }

            int start = position;
            int stop = text.IndexOfAny((WhiteSpace + "\"=").ToCharArray(), start);
            if (stop < 0)
            {
                position = -1;
                return text.Substring(start);
            }

            if (text[stop] == '"')
            {
                int close = text.IndexOf('"', stop + 1);
                if (close < 0)
                {
                    position = -1;
                    return null;
                }

                position = SkipWhiteSpace(text, close + 1);
                return text.Substring(start, stop - start) + text.Substring(stop + 1, close - stop - 1);
            }

            bool sawEquals = text[stop] == '=';
            position = SkipWhiteSpace(text, stop + 1);
            if (!sawEquals && position < text.Length && text[position] == '=')
            {
                position = SkipWhiteSpace(text, position + 1);
            }

            return text.Substring(start, stop - start);
        }

        private static int SkipWhiteSpace(string text, int i)
        {
            while (i < text.Length && WhiteSpace.IndexOf(text[i]) >= 0)
            {
                i++;
            }

            return i;
        }

        /// <summary>OpenSSH's argv_split with comments ending the line.</summary>
        public static List<string> SplitArguments(string text)
        {
            var arguments = new List<string>();
            int i = 0;
            while (i < text.Length)
            {
                if (text[i] == ' ' || text[i] == '\t')
                {
                    i++;
                    continue;
                }

                if (text[i] == '#')
                {
                    break;
                }

                var word = new StringBuilder();
                char quote = '\0';
                for (; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '\\' && i + 1 < text.Length
                        && (text[i + 1] == '\'' || text[i + 1] == '"' || text[i + 1] == '\\' || (quote == '\0' && text[i + 1] == ' ')))
                    {
                        word.Append(text[++i]);
                    }
                    else if (quote == '\0' && (c == ' ' || c == '\t'))
                    {
                        break;
                    }
                    else if (quote == '\0' && (c == '"' || c == '\''))
                    {
                        quote = c;
                    }
                    else if (quote != '\0' && c == quote)
                    {
                        quote = '\0';
                    }
                    else
                    {
                        word.Append(c);
                    }
                }

                if (quote != '\0')
                {
                    throw new FormatException("invalid quotes");
                }

                arguments.Add(word.ToString());
            }

            return arguments;
        }
    }
}
