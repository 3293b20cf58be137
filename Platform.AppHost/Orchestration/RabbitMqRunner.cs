using Platform.AppHost.Model;
using Platform.Hosting.Local.RabbitMq;

namespace Platform.AppHost.Orchestration;

/// <summary>The private RabbitMQ node; its state and the platform user's password are kept between runs.</summary>
internal sealed class RabbitMqRunner(RabbitMqServerResource resource, int amqpPort, int distributionPort, StateFolders folders,
    ResourceBoard board, ConnectionStrings connections, AppHostLog log) : ResourceRunner
{
    private readonly string _dataDirectory = Path.Combine(folders.Data, resource.Name);
    private readonly BrokerProbe _probe = new();
    private RabbitMqServer? _server;
    private LogTail? _tail;

    public override IReadOnlyList<ResourceSnapshot> Declare() =>
    [
        new(resource.Name, "rabbitmq") { Endpoints = Endpoints },
    ];

    private Dictionary<string, string> Endpoints => new()
    {
        ["amqp"] = $"amqp://127.0.0.1:{amqpPort}",
        ["distribution"] = $"tcp://127.0.0.1:{distributionPort}",
    };

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        board.Update(resource.Name, s => s with { State = ResourceState.Starting, Health = ResourceHealth.Unknown });
        _server = new RabbitMqServer(new RabbitMqServerOptions { AmqpPort = amqpPort, DistributionPort = distributionPort, DataDirectory = _dataDirectory });
        _tail = new LogTail(Path.Combine(_dataDirectory, "server.log"), resource.Name, log);
        _tail.Start();
        await _server.StartAsync(cancellationToken);
        connections.Set(resource.Name, _server.ConnectionString);
        board.Update(resource.Name, s => s with { State = ResourceState.Running, Health = ResourceHealth.Healthy });
    }

    public override async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server) return;
        var healthy = server.IsRunning && await _probe.IsHealthyAsync(connections[resource.Name], cancellationToken);
        board.Update(resource.Name, s => s.State != ResourceState.Running ? s : s with
        {
            Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy,
            State = server.IsRunning ? s.State : ResourceState.Exited,
        });
    }

    public override async Task StopAsync()
    {
        if (_server is null) return;
        board.Update(resource.Name, s => s with { State = ResourceState.Stopping });
        await _probe.DisposeAsync();
        await _server.StopAsync();
        _server = null;
        if (_tail is not null) await _tail.DisposeAsync();
        board.Update(resource.Name, s => s with { State = ResourceState.Stopped, Health = ResourceHealth.Unknown });
    }

    public override IEnumerable<KeyValuePair<string, Dictionary<string, string>>> Describe() =>
    [
        new(resource.Name, new(Endpoints) { ["connectionString"] = connections[resource.Name] }),
    ];
}
