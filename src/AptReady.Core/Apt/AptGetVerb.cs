using System;

namespace AptReady.Core.Apt
{
    /// <summary>The apt-get operations Invoke-AptGet runs.</summary>
    public enum AptGetVerb
    {
        Update,
        Upgrade,
        DistUpgrade,
        Install,
        Remove,
        Purge,
        Autoremove,
        Clean,
    }

    /// <summary>What each <see cref="AptGetVerb"/> means to apt-get.</summary>
    public static class AptGetVerbs
    {
        /// <summary>The apt-get command word.</summary>
        public static string ToAptGetWord(this AptGetVerb verb) => verb switch
        {
            AptGetVerb.Update => "update",
            AptGetVerb.Upgrade => "upgrade",
            AptGetVerb.DistUpgrade => "dist-upgrade",
            AptGetVerb.Install => "install",
            AptGetVerb.Remove => "remove",
            AptGetVerb.Purge => "purge",
            AptGetVerb.Autoremove => "autoremove",
            AptGetVerb.Clean => "clean",
            _ => throw new ArgumentOutOfRangeException(nameof(verb), verb, "Unknown apt-get verb."),
        };

        /// <summary>Install, Remove and Purge act on named packages and need at least one.</summary>
        public static bool RequiresPackages(this AptGetVerb verb) =>
            verb is AptGetVerb.Install or AptGetVerb.Remove or AptGetVerb.Purge;

        /// <summary>Whether the verb changes installed packages (runs dpkg), so dpkg's prompts and state matter.</summary>
        public static bool RunsDpkg(this AptGetVerb verb) =>
            verb is AptGetVerb.Upgrade or AptGetVerb.DistUpgrade or AptGetVerb.Install
                 or AptGetVerb.Remove or AptGetVerb.Purge or AptGetVerb.Autoremove;
    }
}
