using System.Threading;
using System.Threading.Tasks;

namespace AptReady.Core.Remote
{
    /// <summary>A session that can connect again after its connection dropped (AptReady's own, not a caller's).</summary>
    public interface IReconnectingSession : IRemoteSession
    {
        bool IsConnected { get; }

        /// <summary>Connects when not connected, retrying while the host refuses, until the token is cancelled.</summary>
        Task EnsureConnectedAsync(CancellationToken cancellationToken);
    }
}
