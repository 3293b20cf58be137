using System.Diagnostics;

namespace Platform.Hosting.Local.Processes;

/// <summary>
/// A long-running server started in a session of its own, so that its whole process tree
/// (PostgreSQL's backends, Erlang's helpers) can be signalled as one group and outlives
/// nobody: see <see cref="Reaper"/> for the case where our own process is killed.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    /// <summary>The server's process id, which is also its process group and session id.</summary>
    public int ProcessId => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once <see cref="HasExited"/> (128 + the signal's number when a signal ended it).</summary>
    public int ExitCode => _process.ExitCode;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    public static ServerProcess Start(string command, ServiceAccount account, IReadOnlyDictionary<string, string> environment,
        string logPath, string workingDirectory)
    {
        // sh execs setsid, which execs the server: the process id we hold is the server's own.
        var line = $"{account.Wrap(command)} >>{Shell.Quote(logPath)} 2>&1 </dev/null";
        var start = new ProcessStartInfo("/bin/sh", ["-c", line]) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new LocalServerException($"Could not start: {command}");
        return new ServerProcess(process, logPath);
    }

    /// <summary>Asks the group to stop with <paramref name="signal"/>, then kills it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!Signals.GroupIsAlive(ProcessId)) return;
        Signals.SendToGroup(ProcessId, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            while (Signals.GroupIsAlive(ProcessId)) await Task.Delay(50, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Signals.SendToGroup(ProcessId, Signals.Kill);
        }
        if (!_process.HasExited) await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>The last lines of the server's log, for error messages.</summary>
    public string Tail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Signals.Term, TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
