using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;
using Renci.SshNet;

namespace AptReady.Transport
{
    /// <summary>
    /// Runs commands through a caller's own connected SSH.NET client, such as the one inside a
    /// Posh-SSH <c>SSH.SshSession</c>. Posh-SSH loads its own SSH.NET version, whose types are not
    /// AptReady's, so the client is used by its public shape (duck typing): <c>CreateCommand</c>,
    /// then <c>ExecuteAsync</c> where that version has it (streaming output), or the older
    /// <c>BeginExecute</c>/<c>EndExecute</c> pair (output read when the command ends).
    /// AptReady never disconnects or disposes a caller's client.
    /// </summary>
    public sealed class CallerSshSession : IRemoteSession
    {
        private readonly object _client;

        private CallerSshSession(object client, string computerName, int port, string userName)
        {
            _client = client;
            ComputerName = computerName;
            Port = port;
            UserName = userName;
        }

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        /// <summary>Whether the caller's client uses the same SSH.NET AptReady loaded (then no reflection is needed).</summary>
        public bool SharesSshNet => _client is SshClient;

        /// <summary>
        /// Wraps a Posh-SSH session object (or any object with a <c>Session</c> field or property that
        /// holds a connected SSH.NET client, and optionally <c>Host</c>).
        /// </summary>
        public static CallerSshSession FromSessionObject(object sessionObject)
        {
            if (sessionObject is null)
            {
                throw new ArgumentNullException(nameof(sessionObject));
            }

            string described = sessionObject.GetType().FullName ?? "session";
            object? client = Member(sessionObject, "Session");
            if (client == null)
            {
                throw Unusable("?", $"The {described} object has no Session member holding an SSH.NET client; pass a Posh-SSH session (New-SSHSession, Get-SSHSession).");
            }

            object? info = Member(client, "ConnectionInfo");
            string host = Member(sessionObject, "Host") as string ?? Member(info, "Host") as string ?? "?";
            int port = Member(info, "Port") is int p ? p : 22;
            string user = Member(info, "Username") as string ?? "?";

            if (client.GetType().GetMethod("CreateCommand", new[] { typeof(string) }) == null)
            {
                throw Unusable(host, $"The {described} object's Session is a {client.GetType().FullName}, not an SSH.NET SshClient.");
            }

            return new CallerSshSession(client, host, port, user);
        }

