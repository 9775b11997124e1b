using AptReady.Core.Remote;

namespace AptReady.Core.Tests.Reboot;

/// <summary>
/// A session whose answers are given per command in order: each step is a function of the command
/// (which it may check), returning an output or throwing what the transport would.
/// </summary>
internal sealed class ScriptedSession : IRemoteSession
{
    private readonly Queue<Func<RemoteCommand, RemoteCommandResult>> _steps = new();

    public string ComputerName => "vm1";

    public int Port => 22;

    public string UserName => "debian";

    public List<string> Ran { get; } = new();

    public ScriptedSession Then(Func<RemoteCommand, RemoteCommandResult> step)
    {
        _steps.Enqueue(step);
        return this;
    }

    public ScriptedSession Answer(string output, string error = "", int exit = 0) =>
        Then(_ => new RemoteCommandResult(exit, output, error));

    public ScriptedSession Lost() =>
        Then(c => throw new RemoteSessionException(ComputerName, RemoteFailure.ConnectionLost, $"lost while running '{c.Description}'"));

    public int Left => _steps.Count;

    public Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Ran.Add(command.Description);
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException("No answer scripted for: " + command.Description);
        }

        RemoteCommandResult result = _steps.Dequeue()(command);
        foreach (string line in result.Output.Split('\n'))
        {
            command.OutputLine?.Invoke(line);
        }

        return Task.FromResult(result);
    }
}
