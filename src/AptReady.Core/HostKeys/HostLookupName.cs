using System;
using System.Globalization;

namespace AptReady.Core.HostKeys
{
    /// <summary>
    /// The name OpenSSH looks a host up by in known_hosts: the lower-cased host for port 22,
    /// <c>[host]:port</c> for any other port.
    /// </summary>
    public static class HostLookupName
    {
        public const int DefaultSshPort = 22;

        /// <summary>
        /// Returns <c>host</c> or <c>[host]:port</c>. A bracketed IPv6 literal (<c>[::1]</c>) is taken without
        /// its brackets. Throws <see cref="ArgumentException"/> for a host that cannot be a known_hosts
        /// name (empty, white space, a comma, a pattern character, a leading '|', '@' or '#').
        /// </summary>
        public static string For(string host, int port)
        {
            string name = Normalize(host);
            if (port < 1 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "An SSH port is between 1 and 65535.");
            }

            return port == DefaultSshPort ? name : "[" + name + "]:" + port.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>The host lower-cased (ssh matches host names without regard to case) and validated.</summary>
        public static string Normalize(string host)
        {
            if (host is null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            string name = host.Trim();
            if (name.Length > 2 && name[0] == '[' && name[name.Length - 1] == ']')
            {
                name = name.Substring(1, name.Length - 2);
            }

            if (name.Length == 0)
            {
                throw new ArgumentException("A host name is required.", nameof(host));
            }

            foreach (char c in name)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c == ',' || c == '*' || c == '?' || c == '!' || c == '[' || c == ']')
                {
                    throw new ArgumentException($"{InputExcerpt.Of(host)} cannot be a host name in known_hosts: it contains {InputExcerpt.Of(c.ToString())}.", nameof(host));
                }
            }

            if (name[0] == '|' || name[0] == '@' || name[0] == '#')
            {
                throw new ArgumentException($"{InputExcerpt.Of(host)} cannot be a host name in known_hosts: it starts with {InputExcerpt.Of(name[0].ToString())}.", nameof(host));
            }

            return name.ToLowerInvariant();
        }
    }
}
