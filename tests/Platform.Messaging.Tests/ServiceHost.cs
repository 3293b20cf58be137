using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.EventStore;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>A service process in miniature: event store, outbox relay and an idempotent consumer, started and stopped by the test.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ServiceHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();

    public static async Task<ServiceHost> StartAsync(string database, string schema, string broker, LogCapture logs, FaultPlan? faults = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton(new TestTables(schema));
        builder.Services.AddSingleton(faults ?? new FaultPlan());
        builder.Services.AddSingleton<CommitObservations>();
        builder.Services.AddEventStore(database, o =>
        {
            o.Schema = schema;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.Events.RegisterAssembly(typeof(ServiceHost).Assembly);
        });
        builder.Services.AddPlatformMessaging(broker, "svc", bus => bus.AddConsumer<KeyRevokedConsumer>(), o => o.Schema = schema + "_m");
        builder.Services.AddOutboxRelay(relay => relay.Map<KeyRevoked>((e, recorded) => new KeyRevokedIntegrationEvent(e.KeyId, e.Reason, recorded.StreamId)));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new ServiceHost(host);
    }

    public static async Task PrepareAsync(string database, string schema)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"create schema {schema}; create table {schema}.revocations (key_id uuid primary key, applied int not null)", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
