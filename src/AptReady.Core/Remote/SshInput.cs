using System.Net;

namespace AptReady.Core.Remote
{
    /// <summary>
    /// A computer name and a login name checked before connecting: a value no host or account can have
    /// (a newline, a space, 200 kB) is refused with its own id rather than retried until the connect
    /// timeout as if the host were still booting.
    /// </summary>
    public static class SshInput
    {
        /// <summary>The longest DNS name.</summary>
        public const int MaxHostNameLength = 253;

        /// <summary>Longer than any Linux account name (32) with room for directory-service names.</summary>
        public const int MaxUserNameLength = 256;

        /// <summary>An IP address, or a DNS name of letters, digits, '-', '_' and '.'. Id: InvalidComputerName.</summary>
        public static string ComputerName(string? name)
        {
            if (name is null || !IsHostName(name))
            {
                throw new InvalidInputException(ErrorIds.InvalidComputerName,
                    $"{InputExcerpt.Of(name)} is not a host name or an IP address (letters, digits, '-', '_' and '.', at most {MaxHostNameLength} characters).", "ComputerName");
            }

            return name;
        }

        /// <summary>A login name without control characters or spaces, not too long. Id: InvalidUserName.</summary>
        public static string UserName(string? name)
        {
            bool valid = !string.IsNullOrEmpty(name) && name!.Length <= MaxUserNameLength;
            foreach (char c in name ?? string.Empty)
            {
                valid &= !char.IsControl(c) && !char.IsWhiteSpace(c);
            }

            if (!valid)
            {
                throw new InvalidInputException(ErrorIds.InvalidUserName,
                    $"{InputExcerpt.Of(name)} is not a login name (no spaces or control characters, at most {MaxUserNameLength} characters).", "UserName");
            }

            return name!;
        }

        private static bool IsHostName(string name)
        {
            if (name.Length == 0 || name.Length > MaxHostNameLength)
            {
                return false;
            }

            if (name.IndexOf(':') >= 0)
            {
                return IPAddress.TryParse(name, out IPAddress? address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            }

            foreach (char c in name)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return name[0] != '-' && name[0] != '.';
        }
    }
}
