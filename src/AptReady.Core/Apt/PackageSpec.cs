using System;
using System.Text;

namespace AptReady.Core.Apt
{
    /// <summary>
    /// One package argument for apt-get, checked against Debian's rules before it goes near a shell:
    /// <c>name</c>, <c>name:arch</c>, <c>name=version</c>, <c>name:arch=version</c> or <c>name/release</c>.
    /// </summary>
    /// <remarks>
    /// Debian policy 5.6.1: names are lower-case letters, digits, '+', '-', '.'; two characters at
    /// least; starting with a letter or digit. Policy 5.6.12: version = [epoch:]upstream[-revision].
    /// A name ending in '-' is refused although policy allows it: apt-get reads a trailing '-' on
    /// install as "remove this package".
    /// </remarks>
    public sealed class PackageSpec
    {
        private PackageSpec(string name, string? architecture, string? version, string? release)
        {
            Name = name;
            Architecture = architecture;
            Version = version;
            Release = release;
        }

        public string Name { get; }

        /// <summary>amd64, arm64, i386, all, any, native…; null when not given.</summary>
        public string? Architecture { get; }

        /// <summary>The exact version (<c>=version</c>); null when not given.</summary>
        public string? Version { get; }

        /// <summary>The target release (<c>/release</c>: a suite or codename); null when not given.</summary>
        public string? Release { get; }

        /// <summary>The longest package spec accepted (name, architecture and version together).</summary>
        public const int MaxLength = 512;

        /// <summary>Parses and validates <paramref name="value"/>; throws <see cref="ArgumentException"/> naming it if it is not a package spec.</summary>
        public static PackageSpec Parse(string value)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (value.Length > MaxLength)
            {
                throw new InvalidInputException(ErrorIds.ArgumentTooLong, $"{InputExcerpt.Of(value)} is longer than {MaxLength} characters; no package spec is.", nameof(value));
            }

            if (!TryParse(value, out var spec, out string reason))
            {
                throw new ArgumentException($"{InputExcerpt.Of(value)} is not a valid package name: {reason}", nameof(value));
            }

            return spec!;
        }

        public static bool TryParse(string? value, out PackageSpec? spec) => TryParse(value, out spec, out _);

        private static bool TryParse(string? value, out PackageSpec? spec, out string reason)
        {
            spec = null;
            if (string.IsNullOrEmpty(value))
            {
                reason = "it is empty.";
                return false;
            }

            string rest = value!;
            string? version = null;
            string? release = null;
            int eq = rest.IndexOf('=');
            int slash = rest.IndexOf('/');
            if (eq >= 0 && slash >= 0)
            {
                reason = "give either '=version' or '/release', not both.";
                return false;
            }

            if (eq >= 0)
            {
                version = rest.Substring(eq + 1);
                rest = rest.Substring(0, eq);
                if (!IsVersion(version, out reason))
                {
                    return false;
                }
            }
            else if (slash >= 0)
            {
                release = rest.Substring(slash + 1);
                rest = rest.Substring(0, slash);
                if (!IsRelease(release))
                {
                    reason = "a release is a suite or codename: letters, digits, '.', '+', '-', '_' or '~', starting with a letter or digit.";
                    return false;
                }
            }

            string? architecture = null;
            int colon = rest.IndexOf(':');
            if (colon >= 0)
            {
                architecture = rest.Substring(colon + 1);
                rest = rest.Substring(0, colon);
                if (!IsArchitecture(architecture))
                {
                    reason = "an architecture is lower-case letters, digits and '-', starting with a letter or digit.";
                    return false;
                }
            }

            if (!IsName(rest))
            {
                reason = "Debian package names are at least two characters of a-z, 0-9, '+', '-' and '.', starting with a letter or digit (and AptReady refuses a trailing '-', which apt-get reads as 'remove').";
                return false;
            }

            spec = new PackageSpec(rest, architecture, version, release);
            reason = string.Empty;
            return true;
        }

        /// <summary>The argument as apt-get takes it. Safe characters only, but still quoted when placed in a script.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder(Name);
            if (Architecture != null)
            {
                builder.Append(':').Append(Architecture);
            }

            if (Version != null)
            {
                builder.Append('=').Append(Version);
            }

            if (Release != null)
            {
                builder.Append('/').Append(Release);
            }

            return builder.ToString();
        }

        internal static bool IsName(string s)
        {
            if (s.Length < 2 || !IsLowerAlnum(s[0]) || s[s.Length - 1] == '-')
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!IsLowerAlnum(c) && c != '+' && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsArchitecture(string s)
        {
            if (s.Length == 0 || !IsLowerAlnum(s[0]))
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!IsLowerAlnum(c) && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRelease(string s)
        {
            if (s.Length == 0 || !IsAsciiAlnum(s[0]))
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!IsAsciiAlnum(c) && c != '.' && c != '+' && c != '-' && c != '_' && c != '~')
                {
                    return false;
                }
            }

            return true;
        }

        // Policy 5.6.12. The epoch is digits before the first ':'; the revision follows the last '-'
        // and may not contain '-' or ':'; the upstream part starts with a digit (policy "should", which
        // apt and dpkg enforce as "must") and may hold '-' only when a revision follows.
        private static bool IsVersion(string s, out string reason)
        {
            reason = "a Debian version is [epoch:]upstream[-revision]: the epoch digits, the upstream version starting with a digit and made of letters, digits, '.', '+', '~' (and '-' only with a revision), the revision of letters, digits, '+', '.', '~'.";
            if (s.Length == 0)
            {
                return false;
            }

            string upstream = s;
            int colon = s.IndexOf(':');
            if (colon >= 0)
            {
                string epoch = s.Substring(0, colon);
                if (epoch.Length == 0 || !AllDigits(epoch))
                {
                    return false;
                }

                upstream = s.Substring(colon + 1);
            }

            int hyphen = upstream.LastIndexOf('-');
            if (hyphen >= 0)
            {
                string revision = upstream.Substring(hyphen + 1);
                upstream = upstream.Substring(0, hyphen);
                if (revision.Length == 0)
                {
                    return false;
                }

                foreach (char c in revision)
                {
                    if (!IsAsciiAlnum(c) && c != '+' && c != '.' && c != '~')
                    {
                        return false;
                    }
                }
            }

            if (upstream.Length == 0 || upstream[0] < '0' || upstream[0] > '9')
            {
                return false;
            }

            foreach (char c in upstream)
            {
                if (!IsAsciiAlnum(c) && c != '.' && c != '+' && c != '~' && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AllDigits(string s)
        {
            foreach (char c in s)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLowerAlnum(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

        private static bool IsAsciiAlnum(char c) => IsLowerAlnum(c) || (c >= 'A' && c <= 'Z');
    }
}
