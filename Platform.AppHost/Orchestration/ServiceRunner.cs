using Platform.AppHost.Model;
using Platform.Hosting.Local.Processes;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// One service process (<c>dotnet &lt;dll&gt;</c>, in a session of its own so its stop is ours to order), its log, its
/// <c>/health</c>, and a supervisor that restarts it with exponential back-off when it exits unasked.
/// </summary>
internal sealed class ServiceRunner(ProjectResource project, PortPlan ports, StateFolders folders, ServiceLaunch launch,
    ResourceBoard board, AppHostLog log) : ResourceRunner
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly string _logPath = Path.Combine(folders.Logs, project.Name + ".log");
    private CancellationTokenSource _stopping = new();
    private ServerProcess? _process;
    private LogTail? _tail;
    private Task _supervisor = Task.CompletedTask;

    private int HttpPort => ports[project, "http"];

    public override IReadOnlyList<ResourceSnapshot> Declare() =>
    [
        new(project.Name, "project") { Endpoints = new Dictionary<string, string>
        {
            ["http"] = $"http://127.0.0.1:{HttpPort}",
            ["grpc"] = $"http://127.0.0.1:{ports[project, "grpc"]}",
        } },
    ];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_process is not null) return Task.CompletedTask;
        if (_stopping.IsCancellationRequested) _stopping = new CancellationTokenSource(); // started again by hand after a stop
        File.WriteAllText(_logPath, "");
        _tail = new LogTail(_logPath, project.Name, log);
        _tail.Start();
        Launch();
        _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void Launch()
    {
        board.Update(project.Name, s => s with { State = ResourceState.Starting, Health = ResourceHealth.Unknown, ProcessId = null });
        var (assembly, environment) = launch.Resolve(project);
        var process = ServerProcess.Start($"dotnet {Quote(assembly)}", new ServiceAccount(null), environment, _logPath, Path.GetDirectoryName(assembly)!);
        LocalInstance.Current.RegisterProcessGroup($"service-{project.Name}", process.ProcessId, SigTerm, (int)StopGrace.TotalSeconds);
        _process = process;
        board.Update(project.Name, s => s with { State = ResourceState.Running, ProcessId = process.ProcessId });
    }

    private async Task SuperviseAsync()
    {
        var restarts = 0;
        while (!_stopping.IsCancellationRequested)
        {
            var process = _process!;
            var started = DateTime.UtcNow;
            try
            {
                await process.WaitForExitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return; // StopAsync stops the process itself
            }

            var ran = DateTime.UtcNow - started;
            restarts = ran > TimeSpan.FromMinutes(1) ? 1 : restarts + 1; // a service that ran a while starts its back-off over
            var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, restarts - 1)));
            board.Update(project.Name, s => s with { State = ResourceState.Restarting, Health = ResourceHealth.Unhealthy, Restarts = s.Restarts + 1 });
            log.AppHost($"{project.Name} exited unexpectedly with code {process.ExitCode} after {ran.TotalSeconds:0} s; " +
                        $"restarting in {delay.TotalSeconds:0} s (restart {board[project.Name].Restarts})");
            try
            {
                await Task.Delay(delay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Launch();
        }
    }

    public override async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (board[project.Name].State != ResourceState.Running) return;
        var healthy = false;
        try
        {
            using var response = await Probe.GetAsync($"http://127.0.0.1:{HttpPort}/health", cancellationToken);
            healthy = response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
        }
        board.Update(project.Name, s => s.State == ResourceState.Running ? s with { Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy } : s);
    }

    public override async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _supervisor;
        if (_process is { } process)
        {
            board.Update(project.Name, s => s with { State = ResourceState.Stopping });
            await process.StopAsync(SigTerm, StopGrace);
            LocalInstance.Current.UnregisterCleanup($"service-{project.Name}");
            _process = null;
        }
        if (_tail is not null) await _tail.DisposeAsync();
        board.Update(project.Name, s => s with { State = ResourceState.Stopped, Health = ResourceHealth.Unknown, ProcessId = null });
    }

    public override IEnumerable<KeyValuePair<string, Dictionary<string, string>>> Describe() =>
    [
        new(project.Name, board[project.Name].Endpoints.ToDictionary()),
    ];

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
