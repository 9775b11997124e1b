using System;

namespace AptReady.Core.Remote
{
    /// <summary>
    /// Runs a root part of a script through sudo. Without a password sudo is asked never to prompt
    /// (-n); with one, it reads the password from standard input (-S) with an empty prompt, so the
    /// password travels on the SSH channel's stdin and never on a command line.
    /// </summary>
    public static class Sudo
    {
        /// <summary>What sudo prints (LC_ALL=C) when it wants a password it was not given or refused the one given.</summary>
        private static readonly string[] PasswordMessages =
        {
            "a password is required",
            "a terminal is required to read the password",
            "no password was provided",
            "incorrect password attempt",
            "Sorry, try again",
        };

        /// <summary>An sh command line that runs <paramref name="rootScript"/> as root.</summary>
        public static string Wrap(string rootScript, bool passwordOnStandardInput)
        {
            if (rootScript is null)
            {
                throw new ArgumentNullException(nameof(rootScript));
            }

            string sudo = passwordOnStandardInput ? "sudo -S -p '' --" : "sudo -n --";
            return "LC_ALL=C " + sudo + " /bin/sh -c " + ShellQuote.Quote(rootScript);
        }

        /// <summary>Whether a failed command's error output says sudo wanted (another) password.</summary>
        public static bool WantsPassword(string errorOutput)
        {
            foreach (string message in PasswordMessages)
            {
                if (errorOutput.IndexOf("sudo: " + message, StringComparison.Ordinal) >= 0
                    || (message == "Sorry, try again" && errorOutput.IndexOf(message, StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The standard input sudo -S reads: the password and a newline.</summary>
        public static byte[] PasswordInput(string password) => System.Text.Encoding.UTF8.GetBytes(password + "\n");
    }
}
