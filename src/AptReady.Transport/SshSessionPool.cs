using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
                _ => new SshSession(target, connector, OpenTunnelAsync),
                (_, existing) => existing.IsReplaceable ? Replace(existing, target, connector) : existing);
        }

        /// <summary>
        /// Puts a new, not yet connected session for <paramref name="target"/> in the pool. The one it
        /// replaces is closed: its host key is not trusted by the caller's settings.
        /// </summary>
        public SshSession Replace(SshTarget target, SshConnector connector)
        {
            var fresh = new SshSession(target, connector, OpenTunnelAsync);
            _sessions.AddOrUpdate(target.PoolKey, fresh, (_, existing) =>
            {
                existing.Dispose();
                return fresh;
            });
            return fresh;
        }

        private SshSession Replace(SshSession stale, SshTarget target, SshConnector connector)
        {
            stale.Dispose();
            return new SshSession(target, connector, OpenTunnelAsync);
        }

        /// <summary>
        /// Replaces each pooled jump host session on <paramref name="target"/>'s route whose verified key its
        /// hop's own host-key settings do not trust (the caller named new ones); true when any was replaced,
        /// so the target's session, which ran through it, must be replaced too.
        /// </summary>
        public bool ReplaceUntrustedHops(SshTarget target)
        {
            bool replaced = false;
            for (JumpHop? hop = target.Via; hop != null; hop = hop.Target.Via)
            {
                if (_sessions.TryGetValue(hop.Target.PoolKey, out SshSession? session) && !session.IsTrustedBy(hop.Connector.Trust))
                {
                    Replace(hop.Target, hop.Connector);
                    replaced = true;
                }
            }

            return replaced;
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

        /// <summary>
        /// Opens the forward to <paramref name="target"/> on its last jump host's pooled session: one
        /// connection to a jump host serves every target behind it. A hop that cannot be used ends as
        /// JumpHostFailed naming the hop and, inside, its own failure (a host-key error keeps its id).
        /// </summary>
        private async Task<JumpTunnel> OpenTunnelAsync(SshTarget target, CancellationToken cancellationToken)
        {
            JumpHop hop = target.Via ?? throw new InvalidOperationException($"{target} has no jump host.");
            SshSession hopSession = GetOrAdd(hop.Target, hop.Connector);
            try
            {
                return await hopSession.OpenTunnelAsync(target.HostName, target.Port, cancellationToken).ConfigureAwait(false);
            }
            catch (RemoteSessionException ex)
            {
                throw JumpHostFailed(target, hop.Target, ex);
            }
        }

        internal static RemoteSessionException JumpHostFailed(SshTarget target, SshTarget hop, RemoteSessionException failure)
        {
            const string RouteKey = "AptReady.JumpFailure";
            string what = failure.Failure == RemoteFailure.JumpHostFailed && failure.Data[RouteKey] is string deeper
                ? deeper
                : $"jump host {hop.HopCount + 1} ({hop}) failed: {failure.Message} [{failure.Failure}]";
            var wrapped = new RemoteSessionException(target.ComputerName, RemoteFailure.JumpHostFailed, $"{target}: {what}", failure);
            wrapped.Data[RouteKey] = what;
            return wrapped;
        }

        /// <summary>Closes AptReady's own connections; a caller's sessions stay the caller's to close.</summary>
        public void Dispose()
        {
            // Targets first, then the jump hosts their tunnels run through.
            foreach (var session in _sessions.Values.OrderByDescending(s => s.Target.HopCount))
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
