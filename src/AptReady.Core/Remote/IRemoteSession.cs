using System.Threading;
using System.Threading.Tasks;

namespace AptReady.Core.Remote
{
    /// <summary>
    /// A connection to one host that runs POSIX sh scripts. AptReady's own SSH sessions and adapters
    /// over a caller's Posh-SSH session both implement it, so the readiness logic never sees SSH.
    /// </summary>
    public interface IRemoteSession
    {
        /// <summary>The host as the caller named it; every result object carries it.</summary>
        string ComputerName { get; }

        /// <summary>The SSH port; with the user and host it names the pooled connection later cmdlets reuse.</summary>
        int Port { get; }

        /// <summary>The login user.</summary>
        string UserName { get; }

        /// <summary>
        /// Runs <paramref name="command"/> on the host and returns when it exits. Cancelling the token
        /// stops waiting at once and ends the remote command where the transport allows it.
        /// </summary>
        Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken);
    }
}
