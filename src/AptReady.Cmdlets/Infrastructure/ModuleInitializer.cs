using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>Runs when the module is imported and removed.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            DependencyLoader.Install();
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ModuleState.Release(Runspace.DefaultRunspace);
        }
    }
}
