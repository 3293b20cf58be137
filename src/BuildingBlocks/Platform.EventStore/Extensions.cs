using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.EventStore.Audit;

namespace Platform.EventStore;

public static class Extensions
{
    /// <summary>
    /// The event store on the database of <c>ConnectionStrings:{connectionName}</c> (for example "keysdb"): schema
    /// created or upgraded at start, subscriptions and async projections running while the host runs.
    /// </summary>
    public static IHostApplicationBuilder AddEventStore(this IHostApplicationBuilder builder, string connectionName,
        Action<EventStoreOptions>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"The connection string 'ConnectionStrings:{connectionName}' is missing.");
        builder.Services.AddEventStore(connectionString, configure);
        return builder;
    }

    /// <summary>As above with a connection string. Reuses an <see cref="NpgsqlDataSource"/> the service registered already.</summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, string connectionString, Action<EventStoreOptions>? configure = null)
    {
        var options = new EventStoreOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton(options);
        services.AddSingleton<EventStoreSchema>();
        services.AddSingleton(new EventSerializer(options.Events, options.Json));
        services.AddSingleton<Projections>();
        services.AddSingleton<Checkpoints>();
        services.AddSingleton<GroupCommitter>();
        services.AddSingleton<AppendQueue>();
        services.AddSingleton<HeadCache>();
        services.AddSingleton<IEventStore, PostgresEventStore>();
        services.AddSingleton<ChainVerifier>();
        services.AddSingleton<ProjectionRebuilder>();
        services.AddSingleton<AuditQueries>();
        services.AddHostedService<EventStoreStartup>();
        services.AddSingleton<SubscriptionHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionHost>());
        return services;
    }

    /// <summary>A data source with automatic preparation on, so appends and reads run as prepared statements.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        return builder.Build();
    }
}

/// <summary>Creates or upgrades the schema before the service takes traffic, and checks the projections' event types.</summary>
internal sealed class EventStoreStartup(EventStoreSchema schema, Projections projections, EventStoreOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (projection, _) in projections.All)
        foreach (var type in projection.EventTypes)
            options.Events.NameOf(type); // throws for an event type the projection handles but nobody registered
        await schema.EnsureAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
