using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using AptReady.Core.Remote;

namespace AptReady.Transport
{
    /// <summary>
    /// Reads a caller's session object by its public shape (Posh-SSH loads an SSH.NET of its own, whose
    /// types are not AptReady's) and names its state. Reflection wraps what the target throws in a
    /// TargetInvocationException; here it is unwrapped, so callers classify the real exception and no
    /// reflection exception reaches the user.
    /// </summary>
    internal static class CallerSessionShape
    {
        /// <summary>Whether a client can be used now: connected, only disconnected, or disposed for good.</summary>
        public enum ClientState
        {
            Connected,
            Disconnected,
            Disposed,
        }

        public static object? Member(object? target, string name)
        {
            if (target == null)
            {
                return null;
            }

            Type type = target.GetType();
            PropertyInfo? property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            try
            {
                if (property != null && property.GetIndexParameters().Length == 0)
                {
                    return property.GetValue(target);
                }

                return type.GetField(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        public static object? Invoke(object target, string method, params object[] arguments)
        {
            var types = Array.ConvertAll(arguments, a => a is IAsyncResult ? typeof(IAsyncResult) : a.GetType());
            MethodInfo? info = target.GetType().GetMethod(method, types);
            return info == null ? null : Invoke(target, info, arguments);
        }

        public static object? Invoke(object target, MethodInfo method, params object[]? arguments)
        {
            try
            {
                return method.Invoke(target, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        public static ClientState StateOf(object client)
        {
            try
            {
                return Member(client, "IsConnected") is bool connected && connected ? ClientState.Connected : ClientState.Disconnected;
            }
            catch (ObjectDisposedException)
            {
                return ClientState.Disposed;
            }
        }

        /// <summary>An SFTP session (Posh-SSH's New-SFTPSession) holds an SftpClient: it moves files, it runs no commands.</summary>
        public static bool IsSftp(object sessionObject, object client) =>
            sessionObject.GetType().FullName == "SSH.SftpSession" || client.GetType().Name == "SftpClient";

        /// <summary>How a session is named in messages: Posh-SSH's id and host when it has them.</summary>
        public static string Describe(int? sessionId, string host) =>
            sessionId is int id ? $"Posh-SSH session {id} to {host}" : $"The session to {host}";

        /// <summary>
        /// The failure for a session that is not connected now. <paramref name="stillListed"/> is false when
        /// Posh-SSH's own session list no longer holds it (Remove-SSHSession), null when that is unknown.
        /// </summary>
        public static RemoteSessionException? NotReady(ClientState state, string described, string host, bool? stillListed)
        {
            if (state == ClientState.Connected)
            {
                return null;
            }

            if (stillListed == false)
            {
                return new RemoteSessionException(host, RemoteFailure.SessionRemoved,
                    $"{described} was removed (Remove-SSHSession). Open a new one with New-SSHSession, or name the host with -ComputerName and credentials.");
            }

            return state == ClientState.Disposed
                ? new RemoteSessionException(host, RemoteFailure.SessionDisposed,
                    $"{described} was disposed and cannot connect again. Open a new one with New-SSHSession, or name the host with -ComputerName and credentials.")
                : new RemoteSessionException(host, RemoteFailure.SessionDisconnected,
                    $"{described} is not connected. Reconnect it (Posh-SSH: New-SSHSession) and try again.");
        }

        /// <summary>
        /// What an exception thrown by a caller's client while a command ran means: the client was disposed
        /// under us, its connection dropped, or something else the session cannot do.
        /// </summary>
        public static RemoteSessionException WhileRunning(Exception ex, object client, string described, string host, string what)
        {
            if (ex is ObjectDisposedException || StateOf(client) == ClientState.Disposed)
            {
                return new RemoteSessionException(host, RemoteFailure.SessionDisposed,
                    $"{described} was closed (Remove-SSHSession or Dispose) while '{what}' ran.", ex);
            }

            if (ex.GetType().Name == "SshConnectionException" || StateOf(client) == ClientState.Disconnected)
            {
                return new RemoteSessionException(host, RemoteFailure.ConnectionLost,
                    $"{described}: the connection was lost while '{what}' ran ({ex.Message}).", ex);
            }

            return new RemoteSessionException(host, RemoteFailure.SessionUnusable,
                $"{described} could not run '{what}': {ex.Message}", ex);
        }
    }
}
