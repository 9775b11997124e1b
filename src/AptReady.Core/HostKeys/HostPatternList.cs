using System;
using System.Security.Cryptography;
using System.Text;

namespace AptReady.Core.HostKeys
{
    /// <summary>How a known_hosts host field relates to a lookup name.</summary>
    internal enum HostPatternMatch
    {
        NoMatch,
        Match,

        /// <summary>A <c>!pattern</c> matched: the entry does not apply, whatever else matches.</summary>
        Negated,
    }

    /// <summary>The host field of a known_hosts line: a comma-separated pattern list, or one hashed name.</summary>
    internal static class HostPatternList
    {
        private const string HashMagic = "|1|";
        private const int Sha1Length = 20;

        public static bool IsHashed(string field) => field.StartsWith("|", StringComparison.Ordinal);

        /// <summary>Checks a hashed field has the form <c>|1|salt|hash</c> with 20-byte salt and hash.</summary>
        public static bool TryParseHashed(string field, out byte[]? salt, out byte[]? hash)
        {
            salt = null;
            hash = null;
            if (!field.StartsWith(HashMagic, StringComparison.Ordinal))
            {
                return false;
            }

            string[] parts = field.Substring(HashMagic.Length).Split('|');
            if (parts.Length != 2)
            {
                return false;
            }

            try
            {
                salt = Convert.FromBase64String(parts[0]);
                hash = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                return false;
            }

            return salt.Length == Sha1Length && hash.Length == Sha1Length;
        }

        /// <summary>HMAC-SHA1 keyed by the salt over the lookup name, as OpenSSH hashes known_hosts names.</summary>
        public static byte[] Hash(byte[] salt, string lookupName)
        {
            using (var hmac = new HMACSHA1(salt))
            {
                return hmac.ComputeHash(Encoding.UTF8.GetBytes(lookupName));
            }
        }

        public static string FormatHashed(byte[] salt, string lookupName) =>
            HashMagic + Convert.ToBase64String(salt) + "|" + Convert.ToBase64String(Hash(salt, lookupName));

        /// <summary>
        /// Matches a lower-cased lookup name against the field the way OpenSSH's match_hostname does:
        /// any negated pattern that matches wins, otherwise any positive pattern that matches.
        /// </summary>
        public static HostPatternMatch Match(string field, string lookupName)
        {
            if (IsHashed(field))
            {
                if (!TryParseHashed(field, out byte[]? salt, out byte[]? hash))
                {
                    return HostPatternMatch.NoMatch;
                }

                return FixedTimeEquals(Hash(salt!, lookupName), hash!) ? HostPatternMatch.Match : HostPatternMatch.NoMatch;
            }

            bool positive = false;
            foreach (string raw in field.Split(','))
            {
                bool negated = raw.StartsWith("!", StringComparison.Ordinal);
                string pattern = (negated ? raw.Substring(1) : raw).ToLowerInvariant();
                if (WildcardMatch(lookupName, 0, pattern, 0))
                {
                    if (negated)
                    {
                        return HostPatternMatch.Negated;
                    }

                    positive = true;
                }
            }

            return positive ? HostPatternMatch.Match : HostPatternMatch.NoMatch;
        }

        /// <summary><c>*</c> matches any run of characters (also none), <c>?</c> exactly one.</summary>
        internal static bool WildcardMatch(string text, int t, string pattern, int p)
        {
            // Iterative glob with one backtrack point: linear enough for host names, no recursion blow-up.
            int starP = -1, starT = -1;
            while (t < text.Length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = p++;
                    starT = t;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    t = ++starT;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < a.Length; i++)
            {
                diff |= a[i] ^ b[i];
            }

            return diff == 0;
        }
    }
}
