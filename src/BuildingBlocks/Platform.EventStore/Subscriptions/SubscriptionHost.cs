using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.EventStore;

/// <summary>Runs every registered subscription and async projection while the service runs.</summary>
public sealed class SubscriptionHost(IServiceProvider services, EventStoreOptions options, Projections projections,
    IEnumerable<SubscriptionRegistration> registered) : BackgroundService
{
    public IReadOnlyList<SubscriptionRegistration> Registrations { get; } = options.Subscriptions.Items
        .Concat(registered)
        .Concat(projections.Async.Select(p => AsyncProjectionSubscriber.Registration(p, options.Events)))
        .ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Registrations.Select(r =>
            Task.Run(() => ActivatorUtilities.CreateInstance<SubscriptionRunner>(services, r).RunAsync(stoppingToken), stoppingToken)));
}
