namespace AptReady.Core.Apt
{
    /// <summary>How the remote script becomes root to run apt-get.</summary>
    public enum RootElevation
    {
        /// <summary><c>sudo -n</c>: never prompts; fails at once when sudo wants a password.</summary>
        SudoNonInteractive,

        /// <summary>
        /// <c>sudo -S -p ''</c>: reads the password from the command's standard input (the
        /// transport writes it there, never on the command line). apt itself gets /dev/null.
        /// </summary>
        SudoPasswordOnStdin,

        /// <summary>The login user is root: run the fragment with /bin/sh directly.</summary>
        AlreadyRoot,
    }
}
