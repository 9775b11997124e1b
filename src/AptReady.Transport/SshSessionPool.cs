using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;

namespace AptReady.Transport
{
    /// <summary>
    /// The connections of one runspace: one per user, host and port, shared by every cmdlet so that
    /// <c>Wait-CloudInit | Test-AptLock | Invoke-AptGet</c> opens one SSH connection per host, not three.
    /// Callers' sessions (Posh-SSH) are remembered apart from AptReady's own connections: they lead a
    /// pipeline's next cmdlet to the same session, but never stand in the way of an own connection.
    /// </summary>
    public sealed class SshSessionPool : IDisposable
    {
        private readonly ConcurrentDictionary<string, SshSession> _sessions =
            new ConcurrentDictionary<string, SshSession>(StringComparer.Ordinal);

        private readonly ConcurrentDictionary<string, CallerSshSession> _callers =
            new ConcurrentDictionary<string, CallerSshSession>(StringComparer.Ordinal);

        /// <summary>AptReady's own pooled session for this user, host and port, if there is one.</summary>
        public SshSession? Find(string userName, string computerName, int port)
        {
            return _sessions.TryGetValue(Key(userName, computerName, port), out var session) ? session : null;
        }

        /// <summary>
        /// The pooled session for <paramref name="target"/>. A connected session is shared as it is
        /// (already authenticated); one that is not connected is replaced, so that new credentials
        /// or a new deadline take effect.
        /// </summary>
        public SshSession GetOrAdd(SshTarget target, SshConnector connector)
        {
            return _sessions.AddOrUpdate(
                target.PoolKey,
                _ => new SshSession(target, connector),
                (_, existing) => existing.IsReplaceable ? Replace(existing, target, connector) : existing);
        }

        /// <summary>
        /// Puts a new, not yet connected session for <paramref name="target"/> in the pool. The one it
        /// replaces is closed: its host key is not trusted by the caller's settings.
        /// </summary>
        public SshSession Replace(SshTarget target, SshConnector connector)
        {
            var fresh = new SshSession(target, connector);
            _sessions.AddOrUpdate(target.PoolKey, fresh, (_, existing) =>
            {
                existing.Dispose();
                return fresh;
            });
            return fresh;
        }

        private static SshSession Replace(SshSession stale, SshTarget target, SshConnector connector)
        {
            stale.Dispose();
            return new SshSession(target, connector);
        }

        /// <summary>Remembers a caller's session (Posh-SSH) so that later cmdlets in the pipeline find it by user, host and port.</summary>
        public void RegisterCaller(CallerSshSession session)
        {
            _callers[Key(session.UserName, session.ComputerName, session.Port)] = session;
        }

        /// <summary>The caller's session last used for this user, host and port, if there is one.</summary>
        public CallerSshSession? FindCaller(string userName, string computerName, int port)
        {
            return _callers.TryGetValue(Key(userName, computerName, port), out var session) ? session : null;
        }

        /// <summary>Forgets a caller's session that can no longer run commands (removed, disposed, disconnected).</summary>
        public void ForgetCaller(CallerSshSession session)
        {
            // Only this very session: another one may have been registered for the key meanwhile.
            ((ICollection<KeyValuePair<string, CallerSshSession>>)_callers)
                .Remove(new KeyValuePair<string, CallerSshSession>(Key(session.UserName, session.ComputerName, session.Port), session));
        }

        public int Count => _sessions.Count;

        /// <summary>Closes AptReady's own connections; a caller's sessions stay the caller's to close.</summary>
        public void Dispose()
        {
            foreach (var session in _sessions.Values)
            {
                session.Dispose();
            }

            _sessions.Clear();
            _callers.Clear();
        }

        private static string Key(string userName, string computerName, int port) =>
            $"{userName}@{computerName.ToLowerInvariant()}:{port}";
    }
}
