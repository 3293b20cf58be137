using System.Security.Cryptography;
using Npgsql;
using Platform.AppHost.Model;
using Platform.Hosting.Local.Postgres;

namespace Platform.AppHost.Orchestration;

/// <summary>The private PostgreSQL server (durable, data kept between runs) and the databases declared on it.</summary>
internal sealed class PostgresRunner(PostgresServerResource resource, int port, StateFolders folders,
    ResourceBoard board, ConnectionStrings connections, AppHostLog log) : ResourceRunner
{
    private readonly string _dataDirectory = Path.Combine(folders.Data, resource.Name);
    // A database's password is made once per AppHost run, so a server restarted by hand keeps its clients working.
    private readonly Dictionary<string, string> _passwords = resource.Databases.ToDictionary(d => d.Name, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    private PostgresServer? _server;
    private LogTail? _tail;

    public override IReadOnlyList<ResourceSnapshot> Declare() =>
    [
        new(resource.Name, "postgres") { Endpoints = new Dictionary<string, string> { ["tcp"] = $"tcp://127.0.0.1:{port}" } },
        .. resource.Databases.Select(d => new ResourceSnapshot(d.Name, "database")
        {
            Endpoints = new Dictionary<string, string> { ["database"] = $"postgres://127.0.0.1:{port}/{d.DatabaseName}" },
        }),
    ];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        board.Update(resource.Name, s => s with { State = ResourceState.Starting, Health = ResourceHealth.Unknown });
        _server = new PostgresServer(new PostgresServerOptions { Port = port, DataDirectory = _dataDirectory });
        _tail = new LogTail(Path.Combine(_dataDirectory, "server.log"), resource.Name, log);
        _tail.Start();
        await _server.StartAsync(cancellationToken);
        connections.Set(resource.Name, _server.AdminConnectionString);
        board.Update(resource.Name, s => s with { State = ResourceState.Running, Health = ResourceHealth.Healthy });

        foreach (var database in resource.Databases)
        {
            board.Update(database.Name, s => s with { State = ResourceState.Starting });
            connections.Set(database.Name, await _server.EnsureDatabaseAsync(database.DatabaseName, _passwords[database.Name], cancellationToken));
            board.Update(database.Name, s => s with { State = ResourceState.Running, Health = ResourceHealth.Healthy });
        }
    }

    public override async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server) return;
        await ProbeAsync(server, resource.Name, connections[resource.Name], cancellationToken);
        foreach (var database in resource.Databases)
            await ProbeAsync(server, database.Name, connections[database.Name], cancellationToken);
    }

    private async Task ProbeAsync(PostgresServer server, string name, string connectionString, CancellationToken cancellationToken)
    {
        if (board[name].State != ResourceState.Running) return;
        var healthy = false;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            healthy = await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
        }
        board.Update(name, s => s.State != ResourceState.Running ? s : s with
        {
            Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy,
            State = server.IsRunning ? s.State : ResourceState.Exited,
        });
    }

    public override async Task StopAsync()
    {
        if (_server is null) return;
        foreach (var name in resource.Databases.Select(d => d.Name).Prepend(resource.Name))
            board.Update(name, s => s with { State = ResourceState.Stopping });
        await _server.StopAsync();
        _server = null;
        if (_tail is not null) await _tail.DisposeAsync();
        foreach (var name in resource.Databases.Select(d => d.Name).Prepend(resource.Name))
            board.Update(name, s => s with { State = ResourceState.Stopped, Health = ResourceHealth.Unknown });
    }

    public override IEnumerable<KeyValuePair<string, Dictionary<string, string>>> Describe() =>
    [
        new(resource.Name, new() { ["tcp"] = $"tcp://127.0.0.1:{port}", ["connectionString"] = connections[resource.Name] }),
        .. resource.Databases.Select(d => new KeyValuePair<string, Dictionary<string, string>>(d.Name, new() { ["connectionString"] = connections[d.Name] })),
    ];
}
