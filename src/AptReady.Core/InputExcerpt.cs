using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AptReady.Core
{
    /// <summary>
    /// The one way a message quotes what a user gave: a short excerpt in quotes, control characters
    /// escaped (an ESC or BEL in a message would drive the terminal), and never anything that looks
    /// like key material (a private key pasted into the wrong parameter must not reach a log).
    /// </summary>
    public static class InputExcerpt
    {
        /// <summary>The longest excerpt, in characters of the input.</summary>
        public const int MaxLength = 60;

        public const string KeyMaterial = "(text that looks like key material, not shown)";

        // PEM and OpenSSH armour, PuTTY key files.
        private static readonly Regex Armour = new Regex(
            @"-----BEGIN|PRIVATE KEY|PuTTY-User-Key-File|Private-Lines:", RegexOptions.CultureInvariant);

        // A run this long of base64 characters, mixing upper case, lower case and digits, is a key body.
        private const int Base64RunLength = 48;

        /// <summary>'text' (or the start of it and …), escaped; "(null)" for null.</summary>
        public static string Of(string? text) => Of(text, MaxLength);

        /// <summary>The same with a longer limit, for local paths a person must recognise.</summary>
        public static string Of(string? text, int maxLength)
        {
            if (text is null)
            {
                return "(null)";
            }

            if (LooksLikeKeyMaterial(text))
            {
                return KeyMaterial;
            }

            var excerpt = new StringBuilder("'");
            int shown = 0;
            foreach (char c in text)
            {
                if (shown == maxLength)
                {
                    excerpt.Append("…' (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
                    return excerpt.ToString();
                }

                Append(excerpt, c);
                shown++;
            }

            return excerpt.Append('\'').ToString();
        }

        public static bool LooksLikeKeyMaterial(string text) => Armour.IsMatch(text) || HasBase64Run(text);

        // One pass (a regex with look-aheads is quadratic on a long run).
        private static bool HasBase64Run(string text)
        {
            int length = 0;
            bool upper = false, lower = false, digit = false;
            foreach (char c in text)
            {
                bool isUpper = c >= 'A' && c <= 'Z', isLower = c >= 'a' && c <= 'z', isDigit = (c >= '0' && c <= '9') || c == '+' || c == '/';
                if (!(isUpper || isLower || isDigit))
                {
                    length = 0;
                    upper = lower = digit = false;
                    continue;
                }

                length++;
                upper |= isUpper;
                lower |= isLower;
                digit |= isDigit;
                if (length >= Base64RunLength && upper && lower && digit)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Append(StringBuilder excerpt, char c)
        {
            switch (c)
            {
                case '\n': excerpt.Append("\\n"); break;
                case '\r': excerpt.Append("\\r"); break;
                case '\t': excerpt.Append("\\t"); break;
                case '\\': excerpt.Append("\\\\"); break;
                case '\'': excerpt.Append("\\'"); break;
                default:
                    if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        excerpt.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        excerpt.Append(c);
                    }

                    break;
            }
        }
    }
}
