using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// How a target becomes a session, shared by the remote cmdlets' base and by cmdlets that reach one
    /// host on the side (New-CloudConfig -ValidateOn): the runspace's pooled connection when there is one,
    /// AptReady's own SSH.NET connection otherwise, or a caller's Posh-SSH session.
    /// </summary>
    internal static class SessionResolution
    {
        /// <summary>
        /// The pooled session for the target's user, host and port. With new credentials (a key file or a
        /// password) a connected pooled session is still shared as it is; an idle one is replaced.
        /// </summary>
        /// <remarks>
        /// When the caller named host-key settings of its own (<paramref name="explicitHostKeyTrust"/>), a
        /// shared connection whose key those settings do not trust is not used: a new connection is
        /// opened (with the pooled session's credentials when none were given) and verified by them, so a
        /// pin is never skipped and a host whose key was rotated (a seed's pinned key) is reached anew.
        /// Without such settings the check made when the connection was opened stands.
        /// </remarks>
        public static IRemoteSession Own(SshSessionPool pool, SshConnector connector, SshTarget target, bool hasCredentials, bool explicitHostKeyTrust)
        {
            IRemoteSession? pooled = pool.Find(target.UserName, target.ComputerName, target.Port);
            if (pooled != null && !hasCredentials)
            {
                if (explicitHostKeyTrust && pooled is SshSession shared && (pool.ReplaceUntrustedHops(target) || !shared.IsTrustedBy(connector.Trust)))
                {
                    return pool.Replace(shared.Target, connector);
                }

                return pooled;
            }

            SshSession session = pool.GetOrAdd(target, connector);
            if (explicitHostKeyTrust && (pool.ReplaceUntrustedHops(target) || !session.IsTrustedBy(connector.Trust)))
            {
                return pool.Replace(target, connector);
            }

            return session;
        }

        /// <summary>Wraps a caller's Posh-SSH session and registers it, so later cmdlets find it by user, host and port.</summary>
        public static IRemoteSession Caller(SshSessionPool pool, object sessionObject)
        {
            var session = CallerSshSession.FromSessionObject(sessionObject);
            pool.Register(session.UserName, session.ComputerName, session.Port, session);
            return session;
        }
    }
}
