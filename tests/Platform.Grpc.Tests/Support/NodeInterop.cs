using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Platform.Grpc.Tests.Support;

/// <summary>
/// The grpc-js side, once per test assembly: installs the pinned npm packages (npm ci) when they are missing,
/// starts the grpc-js server, and runs grpc-js client scenarios.
/// </summary>
public sealed class NodeInterop : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _events = new();
    private NodeProcess? _server;

    public static string Directory { get; } = typeof(NodeInterop).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "InteropDirectory").Value!;

    public Uri ServerAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await EnsurePackagesAsync();
        _server = NodeProcess.Start(Directory, "server.js");
        var ready = (await _server.ReadLineAsync(l => l.StartsWith("READY ", StringComparison.Ordinal))).Split(' ');
        ServerAddress = new Uri($"http://127.0.0.1:{ready[1]}");
        _ = PumpEventsAsync(_server);
    }

    /// <summary>Completes when the grpc-js server printed <c>EVENT cancelled {callId}</c>.</summary>
    public Task WaitForServerCancellationAsync(string callId) =>
        _events.GetOrAdd(callId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Runs <c>node client.js scenario address [callId]</c> and parses the JSON line it prints.</summary>
    public async Task<JsonElement> RunClientAsync(string scenario, TestServer server, string? callId = null)
    {
        await using var client = StartClient(scenario, server, callId);
        var line = await client.ReadLineAsync(l => l.StartsWith('{'));
        Assert.Equal(0, await client.WaitForExitAsync());
        return JsonDocument.Parse(line).RootElement;
    }

    public NodeProcess StartClient(string scenario, TestServer server, string? callId = null) =>
        NodeProcess.Start(Directory, "client.js", scenario, server.HostAndPort, callId ?? "");

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task PumpEventsAsync(NodeProcess server)
    {
        try
        {
            while (true)
            {
                var line = await server.ReadLineAsync(l => l.StartsWith("EVENT cancelled ", StringComparison.Ordinal), TimeSpan.FromDays(1));
                _events.GetOrAdd(line["EVENT cancelled ".Length..], _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (Exception)
        {
            // The server exited (end of the test run).
        }
    }

    private static async Task EnsurePackagesAsync()
    {
        if (File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json"))
            && File.Exists(Path.Combine(Directory, "node_modules", "@grpc", "grpc-js", "package.json"))) return;
        var info = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start; Node.js 20 and npm are needed.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
            throw new InvalidOperationException($"npm ci failed ({npm.ExitCode}) in {Directory}:{Environment.NewLine}{await output}{await errors}");
    }
}
