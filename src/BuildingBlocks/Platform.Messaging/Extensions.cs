using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.EventStore;

namespace Platform.Messaging;

public static class Extensions
{
    /// <summary>
    /// MassTransit on the RabbitMQ of <c>ConnectionStrings:messaging</c>, with publisher confirms, receive endpoints
    /// named "{service}-{consumer}" (so two services never share a queue), retries, and the idempotency store.
    /// Register consumers in <paramref name="configure"/> (<c>bus.AddConsumer&lt;KeyRevokedConsumer&gt;()</c>).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null,
        Action<MessagingOptions>? options = null)
    {
        var connectionString = builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("The connection string 'ConnectionStrings:messaging' is missing.");
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.Services.AddPlatformMessaging(connectionString, serviceName, configure, options);
        return builder;
    }

    public static IServiceCollection AddPlatformMessaging(this IServiceCollection services, string connectionString, string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null, Action<MessagingOptions>? options = null)
    {
        var settings = new MessagingOptions();
        options?.Invoke(settings);
        settings.Validate();
        var broker = BrokerAddress.Parse(connectionString);

        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessedMessages>();
        services.AddHostedService<MessagingStartup>();
        services.AddSingleton<ProcessedMessagesRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedMessagesRetention>());
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName.ToLowerInvariant(), false));
            configure?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(100, 500, 2000)));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true; // Publish completes only when the broker has the message
                    if (broker.UseTls) host.UseSsl(_ => { });
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>
    /// Publishes integration events mapped from the service's own event log (the store is the outbox), on the
    /// durable subscription <paramref name="subscriptionName"/>; the checkpoint moves only after the broker confirmed.
    /// </summary>
    public static IServiceCollection AddOutboxRelay(this IServiceCollection services, Action<RelayMappings> map, string subscriptionName = "outbox-relay")
    {
        var mappings = new RelayMappings();
        map(mappings);
        services.AddSingleton(mappings);
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton(sp => new SubscriptionRegistration(subscriptionName, provider => provider.GetRequiredService<OutboxRelay>(),
            SubscriptionFilter.ForEventTypes(mappings.EventTypes.Select(t => sp.GetRequiredService<EventSerializer>().Types.NameOf(t)).ToArray())));
        return services;
    }
}

/// <summary>Creates the processed-messages table before consumers start.</summary>
internal sealed class MessagingStartup(ProcessedMessages processed) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => processed.EnsureSchemaAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
