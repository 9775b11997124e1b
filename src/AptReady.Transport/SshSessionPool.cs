using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;

namespace AptReady.Transport
{
    /// <summary>
    /// The connections of one runspace: one per user, host and port, shared by every cmdlet so that
    /// <c>Wait-CloudInit | Test-AptLock | Invoke-AptGet</c> opens one SSH connection per host, not three.
    /// </summary>
    public sealed class SshSessionPool : IDisposable
    {
        private readonly ConcurrentDictionary<string, IRemoteSession> _sessions =
            new ConcurrentDictionary<string, IRemoteSession>(StringComparer.Ordinal);

        /// <summary>The pooled session for this user, host and port, if there is one.</summary>
        public IRemoteSession? Find(string userName, string computerName, int port)
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
            var session = _sessions.AddOrUpdate(
                target.PoolKey,
                _ => new SshSession(target, connector),
                (_, existing) => existing is SshSession own && own.IsReplaceable ? Replace(own, target, connector) : existing);
            if (session is SshSession result)
            {
                return result;
            }

            throw new InvalidOperationException($"{target} is served by a caller's session; pass it with -Session.");
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
                (existing as IDisposable)?.Dispose();
                return fresh;
            });
            return fresh;
        }

        private static SshSession Replace(SshSession stale, SshTarget target, SshConnector connector)
        {
            stale.Dispose();
            return new SshSession(target, connector);
        }

        /// <summary>Remembers a caller's session (Posh-SSH) so that later cmdlets in the pipeline find it by host.</summary>
        public void Register(string userName, string computerName, int port, IRemoteSession session)
        {
            _sessions[Key(userName, computerName, port)] = session;
        }

        public int Count => _sessions.Count;

        public void Dispose()
        {
            foreach (var session in _sessions.Values)
            {
                (session as IDisposable)?.Dispose();
            }

            _sessions.Clear();
        }

        private static string Key(string userName, string computerName, int port) =>
            $"{userName}@{computerName.ToLowerInvariant()}:{port}";
    }
}
