using System.Collections.Concurrent;
using System.Diagnostics;
using Platform.AppHost.Orchestration;

namespace Platform.AppHost.Tests;

/// <summary>The real AppHost program (Program.cs's model) as a child process, as <c>dotnet run --project Platform.AppHost</c> runs it.</summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppHostProcess(Process process, string stateDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string StateDirectory { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public IReadOnlyCollection<string> Output => _output;
    public string EndpointsFile => Path.Combine(StateDirectory, "endpoints.json");

    public static AppHostProcess Start(string stateDirectory)
    {
        // From the AppHost's own output, with its own runtimeconfig and dependencies, as dotnet run starts it.
        var root = RepositoryRoot.Find(null);
        var assembly = Path.Combine(root, "Platform.AppHost", "bin", ProjectOutputs.Configuration, "net10.0", "Platform.AppHost.dll");
        var start = new ProcessStartInfo("dotnet", [assembly, "--free-ports", "--plain", "--state-dir", stateDirectory])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        return new AppHostProcess(Process.Start(start)!, stateDirectory);
    }

    public void Interrupt() => Process.Start("kill", ["-INT", ProcessId.ToString()])!.WaitForExit();

    public async Task<int> WaitForExitAsync()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(RunningAppHost.HangGuard);
        await _process.WaitForExitAsync(guard.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
