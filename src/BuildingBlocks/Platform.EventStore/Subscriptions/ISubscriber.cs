namespace Platform.EventStore;

/// <summary>
/// Receives the events of a durable subscription in global order, at least once: after a crash the batch since the
/// last checkpoint comes again, so make the handling idempotent (or save the checkpoint in your own transaction).
/// </summary>
public interface ISubscriber
{
    Task HandleAsync(SubscriptionBatch batch, CancellationToken cancellationToken);
}

/// <summary>Only events of these stream types and event type names (empty: all).</summary>
public sealed record SubscriptionFilter(IReadOnlyList<string> StreamTypes, IReadOnlyList<string> EventTypes)
{
    public static SubscriptionFilter All { get; } = new([], []);

    public static SubscriptionFilter ForEventTypes(params IReadOnlyList<string> eventTypes) => new([], eventTypes);
}

/// <summary>A named subscription: <see cref="SubscriptionHost"/> runs every one registered in the container or the options.</summary>
public sealed record SubscriptionRegistration(string Name, Func<IServiceProvider, ISubscriber> Factory, SubscriptionFilter Filter);

public sealed class SubscriptionRegistrations
{
    internal List<SubscriptionRegistration> Items { get; } = [];

    /// <summary>Runs <typeparamref name="TSubscriber"/> (made from the container) on the subscription <paramref name="name"/>.</summary>
    public SubscriptionRegistrations Add<TSubscriber>(string name, SubscriptionFilter? filter = null) where TSubscriber : class, ISubscriber =>
        Add(name, services => Microsoft.Extensions.DependencyInjection.ActivatorUtilities.GetServiceOrCreateInstance<TSubscriber>(services), filter);

    public SubscriptionRegistrations Add(string name, Func<IServiceProvider, ISubscriber> factory, SubscriptionFilter? filter = null)
    {
        if (!EventTypes.IsValidName(name)) throw new ArgumentException($"'{name}' is not a valid subscription name.", nameof(name));
        if (Items.Any(i => i.Name == name)) throw new ArgumentException($"A subscription is already named '{name}'.", nameof(name));
        Items.Add(new SubscriptionRegistration(name, factory, filter ?? SubscriptionFilter.All));
        return this;
    }
}
