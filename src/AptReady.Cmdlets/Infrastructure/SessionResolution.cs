using System;
using AptReady.Core.Remote;
using AptReady.Transport;

namespace AptReady.Cmdlets.Infrastructure
{
    /// <summary>
    /// How a target becomes a session, shared by the remote cmdlets' base and by cmdlets that reach one
    /// host on the side (New-CloudConfig -ValidateOn): the runspace's pooled connection when there is one,
    /// AptReady's own SSH.NET connection otherwise, or a caller's Posh-SSH session (given, or used by an
    /// earlier cmdlet of the pipeline for the same user, host and port when no credentials are given).
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
        public static IRemoteSession Own(SshSessionPool pool, SshConnector connector, SshTarget target, bool hasCredentials, bool explicitHostKeyTrust, Action<string>? warn = null)
        {
            if (!hasCredentials && LiveCaller(pool, target, warn) is CallerSshSession caller)
            {
                return caller;
            }

            SshSession? pooled = pool.Find(target.UserName, target.ComputerName, target.Port);
            if (pooled != null && !hasCredentials)
            {
                if (explicitHostKeyTrust && (pool.ReplaceUntrustedHops(target) || !pooled.IsTrustedBy(connector.Trust)))
                {
                    return pool.Replace(pooled.Target, connector);
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

        /// <summary>
        /// Wraps a caller's Posh-SSH session and registers it, so later cmdlets find it by user, host and port.
        /// <paramref name="stillListed"/>: whether Posh-SSH's session list still holds it (null: unknown).
        /// </summary>
        public static IRemoteSession Caller(SshSessionPool pool, object sessionObject, bool? stillListed)
        {
            var session = CallerSshSession.FromSessionObject(sessionObject, stillListed);
            pool.RegisterCaller(session);
            return session;
        }

        /// <summary>
        /// The caller's session an earlier cmdlet of the pipeline used for this user, host and port, when it
        /// can still run commands. One that cannot (removed, disposed, disconnected) is forgotten, and
        /// AptReady connects on its own: a closed Posh-SSH session never blocks the host.
        /// </summary>
        private static CallerSshSession? LiveCaller(SshSessionPool pool, SshTarget target, Action<string>? warn)
        {
            CallerSshSession? caller = pool.FindCaller(target.UserName, target.ComputerName, target.Port);
            RemoteSessionException? unusable = caller?.Unusable();
            if (caller == null || unusable == null)
            {
                return caller;
            }

            pool.ForgetCaller(caller);
            string id = caller.SessionId is int number ? $" {number}" : string.Empty;
            warn?.Invoke($"{target}: the Posh-SSH session{id} an earlier command used cannot run commands any more ({unusable.Failure}); AptReady connects on its own (give -KeyFilePath or -Credential if it needs them).");
            return null;
        }
    }
}
