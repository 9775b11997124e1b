using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>State the module keeps per runspace (never process-wide): the pooled connections.</summary>
    internal static class ModuleState
    {
        private static readonly ConditionalWeakTable<Runspace, SshSessionPool> Pools =
            new ConditionalWeakTable<Runspace, SshSessionPool>();

        private static readonly SshSessionPool NoRunspacePool = new SshSessionPool();

        public static SshSessionPool PoolFor(Runspace? runspace)
        {
            return runspace == null ? NoRunspacePool : Pools.GetValue(runspace, Create);
        }

        private static SshSessionPool Create(Runspace runspace)
        {
            // A runspace that closes without Remove-Module (a thread job, a script's end) closes its connections too.
            runspace.StateChanged += (_, e) =>
            {
                if (e.RunspaceStateInfo.State == RunspaceState.Closed || e.RunspaceStateInfo.State == RunspaceState.Broken)
                {
                    Release(runspace);
                }
            };
            return new SshSessionPool();
        }

        /// <summary>Closes the runspace's connections (Remove-Module, runspace end).</summary>
        public static void Release(Runspace? runspace)
        {
            if (runspace != null && Pools.TryGetValue(runspace, out var pool))
            {
                Pools.Remove(runspace);
                pool.Dispose();
            }
        }
    }
}
