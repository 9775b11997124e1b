using System;

namespace AptReady.Core.Remote
{
    /// <summary>A probe printed something AptReady cannot read: the message quotes what was read.</summary>
    public sealed class ProbeOutputException : Exception
    {
        public ProbeOutputException(string message, string output)
            : base(message + " Output read: " + Excerpt(output))
        {
            Output = output;
        }

        public string Output { get; }

        private static string Excerpt(string output)
        {
            const int Max = 400;
            string trimmed = output.Length > Max ? output.Substring(0, Max) + "…" : output;
            return "'" + trimmed.Replace("\r", "\\r").Replace("\n", "\\n") + "'";
        }
    }
}
