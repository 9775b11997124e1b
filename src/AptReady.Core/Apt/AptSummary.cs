using System.Globalization;
using System.Text.RegularExpressions;

namespace AptReady.Core.Apt
{
    /// <summary>apt-get's count line: "N upgraded, N newly installed, N to remove and N not upgraded."</summary>
    public sealed class AptSummary
    {
        // LC_ALL=C wording, the same in apt 2.6 and apt-get 3.0 (apt 3's new "Summary:" block is the
        // 'apt' front end's; apt-get kept this line). Newer apts may add ", N to reinstall"-like parts
        // before " and ", so anything between the third count and " and " is allowed.
        private static readonly Regex Pattern = new Regex(
            @"^(\d+) upgraded, (\d+) newly installed, (?:[^,]*, )?(\d+) to remove and (\d+) not upgraded\.\s*$",
            RegexOptions.CultureInvariant);

        public AptSummary(int upgraded, int newlyInstalled, int removed, int notUpgraded)
        {
            Upgraded = upgraded;
            NewlyInstalled = newlyInstalled;
            Removed = removed;
            NotUpgraded = notUpgraded;
        }

        public int Upgraded { get; }

        public int NewlyInstalled { get; }

        public int Removed { get; }

        public int NotUpgraded { get; }

        public static bool TryParse(string line, out AptSummary? summary)
        {
            summary = null;
            Match m = Pattern.Match(line ?? string.Empty);
            if (!m.Success)
            {
                return false;
            }

            summary = new AptSummary(Int(m.Groups[1].Value), Int(m.Groups[2].Value), Int(m.Groups[3].Value), Int(m.Groups[4].Value));
            return true;
        }

        private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;

        public override string ToString() =>
            $"{Upgraded} upgraded, {NewlyInstalled} newly installed, {Removed} to remove and {NotUpgraded} not upgraded.";
    }
}
