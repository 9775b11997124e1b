using System;
using AptReady.Core.CloudInit;

namespace AptReady.Cmdlets.CloudInit
{
    /// <summary>
    /// What Wait-CloudInit -ErrorOnFailure writes for a host whose cloud-init did not finish cleanly;
    /// <see cref="Result"/> holds everything the result object would have said.
    /// </summary>
    public sealed class CloudInitNotReadyException : Exception
    {
        public CloudInitNotReadyException(CloudInitResult result)
            : base(MessageFor(result))
        {
            Result = result;
        }

        public CloudInitResult Result { get; }

        private static string MessageFor(CloudInitResult r) => r.State switch
        {
            CloudInitState.Error => $"{r.Host}: cloud-init finished with errors: {r.Detail}",
            CloudInitState.Degraded => $"{r.Host}: cloud-init finished with recoverable errors (degraded): {r.Detail}",
            CloudInitState.TimedOut => $"{r.Host}: cloud-init had not finished after {r.Waited.TotalSeconds:0.#} s: {r.Detail}",
            CloudInitState.NotInstalled => $"{r.Host}: cloud-init is not installed: {r.Detail}",
            _ => $"{r.Host}: cloud-init is {r.State}: {r.Detail}",
        };
    }
}
