using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Platform.AppHost.Orchestration;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform as a developer runs it: the AppHost program (Program.cs's model) as a child process on free
/// ports with a throw-away state folder, its local PostgreSQL and RabbitMQ, and every service. Stopped with SIGINT.
/// </summary>
public sealed class PlatformUnderAppHost : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("platform-e2e-").FullName;

    public string IdentityGrpc { get; private set; } = "";

    public string KeysGrpc { get; private set; } = "";

    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    public async ValueTask InitializeAsync()
    {
        File.SetUnixFileMode(StateDirectory, (UnixFileMode)0x1ED); // the servers' users must reach their folders below it
        var root = RepositoryRoot.Find(null);
        var assembly = Path.Combine(root, "Platform.AppHost", "bin", ProjectOutputs.Configuration, "net10.0", "Platform.AppHost.dll");
        var start = new ProcessStartInfo("dotnet", [assembly, "--free-ports", "--plain", "--state-dir", StateDirectory])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var endpoints = Path.Combine(StateDirectory, "endpoints.json");
        await Eventually.HoldsAsync(() => File.Exists(endpoints) || _process.HasExited, "the AppHost to write endpoints.json", seconds: 180);
        Assert.False(_process.HasExited, "the AppHost exited before it was ready:\n" + RecentOutput);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(endpoints));
        IdentityGrpc = json.RootElement.GetProperty("identity").GetProperty("grpc").GetString()!;
        KeysGrpc = json.RootElement.GetProperty("keys").GetProperty("grpc").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-INT", _process.Id.ToString()])!.WaitForExit();
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try { await _process.WaitForExitAsync(guard.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process?.Dispose();
        try { Directory.Delete(StateDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
