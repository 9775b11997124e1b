using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AptReady.Core.CloudConfig
{
    /// <summary>
    /// Validation of the values a cloud-config is built from. Each method returns the value (normalised where
    /// stated) or throws an <see cref="ArgumentException"/> whose message names the offending value.
    /// </summary>
    public static class CloudConfigInput
    {
        /// <summary>The longest Linux user name useradd accepts by default.</summary>
        public const int MaxUserNameLength = 32;

        private static readonly Regex UserNamePattern = new Regex("^[a-z_][a-z0-9_-]*[$]?\\z", RegexOptions.CultureInvariant);

        // name[:arch][=version | /release]; Debian policy for the name, dpkg's charset for the version.
        private static readonly Regex PackagePattern = new Regex(
            "^[a-z0-9][a-z0-9+.-]+(?::[a-z0-9][a-z0-9-]*)?(?:=[0-9][A-Za-z0-9.+~:-]*|/[A-Za-z0-9][A-Za-z0-9.+~_-]*)?\\z",
            RegexOptions.CultureInvariant);

        private static readonly Regex HostLabelPattern = new Regex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant);

        private static readonly Regex TimezonePattern = new Regex("^[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*\\z", RegexOptions.CultureInvariant);

        private static readonly Regex LocalePattern = new Regex("^[A-Za-z0-9_]+(?:[.][A-Za-z0-9_-]+)?(?:@[A-Za-z0-9_]+)?\\z", RegexOptions.CultureInvariant);

        /// <summary>A Linux user or group name: <c>^[a-z_][a-z0-9_-]*[$]?$</c>, at most 32 characters.</summary>
        public static string UserName(string value, string parameterName)
        {
            Require(value, parameterName);
            if (value.Length > MaxUserNameLength || !UserNamePattern.IsMatch(value))
            {
                throw Invalid(parameterName, value, $"is not a valid Linux user or group name (lower-case letters, digits, '_' and '-', starting with a letter or '_', at most {MaxUserNameLength} characters).");
            }

            return value;
        }

        /// <summary>A file owner for write_files: <c>user</c> or <c>user:group</c>, each a valid name.</summary>
        public static string Owner(string value, string parameterName)
        {
            Require(value, parameterName);
            string[] parts = value.Split(':');
            if (parts.Length > 2)
            {
                throw Invalid(parameterName, value, "is not an owner of the form user or user:group.");
            }

            foreach (string part in parts)
            {
                if (part.Length == 0 || part.Length > MaxUserNameLength || !UserNamePattern.IsMatch(part))
                {
                    throw Invalid(parameterName, value, "is not an owner of the form user or user:group with valid Linux names.");
                }
            }

            return value;
        }

        /// <summary>An absolute path on the target: starts with '/', no NUL, no line break, no '..' segment.</summary>
        public static string AbsolutePath(string value, string parameterName)
        {
            Require(value, parameterName);
            if (value[0] != '/' || value.IndexOfAny(new[] { '\0', '\n', '\r' }) >= 0)
            {
                throw Invalid(parameterName, value, "is not an absolute path (it must start with '/' and hold no NUL or line break).");
            }

            foreach (string segment in value.Split('/'))
            {
                if (segment == "..")
                {
                    throw Invalid(parameterName, value, "holds a '..' segment; give the path without it.");
                }
            }

            if (value.EndsWith("/", StringComparison.Ordinal))
            {
                throw Invalid(parameterName, value, "names a directory (ends with '/'); write_files needs a file path.");
            }

            return value;
        }

        /// <summary>
        /// File permissions as an octal string. Accepted: '644', '0644', '0o644', '4755', '04755' (3 or 4 octal
        /// digits, optionally after '0' or '0o'). Returned normalised to four digits with a leading zero when
        /// there is no special bit ('0644', '4755'): the form cloud-init documents and reads with int(x, 8).
        /// </summary>
        public static string FileMode(string value, string parameterName)
        {
            Require(value, parameterName);
            string digits = value;
            if (digits.StartsWith("0o", StringComparison.Ordinal) || digits.StartsWith("0O", StringComparison.Ordinal))
            {
                digits = digits.Substring(2);
            }
            else if (digits.Length == 5 && digits[0] == '0')
            {
                digits = digits.Substring(1);
            }

            if (digits.Length < 3 || digits.Length > 4)
            {
                throw Invalid(parameterName, value, "is not an octal file mode such as '0644', '644' or '0o644'.");
            }

            foreach (char c in digits)
            {
                if (c < '0' || c > '7')
                {
                    throw Invalid(parameterName, value, "is not an octal file mode such as '0644', '644' or '0o644'.");
                }
            }

            return digits.Length == 3 ? "0" + digits : digits;
        }

        /// <summary>An RFC 1123 host name: dot-separated labels of letters, digits and inner '-', each 1–63, at most 253 in all.</summary>
        public static string HostName(string value, string parameterName)
        {
            Require(value, parameterName);
            string name = value.EndsWith(".", StringComparison.Ordinal) ? value.Substring(0, value.Length - 1) : value;
            if (name.Length == 0 || name.Length > 253)
            {
                throw Invalid(parameterName, value, "is not a valid host name (1 to 253 characters).");
            }

            foreach (string label in name.Split('.'))
            {
                if (!HostLabelPattern.IsMatch(label))
                {
                    throw Invalid(parameterName, value, $"is not a valid RFC 1123 host name: label {InputExcerpt.Of(label)} must be 1-63 letters, digits or inner '-'.");
                }
            }

            return value;
        }

        /// <summary>A fully qualified domain name: a <see cref="HostName"/> with at least two labels.</summary>
        public static string FullyQualifiedDomainName(string value, string parameterName)
        {
            HostName(value, parameterName);
            if (value.TrimEnd('.').IndexOf('.') < 0)
            {
                throw Invalid(parameterName, value, "is not fully qualified (it needs a domain, such as host.example.org).");
            }

            return value;
        }

        /// <summary>
        /// A package for apt-get install: a Debian package name (lower-case letters, digits, '+', '-', '.',
        /// starting with a letter or digit, at least 2 characters), an optional ':arch', then optionally
        /// '=version' or '/release'.
        /// </summary>
        public static string PackageName(string value, string parameterName)
        {
            Require(value, parameterName);
            if (!PackagePattern.IsMatch(value))
            {
                throw Invalid(parameterName, value, "is not a valid package (a Debian package name, optionally followed by =version or /release).");
            }

            return value;
        }

        /// <summary>A time zone name such as 'Etc/UTC' or 'Europe/Berlin'.</summary>
        public static string Timezone(string value, string parameterName)
        {
            Require(value, parameterName);
            if (!TimezonePattern.IsMatch(value) || value.IndexOf("..", StringComparison.Ordinal) >= 0)
            {
                throw Invalid(parameterName, value, "is not a time zone name such as 'Etc/UTC' or 'Europe/Berlin'.");
            }

            return value;
        }

        /// <summary>A locale name such as 'C.UTF-8', 'en_US.UTF-8' or 'de_DE@euro'.</summary>
        public static string Locale(string value, string parameterName)
        {
            Require(value, parameterName);
            if (!LocalePattern.IsMatch(value))
            {
                throw Invalid(parameterName, value, "is not a locale name such as 'C.UTF-8' or 'en_US.UTF-8'.");
            }

            return value;
        }

        /// <summary>A single line of text (no line break, no NUL), e.g. a sudo rule or a login shell.</summary>
        public static string SingleLine(string value, string parameterName)
        {
            Require(value, parameterName);
            if (value.IndexOfAny(new[] { '\0', '\n', '\r' }) >= 0)
            {
                throw Invalid(parameterName, value, "must be a single line (it holds a line break or NUL).");
            }

            return value;
        }

        /// <summary>An absolute http or https URI, e.g. an apt proxy.</summary>
        public static string HttpUri(string value, string parameterName)
        {
            Require(value, parameterName);
            if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || value.IndexOfAny(new[] { '\n', '\r', ' ' }) >= 0)
            {
                throw Invalid(parameterName, value, "is not an absolute http:// or https:// URI.");
            }

            return value;
        }

        internal static ArgumentException Invalid(string parameterName, string value, string problem)
        {
            return new ArgumentException(string.Format(CultureInfo.InvariantCulture, "{0} {1}", InputExcerpt.Of(value), problem), parameterName);
        }

        private static void Require(string value, string parameterName)
        {
            if (value is null)
            {
                throw new ArgumentNullException(parameterName);
            }

            if (value.Length == 0)
            {
                throw new ArgumentException("An empty string is not allowed here.", parameterName);
            }
        }
    }
}
