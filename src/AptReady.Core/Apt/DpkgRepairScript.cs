using System;
using System.Collections.Generic;
using System.Globalization;
using AptReady.Core.Remote;

namespace AptReady.Core.Apt
{
    /// <summary>
    /// Runs <c>dpkg --configure -a</c> as root, the repair apt asks for after an interrupted dpkg,
    /// in a session of its own (DpkgRepairScript.sh, its root part DpkgRepairRoot.sh) (Ctrl+C on the client must not interrupt dpkg a second time).
    /// </summary>
    /// <remarks>
    /// Output: <c>aptready-dpkgrepair 1</c>, <c>run</c>, dpkg's lines tagged <c>out </c>, and last
    /// <c>dpkg-exit N</c>. Keeps existing configuration files, as Invoke-AptGet's apt runs do.
    /// </remarks>
    public static class DpkgRepairScript
    {
        public const string Header = "aptready-dpkgrepair 1";

        /// <summary>The repair as displayed in verbose output and results.</summary>
        public const string CommandText = "dpkg --force-confdef --force-confold --configure -a";

        public static RemoteCommand Build(RootElevation elevation = RootElevation.SudoNonInteractive)
        {
            string root = AptGetScript.RootCommandLine(elevation) + ShellQuote.Quote(RemoteScript.Load("DpkgRepairRoot.sh")) + " sh";
            string script = RemoteScript.Load("DpkgRepairScript.sh").Replace("@HEADER@", Header).Replace("@ROOT@", root);
            return new RemoteCommand(script, "repair an interrupted dpkg (" + CommandText + ")");
        }

        /// <summary>Reads the repair's output: dpkg's exit code (null when it never ran) and its lines.</summary>
        public static int? Parse(string output, List<string> dpkgLines)
        {
            if (output is null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (dpkgLines is null)
            {
                throw new ArgumentNullException(nameof(dpkgLines));
            }

            int? exit = null;
            foreach (string raw in output.Replace("\r\n", "\n").Split('\n'))
            {
                if (raw.StartsWith("out ", StringComparison.Ordinal))
                {
                    dpkgLines.Add(raw.Substring(4));
                }
                else if (raw.StartsWith("dpkg-exit ", StringComparison.Ordinal)
                    && int.TryParse(raw.Substring(10), NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                {
                    exit = code;
                }
            }

            return exit;
        }
    }
}
