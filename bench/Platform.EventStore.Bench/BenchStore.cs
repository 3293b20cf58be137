using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore.Bench;

[EventType("bench.deposited")]
public sealed record Deposited(Guid AccountId, decimal Amount, string Reference)
{
    public static object[] Many(int count) => Enumerable.Range(0, count)
        .Select(_ => (object)new Deposited(Guid.CreateVersion7(), 12.50m, $"invoice-{Random.Shared.Next(1_000_000)}")).ToArray();
}

/// <summary>An event store on one schema of the bench database, as a service would configure it.</summary>
public sealed class BenchStore(ServiceProvider services, string schema) : IAsyncDisposable
{
    public string Schema { get; } = schema;
    public IEventStore Store => services.GetRequiredService<IEventStore>();
    public ChainVerifier Verifier => services.GetRequiredService<ChainVerifier>();
    public NpgsqlDataSource DataSource => services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<BenchStore> CreateAsync(string connectionString, string schema, bool groupCommit = true)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddEventStore(connectionString, o =>
            {
                o.Schema = schema;
                o.Events.Register<Deposited>();
                o.GroupCommit.Enabled = groupCommit;
            })
            .BuildServiceProvider();
        await services.GetRequiredService<EventStoreSchema>().EnsureAsync();
        return new BenchStore(services, schema);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("@schema", Schema));
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
