using System;
using System.Collections.Generic;
using System.Globalization;

namespace AptReady.Core.SshConfig
{
    /// <summary>
    /// One hop of a jump route as ssh -J and ProxyJump write it: <c>[user@]host[:port]</c> (an IPv6
    /// address in brackets) or <c>ssh://[user@]host[:port]</c>. User and port are null when not given:
    /// the hop's own configuration (or ssh's defaults) decide them.
    /// </summary>
    public sealed class JumpHostSpec : IEquatable<JumpHostSpec>
    {
        public JumpHostSpec(string host, string? userName, int? port)
        {
            Host = host;
            UserName = userName;
            Port = port;
        }

        public string Host { get; }

        public string? UserName { get; }

        public int? Port { get; }

        /// <summary>
        /// Parses a comma-separated route, first hop first. Throws <see cref="FormatException"/> naming
        /// the hop that is not of the form <c>[user@]host[:port]</c>.
        /// </summary>
        public static IReadOnlyList<JumpHostSpec> ParseList(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var hops = new List<JumpHostSpec>();
            foreach (string part in text.Split(','))
            {
                hops.Add(Parse(part));
            }

            return hops;
        }

        public static JumpHostSpec Parse(string text)
        {
            string hop = text.Trim();
            if (hop.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
            {
                hop = hop.Substring(6).TrimEnd('/');
            }

            string? user = null;
            int at = hop.LastIndexOf('@');
            if (at >= 0)
            {
                user = hop.Substring(0, at);
                hop = hop.Substring(at + 1);
                if (user.Length == 0)
                {
                    throw Invalid(text, "the user name before '@' is empty");
                }
            }

            string host = hop;
            int? port = null;
            if (hop.StartsWith("[", StringComparison.Ordinal))
            {
                int close = hop.IndexOf(']');
                if (close < 0)
                {
                    throw Invalid(text, "an IPv6 address misses its ']'");
                }

                host = hop.Substring(1, close - 1);
                string after = hop.Substring(close + 1);
                if (after.Length > 0)
                {
                    port = after[0] == ':' ? ParsePort(text, after.Substring(1)) : throw Invalid(text, "unexpected text after ']'");
                }
            }
            else
            {
                int colon = hop.IndexOf(':');
                if (colon >= 0)
                {
                    if (hop.IndexOf(':', colon + 1) >= 0)
                    {
                        throw Invalid(text, "an IPv6 address must be written in brackets, [addr]:port");
                    }

                    host = hop.Substring(0, colon);
                    port = ParsePort(text, hop.Substring(colon + 1));
                }
            }

            if (host.Length == 0)
            {
                throw Invalid(text, "the host is empty");
            }

            foreach (char c in host + (user ?? string.Empty))
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '/' || c == ',' || c == '\'' || c == '"' || c == '`' || c == '\\')
                {
                    throw Invalid(text, $"it contains '{c}'");
                }
            }

            return new JumpHostSpec(host, user, port);
        }

        private static int ParsePort(string text, string port)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1 || value > 65535)
            {
                throw Invalid(text, $"'{port}' is not a port (1-65535)");
            }

            return value;
        }

        private static FormatException Invalid(string text, string why) =>
            new FormatException($"'{text.Trim()}' is not a jump host of the form [user@]host[:port]: {why}.");

        public bool Equals(JumpHostSpec? other) =>
            other != null && Host == other.Host && UserName == other.UserName && Port == other.Port;

        public override bool Equals(object? obj) => Equals(obj as JumpHostSpec);

        public override int GetHashCode() => (Host, UserName, Port).GetHashCode();

        public override string ToString()
        {
            string host = Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host;
            return (UserName == null ? string.Empty : UserName + "@") + host
                + (Port == null ? string.Empty : ":" + Port.Value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
