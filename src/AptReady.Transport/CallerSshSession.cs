using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AptReady.Core.Remote;
using Renci.SshNet;
using static AptReady.Transport.CallerSessionShape;

namespace AptReady.Transport
{
    /// <summary>
    /// Runs commands through a caller's own connected SSH.NET client, such as the one inside a
    /// Posh-SSH <c>SSH.SshSession</c>. Posh-SSH loads its own SSH.NET version, whose types are not
    /// AptReady's, so the client is used by its public shape (duck typing): <c>CreateCommand</c>,
    /// then <c>ExecuteAsync</c> where that version has it, or the older <c>BeginExecute</c>/<c>EndExecute</c>
    /// pair (Posh-SSH 3.x's SSH.NET 2024.0.0). On both routes output is read as it arrives.
    /// AptReady never disconnects or disposes a caller's client.
    /// </summary>
    public sealed class CallerSshSession : ICallerSession
    {
        private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(25);
        private static readonly TimeSpan SlowPoll = TimeSpan.FromMilliseconds(250);

        private readonly object _client;
        private readonly string _described;

        private CallerSshSession(object client, string computerName, int port, string userName, int? sessionId)
        {
            _client = client;
            ComputerName = computerName;
            Port = port;
            UserName = userName;
            SessionId = sessionId;
            _described = Describe(sessionId, computerName);
        }

        public string ComputerName { get; }

        public int Port { get; }

        public string UserName { get; }

        public int? SessionId { get; }

        /// <summary>Whether the caller's client uses the same SSH.NET AptReady loaded (then no reflection is needed).</summary>
        public bool SharesSshNet => _client is SshClient;

        /// <summary>
        /// Wraps a Posh-SSH session object (or any object with a <c>Session</c> field or property that holds
        /// a connected SSH.NET client, and optionally <c>Host</c> and <c>SessionId</c>). Every state that
        /// cannot run a command ends in a <see cref="RemoteSessionException"/> of its own kind.
        /// </summary>
        /// <param name="sessionObject">The caller's session object.</param>
        /// <param name="stillListed">Whether Posh-SSH's session list still holds it; null when unknown.</param>
        public static CallerSshSession FromSessionObject(object sessionObject, bool? stillListed)
        {
            if (sessionObject is null)
            {
                throw new ArgumentNullException(nameof(sessionObject));
            }

            string typeName = sessionObject.GetType().FullName ?? "session";
            string host = "?";
            try
            {
                host = Member(sessionObject, "Host") as string ?? host;
                int? sessionId = Member(sessionObject, "SessionId") as int?;
                string described = Describe(sessionId, host);
                object? client = Member(sessionObject, "Session");
                if (client == null)
                {
                    throw NotRecognized(host, $"The {typeName} object holds no SSH client (no Session member); pass a session from New-SSHSession or Get-SSHSession.");
                }

                if (IsSftp(sessionObject, client))
                {
                    throw new RemoteSessionException(host, RemoteFailure.SessionIsSftp,
                        $"{described} is an SFTP session (New-SFTPSession): it transfers files and cannot run commands. Open an SSH session with New-SSHSession.");
                }

                if (client.GetType().GetMethod("CreateCommand", new[] { typeof(string) }) == null)
                {
                    throw NotRecognized(host, $"The {typeName} object's Session is a {client.GetType().FullName}, not an SSH.NET SshClient.");
                }

                RemoteSessionException? notReady = NotReady(StateOf(client), described, host, stillListed);
                if (notReady != null)
                {
                    throw notReady;
                }

                object? info = Member(client, "ConnectionInfo");
                host = host != "?" ? host : Member(info, "Host") as string ?? host;
                int port = Member(info, "Port") is int p ? p : 22;
                string user = Member(info, "Username") as string ?? "?";
                return new CallerSshSession(client, host, port, user, sessionId);
            }
            catch (Exception ex) when (!(ex is RemoteSessionException))
            {
                throw NotRecognized(host, $"The {typeName} object cannot be read as an SSH session: {ex.Message}");
            }
        }

        /// <summary>Why the session cannot run a command now (disconnected, disposed), or null when it can.</summary>
        public RemoteSessionException? Unusable() => NotReady(StateOf(_client), _described, ComputerName, null);

