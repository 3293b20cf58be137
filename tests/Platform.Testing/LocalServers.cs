using Platform.Hosting.Local.Postgres;
using Platform.Hosting.Local.RabbitMq;

namespace Platform.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ of a test assembly: each starts on first use, on free ports, with throw-away
/// data, and stops when the assembly's tests end (or, if the run is killed, by the reaper).
/// Register with <c>[assembly: AssemblyFixture(typeof(LocalServers))]</c>.
/// </summary>
public sealed class LocalServers : IAsyncDisposable
{
    private readonly Lazy<Task<PostgresServer>> _postgres = new(StartPostgresAsync);
    private readonly Lazy<Task<RabbitMqServer>> _rabbitMq = new(StartRabbitMqAsync);

    public Task<PostgresServer> PostgresAsync() => _postgres.Value;

    public Task<RabbitMqServer> RabbitMqAsync() => _rabbitMq.Value;

    /// <summary>A new, empty database; returns a superuser connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix) =>
        await (await PostgresAsync()).CreateScratchDatabaseAsync(prefix);

    /// <summary>A new virtual host, so that one test class's exchanges and queues never meet another's.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix) =>
        await (await RabbitMqAsync()).CreateVirtualHostAsync($"{prefix}-{Guid.NewGuid():N}");

    private static async Task<PostgresServer> StartPostgresAsync()
    {
        var server = new PostgresServer(new PostgresServerOptions { Durable = false });
        await server.StartAsync();
        return server;
    }

    private static async Task<RabbitMqServer> StartRabbitMqAsync()
    {
        var server = new RabbitMqServer(new RabbitMqServerOptions());
        await server.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres.IsValueCreated && _postgres.Value.IsCompletedSuccessfully) await _postgres.Value.Result.StopAsync();
        if (_rabbitMq.IsValueCreated && _rabbitMq.Value.IsCompletedSuccessfully) await _rabbitMq.Value.Result.StopAsync();
    }
}
