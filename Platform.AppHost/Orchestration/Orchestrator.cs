using System.Diagnostics;
using Platform.AppHost.Model;
using Platform.Hosting.Local.Prerequisites;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// Starts the servers (in parallel), then the services; watches health; writes endpoints.json once all are healthy;
/// stops services first, then the broker, then the database.
/// </summary>
internal sealed class Orchestrator(AppHostOptions options, IReadOnlyList<Resource> resources, AppHostLog log)
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Dictionary<string, string> _assemblies = [];
    private List<(Resource Resource, ResourceRunner Runner)> _runners = [];
    private Task _monitor = Task.CompletedTask;
    private bool _started;

    public AppHostOptions Options => options;

    /// <summary>Raised once, when every resource is healthy and endpoints.json is written.</summary>
    public event Action? Ready;

    public AppHostLog Log => log;
    public ResourceBoard Board { get; } = new(log);
    public ConnectionStrings Connections { get; } = new();
    public StateFolders? Folders { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            if (_started) return;
            _started = true;
            var clock = Stopwatch.StartNew();
            var root = RepositoryRoot.Find(options.RepositoryRoot);
            var ports = new PortPlan(resources, options);
            // Before choosing the data folder: installing the servers creates the users that must reach it.
            await EnsureServersInstalledAsync(cancellationToken);
            Folders = StateFolders.Resolve(options, root, Log);
            _runners = CreateRunners(ports, Folders);
            foreach (var (_, runner) in _runners)
            foreach (var snapshot in runner.Declare()) Board.Add(snapshot);
            ports.EnsureFree();

            foreach (var (name, path) in await ProjectOutputs.EnsureBuiltAsync(root, resources.OfType<ProjectResource>(), Log, cancellationToken))
                _assemblies[name] = path;
            await Task.WhenAll(Servers.Select(r => r.StartAsync(cancellationToken)));
            await Task.WhenAll(Services.Select(r => r.StartAsync(cancellationToken)));
            _monitor = Task.Run(MonitorAsync, CancellationToken.None);

            await WaitUntilAllHealthyAsync(cancellationToken);
            await EndpointsFile.WriteAsync(Folders.EndpointsFile, _runners.SelectMany(r => r.Runner.Describe()), cancellationToken);
            Log.AppHost($"all {Board.All.Count} resources healthy after {clock.Elapsed.TotalSeconds:0.0} s; endpoints in {Folders.EndpointsFile}");
            Ready?.Invoke();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task EnsureServersInstalledAsync(CancellationToken cancellationToken)
    {
        if (resources.OfType<PostgresServerResource>().Any())
        {
            if (ServerBinaries.FindPostgres() is null) Log.AppHost("PostgreSQL is not installed: installing the Debian package postgresql");
            await ServerInstaller.EnsurePostgresAsync(cancellationToken);
        }
        if (resources.OfType<RabbitMqServerResource>().Any())
        {
            if (ServerBinaries.FindRabbitMqServer() is null) Log.AppHost("RabbitMQ is not installed: installing the Debian package rabbitmq-server");
            await ServerInstaller.EnsureRabbitMqAsync(cancellationToken);
        }
    }

    private List<(Resource, ResourceRunner)> CreateRunners(PortPlan ports, StateFolders folders)
    {
        var launch = new ServiceLaunch(_assemblies, ports, Connections, options);
        return resources.Where(r => r is not PostgresDatabaseResource).Select(resource => (resource, (ResourceRunner)(resource switch
        {
            PostgresServerResource postgres => new PostgresRunner(postgres, ports[postgres, "tcp"], folders, Board, Connections, Log),
            RabbitMqServerResource rabbit => new RabbitMqRunner(rabbit, ports[rabbit, "amqp"], ports[rabbit, "distribution"], folders, Board, Connections, Log),
            ProjectResource project => new ServiceRunner(project, ports, folders, launch, Board, Log),
            _ => throw new NotSupportedException(resource.GetType().Name),
        }))).ToList();
    }

    private IEnumerable<ResourceRunner> Servers => _runners.Where(r => r.Resource is not ProjectResource).Select(r => r.Runner);
    private IEnumerable<ResourceRunner> Services => _runners.Where(r => r.Resource is ProjectResource).Select(r => r.Runner);

    private async Task WaitUntilAllHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (!Board.All.All(s => s.IsHealthy))
        {
            if (DateTime.UtcNow > deadline)
            {
                var waiting = Board.All.Where(s => !s.IsHealthy).Select(s => $"{s.Name} ({s.State.ToString().ToLowerInvariant()}, {s.Health.ToString().ToLowerInvariant()})");
                throw new AppHostException($"Not healthy within {options.StartTimeout.TotalSeconds:0} s: {string.Join(", ", waiting)}. " +
                                           $"Their logs are in {Folders!.Logs}.");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Probes every resource's health: every half second until all are healthy, every two seconds after.</summary>
    private async Task MonitorAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.WhenAll(_runners.Select(r => r.Runner.CheckHealthAsync(_stopping.Token)));
                await Task.Delay(Board.All.All(s => s.IsHealthy) ? 2000 : 500, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.AppHost($"health probe failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (!_started || _stopping.IsCancellationRequested) return;
            Log.AppHost("stopping: services first, then the broker, then the database");
            await _stopping.CancelAsync();
            await _monitor;
            await Task.WhenAll(Services.Select(StopQuietlyAsync));
            foreach (var server in Servers.Reverse()) await StopQuietlyAsync(server);
            if (Folders is not null) File.Delete(Folders.EndpointsFile);
            Log.AppHost("stopped; nothing is left running");
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    private async Task StopQuietlyAsync(ResourceRunner runner)
    {
        try
        {
            await runner.StopAsync();
        }
        catch (Exception ex)
        {
            Log.AppHost($"stopping failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public Task StopResourceAsync(string name) => Runner(name).StopAsync();

    public Task StartResourceAsync(string name, CancellationToken cancellationToken) => Runner(name).StartAsync(cancellationToken);

    private ResourceRunner Runner(string name) =>
        _runners.FirstOrDefault(r => r.Resource.Name == name).Runner ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));
}
