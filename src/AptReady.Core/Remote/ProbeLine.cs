namespace AptReady.Core.Remote
{
    /// <summary>
    /// The line format every remote probe prints: a tag, a space, then the fields, with any free text
    /// last so that spaces in it survive.
    /// </summary>
    public static class ProbeLine
    {
        /// <summary>Splits off the first word: the tag of a probe line, or the first field of the rest.</summary>
        public static string FirstWord(string line, out string rest)
        {
            int space = line.IndexOf(' ');
            if (space < 0)
            {
                rest = string.Empty;
                return line;
            }

            rest = line.Substring(space + 1);
            return line.Substring(0, space);
        }
    }
}