        public async Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
        {
            RemoteSessionException? notReady = Unusable();
            if (notReady != null)
            {
                throw notReady;
            }

            try
            {
                if (_client is SshClient own)
                {
                    return await SshSession.RunOnClientAsync(own, command, cancellationToken).ConfigureAwait(false);
                }

                object sshCommand = Invoke(_client, "CreateCommand", command.ToExecLine())
                    ?? throw new RemoteSessionException(ComputerName, RemoteFailure.SessionUnusable, $"{_described}: CreateCommand returned nothing.");
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
            catch (Exception ex) when (!(ex is RemoteSessionException) && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw WhileRunning(ex, _client, _described, ComputerName, command.Description);
            }
        }

        private async Task<RemoteCommandResult> RunStreamingAsync(object sshCommand, MethodInfo executeAsync, RemoteCommand command, CancellationToken cancellationToken)
        {
            var execution = (Task)Invoke(sshCommand, executeAsync, cancellationToken)!;
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

        /// <summary>
        /// The route of SSH.NET versions without ExecuteAsync. Their output pipe neither blocks until a whole
        /// buffer arrives nor tells a pause from the end, so it is polled: what has arrived is read at once
        /// (never more than it holds, so a read never blocks), soon again while output flows, every quarter
        /// second while it is quiet, until the command ends.
        /// </summary>
        private async Task<RemoteCommandResult> RunBeginEndAsync(object sshCommand, RemoteCommand command, CancellationToken cancellationToken)
        {
            MethodInfo begin = sshCommand.GetType().GetMethod("BeginExecute", Type.EmptyTypes)
                ?? throw new RemoteSessionException(ComputerName, RemoteFailure.SessionNotRecognized, $"{_described}: its SSH.NET command has neither ExecuteAsync nor BeginExecute.");
            var asyncResult = (IAsyncResult)Invoke(sshCommand, begin)!;
            var outputStream = Member(sshCommand, "OutputStream") as Stream;
            var output = new StringBuilder();
            var lines = new LineAssembler(output, command.OutputLine);
            await WriteInputAsync(sshCommand, command, cancellationToken).ConfigureAwait(false);

            var buffer = new byte[16384];
            while (!asyncResult.IsCompleted)
            {
                bool flowing = Drain(outputStream, buffer, lines);
                try
                {
                    await Task.Delay(flowing ? FastPoll : SlowPoll, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Cancel(sshCommand);
                    throw new OperationCanceledException(cancellationToken);
                }

                if (!asyncResult.IsCompleted && StateOf(_client) != ClientState.Connected)
                {
                    throw WhileRunning(new IOException("the client is no longer connected"), _client, _described, ComputerName, command.Description);
                }
            }

            // The command closed its channel only after the last output was in the pipe.
            while (Drain(outputStream, buffer, lines))
            {
            }

            string rest = Invoke(sshCommand, "EndExecute", asyncResult) as string ?? string.Empty;
            byte[] restBytes = Encoding.UTF8.GetBytes(rest);
            lines.Add(restBytes, restBytes.Length);
            lines.Finish();
            string error = Member(sshCommand, "Error") as string ?? string.Empty;
            return new RemoteCommandResult(ExitStatus(sshCommand), output.ToString(), error, Member(sshCommand, "ExitSignal") as string);
        }

        /// <summary>Reads what the pipe holds now, without blocking; true when there was something.</summary>
        private static bool Drain(Stream? stream, byte[] buffer, LineAssembler lines)
        {
            if (stream == null)
            {
                return false;
            }

            long available = stream.Length;
            if (available <= 0)
            {
                return false;
            }

            int read = stream.Read(buffer, 0, (int)Math.Min(available, buffer.Length));
            lines.Add(buffer, read);
            return read > 0;
        }

        private async Task WriteInputAsync(object sshCommand, RemoteCommand command, CancellationToken cancellationToken)
        {
            if (command.StandardInput == null)
            {
                return;
            }

            if (!(Invoke(sshCommand, "CreateInputStream") is Stream input))
            {
                throw new RemoteSessionException(ComputerName, RemoteFailure.SessionUnusable,
                    $"{_described}: its SSH.NET version cannot write a command's standard input (needed for -SudoCredential).");
            }

            using (input)
            {
                await input.WriteAsync(command.StandardInput, 0, command.StandardInput.Length, cancellationToken).ConfigureAwait(false);
            }
        }

        // Older versions have CancelAsync() (it closes the channel: the remote command loses its output and
        // ends at its next write); newer ones CancelAsync(bool forceKill, int millisecondsTimeout).
        private static void Cancel(object sshCommand)
        {
            try
            {
                var withArgs = sshCommand.GetType().GetMethod("CancelAsync", new[] { typeof(bool), typeof(int) });
                if (withArgs != null)
                {
                    Invoke(sshCommand, withArgs, false, 500);
                    return;
                }

                Invoke(sshCommand, "CancelAsync");
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is InvalidOperationException || ex.GetType().Name == "SshConnectionException")
            {
                // The command or the session may have ended on its own meanwhile; cancelling is best effort.
            }
        }

        private static int? ExitStatus(object sshCommand) => Member(sshCommand, "ExitStatus") switch
        {
            int status => status,
            _ => null,
        };

        private static RemoteSessionException NotRecognized(string host, string message) =>
            new RemoteSessionException(host, RemoteFailure.SessionNotRecognized, message);
    }
}
