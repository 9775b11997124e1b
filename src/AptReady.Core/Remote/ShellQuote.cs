using System;
using System.Text;

namespace AptReady.Core.Remote
{
    /// <summary>Quoting for values placed in a POSIX sh command line.</summary>
    public static class ShellQuote
    {
        /// <summary>
        /// Returns <paramref name="value"/> as one single-quoted sh word. Inside single quotes sh
        /// interprets nothing, so the only character to handle is the quote itself ('\'' closes,
        /// escapes and reopens). A NUL cannot be passed through a command line at all and is refused.
        /// </summary>
        public static string Quote(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (value.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("A NUL character cannot be passed to a remote shell.", nameof(value));
            }

            var builder = new StringBuilder(value.Length + 2);
            builder.Append('\'');
            foreach (char c in value)
            {
                if (c == '\'')
                {
                    builder.Append("'\\''");
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append('\'');
            return builder.ToString();
        }
    }
}
