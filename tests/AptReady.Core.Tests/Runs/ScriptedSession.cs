using Xunit;
using AptReady.Core.Remote;
using AptReady.Core.Runs;
using AptReady.Core.Tests.Policies;

namespace AptReady.Core.Tests.Runs;

/// <summary>
/// A session that replays a transcript: each command and each connect takes the next step, which may
/// stream captured lines, move the manual clock, drop the connection or answer.
/// </summary>
internal sealed class ScriptedSession : IReconnectingSession
{
    private readonly Queue<Func<RemoteCommand, CancellationToken, RemoteCommandResult>> _runs = new();
    private readonly Queue<Action<CancellationToken>> _connects = new();

    public ScriptedSession(ManualClock clock, bool connected = true, string userName = "debian")
    {
        Clock = clock;
        IsConnected = connected;
        UserName = userName;
    }

    public ManualClock Clock { get; }

    public string ComputerName => "vm.lab";

    public int Port => 22;

    public string UserName { get; }

    public bool IsConnected { get; set; }

    public List<RemoteCommand> Sent { get; } = new();

    public int ConnectCount { get; private set; }

    /// <summary>Streams <paramref name="output"/> line by line (as the transport does), then answers with it.</summary>
    public ScriptedSession Answers(string output, string error = "", int? exit = 0, TimeSpan? taking = null)
    {
        _runs.Enqueue((command, _) =>
        {
            Stream(command, output);
            Clock.Advance(taking ?? TimeSpan.Zero);
            return new RemoteCommandResult(exit, output, error);
        });
        return this;
    }

    /// <summary>Streams the first lines of <paramref name="output"/>, then the connection drops (a reboot).</summary>
    public ScriptedSession DropsAfter(string output, int lines, TimeSpan? taking = null)
    {
        _runs.Enqueue((command, _) =>
        {
            Stream(command, string.Join("\n", output.Split('\n').Take(lines)));
            Clock.Advance(taking ?? TimeSpan.Zero);
            IsConnected = false;
            throw new RemoteSessionException(ComputerName, RemoteFailure.ConnectionLost, "vm.lab: the connection dropped.");
        });
        return this;
    }

    /// <summary>Streams the first lines, then the channel closes without an error while the host goes away.</summary>
    public ScriptedSession ClosesAfter(string output, int lines)
    {
        _runs.Enqueue((command, _) =>
        {
            string partial = string.Join("\n", output.Split('\n').Take(lines));
            Stream(command, partial);
            IsConnected = false;
            return new RemoteCommandResult(null, partial, string.Empty);
        });
        return this;
    }

    /// <summary>The command runs until its time limit fires (the run's own deadline), the clock moved by <paramref name="taking"/>.</summary>
    public ScriptedSession RunsPastDeadline(string streamed, TimeSpan taking)
    {
        _runs.Enqueue((command, _) =>
        {
            Stream(command, streamed);
            Clock.Advance(taking);
            throw new OperationCanceledException();
        });
        return this;
    }

    public ScriptedSession Throws(Exception exception)
    {
        _runs.Enqueue((_, _) => throw exception);
        return this;
    }

    /// <summary>The next connect succeeds after <paramref name="taking"/>.</summary>
    public ScriptedSession Connects(TimeSpan taking)
    {
        _connects.Enqueue(_ =>
        {
            Clock.Advance(taking);
            IsConnected = true;
        });
        return this;
    }

    /// <summary>The next connect fails after <paramref name="taking"/> with <paramref name="exception"/>.</summary>
    public ScriptedSession ConnectFails(TimeSpan taking, Exception exception)
    {
        _connects.Enqueue(_ =>
        {
            Clock.Advance(taking);
            throw exception;
        });
        return this;
    }

    public bool Exhausted => _runs.Count == 0 && _connects.Count == 0;

    public Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sent.Add(command);
        Assert.True(_runs.Count > 0, $"No step left for: {command.Description}");
        return Task.FromResult(_runs.Dequeue()(command, cancellationToken));
    }

    public Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        ConnectCount++;
        Assert.True(_connects.Count > 0, "No connect step left.");
        _connects.Dequeue()(cancellationToken);
        return Task.CompletedTask;
    }

    private static void Stream(RemoteCommand command, string output)
    {
        foreach (string line in output.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length > 0)
            {
                command.OutputLine?.Invoke(line);
            }
        }
    }
}

/// <summary>A session the caller opened (Posh-SSH): it cannot connect again.</summary>
internal sealed class CallerOnlySession : IRemoteSession
{
    private readonly ScriptedSession _inner;

    public CallerOnlySession(ScriptedSession inner) => _inner = inner;

    public string ComputerName => _inner.ComputerName;

    public int Port => _inner.Port;

    public string UserName => _inner.UserName;

    public Task<RemoteCommandResult> RunAsync(RemoteCommand command, CancellationToken cancellationToken) => _inner.RunAsync(command, cancellationToken);
}

/// <summary>Everything a run reported, and a pause that only moves the manual clock.</summary>
internal sealed class RecordedProgress : IAptGetProgress
{
    private readonly object _gate = new();

    public List<string> Verbose { get; } = new();

    public List<(string Status, int Percent, TimeSpan? Remaining)> Statuses { get; } = new();

    public List<string> Completed { get; } = new();

    public List<bool> Running { get; } = new();

    public List<TimeSpan> Pauses { get; } = new();

    void IRunProgress.Verbose(string message)
    {
        lock (_gate) Verbose.Add(message);
    }

    public void Status(string status, int percent, TimeSpan? remaining)
    {
        lock (_gate) Statuses.Add((status, percent, remaining));
    }

    void IRunProgress.Completed(string status) => Completed.Add(status);

    public void AptRunning(bool running) => Running.Add(running);

    public Pause PauseOn(ManualClock clock) => (span, token) =>
    {
        token.ThrowIfCancellationRequested();
        Pauses.Add(span);
        clock.Advance(span);
        return Task.CompletedTask;
    };
}
