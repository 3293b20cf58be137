using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore.Tests;

/// <summary>An event store on its own schema of the class's database, inside a host that tests may start and stop.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private TestStore(IHost host, string schema, string connectionString)
    {
        _host = host;
        Schema = schema;
        ConnectionString = connectionString;
    }

    public string Schema { get; }
    public string ConnectionString { get; }
    public IServiceProvider Services => _host.Services;
    public IEventStore Store => Services.GetRequiredService<IEventStore>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();
    public ChainVerifier Verifier => Services.GetRequiredService<ChainVerifier>();

    public static async Task<TestStore> CreateAsync(string connectionString, Action<EventStoreOptions>? configure = null,
        string? schema = null, TimeProvider? time = null, Action<IServiceCollection>? services = null, ILoggerProvider? logs = null)
    {
        schema ??= "t" + Guid.NewGuid().ToString("N")[..12];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null) builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddEventStore(connectionString, options =>
        {
            options.Schema = schema;
            options.PollInterval = TimeSpan.FromMilliseconds(20);
            options.Events.RegisterAssembly(typeof(TestStore).Assembly);
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        var store = new TestStore(builder.Build(), schema, connectionString);
        await store.Services.GetRequiredService<EventStoreSchema>().EnsureAsync();
        return store;
    }

    /// <summary>Starts the host: subscriptions and async projections begin to run.</summary>
    public async Task StartAsync()
    {
        await _host.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
    }

    public async Task StopAsync()
    {
        if (_started) await _host.StopAsync(CancellationToken.None);
        _started = false;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("@schema", Schema));
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public Task<long> CheckpointAsync(string subscription) =>
        ScalarAsync<long>($"select coalesce((select position from @schema.subscriptions where name = '{subscription}'), -1)");

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("@schema", Schema));
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