        public async Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
        {
            if (!(Member(_client, "IsConnected") is bool connected) || !connected)
            {
                throw Unusable(ComputerName, $"The caller's SSH session to {ComputerName} is not connected. Reconnect it (Posh-SSH: New-SSHSession) and try again.");
            }

            if (_client is SshClient own)
            {
                return await SshSession.RunOnClientAsync(own, command, cancellationToken).ConfigureAwait(false);
            }

            object sshCommand = Invoke(_client, "CreateCommand", command.ToExecLine())
                ?? throw Unusable(ComputerName, "CreateCommand returned nothing.");
            try
            {
                MethodInfo? executeAsync = sshCommand.GetType().GetMethod("ExecuteAsync", new[] { typeof(CancellationToken) });
                return executeAsync != null
                    ? await RunStreamingAsync(sshCommand, executeAsync, command, cancellationToken).ConfigureAwait(false)
                    : await RunBeginEndAsync(sshCommand, command, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                (sshCommand as IDisposable)?.Dispose();
            }
        }

        private async Task<RemoteCommandResult> RunStreamingAsync(object sshCommand, MethodInfo executeAsync, RemoteCommand command, CancellationToken cancellationToken)
        {
            var execution = (Task)executeAsync.Invoke(sshCommand, new object[] { cancellationToken })!;
            await WriteInputAsync(sshCommand, command, cancellationToken).ConfigureAwait(false);
            var output = new StringBuilder();
            var error = new StringBuilder();
            Task readOutput = OutputReader.Start((Stream)Member(sshCommand, "OutputStream")!, output, command.OutputLine);
            Task readError = OutputReader.Start((Stream)Member(sshCommand, "ExtendedOutputStream")!, error, null);
            try
            {
                await execution.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            await Task.WhenAll(readOutput, readError).ConfigureAwait(false);
            return new RemoteCommandResult(ExitStatus(sshCommand), output.ToString(), error.ToString(), Member(sshCommand, "ExitSignal") as string);
        }

        private async Task<RemoteCommandResult> RunBeginEndAsync(object sshCommand, RemoteCommand command, CancellationToken cancellationToken)
        {
            var begin = sshCommand.GetType().GetMethod("BeginExecute", Type.EmptyTypes)
                ?? throw Unusable(ComputerName, "The caller's SSH.NET command has neither ExecuteAsync nor BeginExecute.");
            var asyncResult = (IAsyncResult)begin.Invoke(sshCommand, null)!;
            await WriteInputAsync(sshCommand, command, cancellationToken).ConfigureAwait(false);

            var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            RegisteredWaitHandle wait = ThreadPool.RegisterWaitForSingleObject(
                asyncResult.AsyncWaitHandle, (_, __) => finished.TrySetResult(true), null, Timeout.Infinite, true);
            try
            {
                using (cancellationToken.Register(() => finished.TrySetCanceled()))
                {
                    try
                    {
                        await finished.Task.ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        Cancel(sshCommand);
                        throw new OperationCanceledException(cancellationToken);
                    }
                }
            }
            finally
            {
                wait.Unregister(null);
            }

            string result = Invoke(sshCommand, "EndExecute", asyncResult) as string ?? string.Empty;
            string error = Member(sshCommand, "Error") as string ?? string.Empty;
            if (command.OutputLine != null)
            {
                foreach (string line in result.Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        command.OutputLine(line.TrimEnd('\r'));
                    }
                }
            }

            return new RemoteCommandResult(ExitStatus(sshCommand), result, error, Member(sshCommand, "ExitSignal") as string);
        }

        private async Task WriteInputAsync(object sshCommand, RemoteCommand command, CancellationToken cancellationToken)
        {
            if (command.StandardInput == null)
            {
                return;
            }

            if (!(Invoke(sshCommand, "CreateInputStream") is Stream input))
            {
                throw Unusable(ComputerName, "The caller's SSH.NET version cannot write a command's standard input (needed for -SudoCredential).");
            }

            using (input)
            {
                await input.WriteAsync(command.StandardInput, 0, command.StandardInput.Length, cancellationToken).ConfigureAwait(false);
            }
        }

        // Older versions have CancelAsync(); newer ones CancelAsync(bool forceKill, int millisecondsTimeout).
        private static void Cancel(object sshCommand)
        {
            try
            {
                var withArgs = sshCommand.GetType().GetMethod("CancelAsync", new[] { typeof(bool), typeof(int) });
                if (withArgs != null)
                {
                    withArgs.Invoke(sshCommand, new object[] { false, 500 });
                    return;
                }

                sshCommand.GetType().GetMethod("CancelAsync", Type.EmptyTypes)?.Invoke(sshCommand, null);
            }
            catch (TargetInvocationException)
            {
                // The command may have ended on its own meanwhile; cancelling is best effort.
            }
        }

        private static int? ExitStatus(object sshCommand) => Member(sshCommand, "ExitStatus") switch
        {
            int status => status,
            _ => null,
        };

        private static object? Member(object? target, string name)
        {
            if (target == null)
            {
                return null;
            }

            Type type = target.GetType();
            PropertyInfo? property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property != null && property.GetIndexParameters().Length == 0)
            {
                return property.GetValue(target);
            }

            return type.GetField(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(target);
        }

        private static object? Invoke(object target, string method, params object[] arguments)
        {
            var types = Array.ConvertAll(arguments, a => a.GetType());
            MethodInfo? info = target.GetType().GetMethod(method, types);
            if (info == null && arguments.Length == 1 && arguments[0] is IAsyncResult)
            {
                info = target.GetType().GetMethod(method, new[] { typeof(IAsyncResult) });
            }

            try
            {
                return info?.Invoke(target, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw ex.InnerException;
            }
        }

        private static RemoteSessionException Unusable(string host, string message) =>
            new RemoteSessionException(host, RemoteFailure.SessionUnusable, message);
    }
}
