using AptReady.Core.Apt;
using AptReady.Core.Remote;

namespace AptReady.Core.Reboot
{
    /// <summary>The reboot's remote scripts: .sh files embedded in this assembly, checked by shellcheck.</summary>
    public static class RebootScripts
    {
        /// <summary>Reads /run/reboot-required, its .pkgs list and the kernels in /boot (<see cref="RebootRequirement"/>).</summary>
        public static RemoteCommand RebootRequiredProbe() =>
            new RemoteCommand(Load("reboot-required.sh"), "read whether the host asks for a reboot");

        /// <summary>Prints the running boot's id.</summary>
        public static RemoteCommand BootId() => new RemoteCommand(Load("boot-id.sh"), "read the boot id");

        /// <summary>'systemctl --no-block reboot' as root, through <paramref name="elevation"/>.</summary>
        public static RemoteCommand Reboot(RootElevation elevation)
        {
            string wrapper = AptGetScript.RootWrapper(elevation);
            string root = (wrapper.Length > 0 ? wrapper + " " : string.Empty) + "/bin/sh -c";
            return new RemoteCommand(Load("reboot.sh").Replace("@ROOT@", root), "reboot the host (systemctl reboot as root)");
        }

        internal static string Load(string name) => RemoteScript.Load(name);
    }
}
