using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// A read model built from events: handlers per event type write its tables. Inline projections run in the
/// append's transaction; async ones on a subscription of the same name. Write <see cref="Tables"/> unqualified
/// in your SQL (they are found through search_path): a rebuild replays into temporary tables of the same names
/// and compares them with the live ones.
/// </summary>
public abstract class Projection(string name, params IReadOnlyList<string> tables)
{
    private readonly Dictionary<Type, Func<object, ProjectionContext, Task>> _handlers = [];

    public string Name { get; } = name;

    /// <summary>The tables this projection alone writes (unqualified names).</summary>
    public IReadOnlyList<string> Tables { get; } = tables;

    public IReadOnlyCollection<Type> EventTypes => _handlers.Keys;

    protected void On<TEvent>(Func<TEvent, ProjectionContext, Task> apply) where TEvent : class =>
        _handlers[typeof(TEvent)] = (e, context) => apply((TEvent)e, context);

    public bool Handles(Type eventType) => _handlers.ContainsKey(eventType);

    /// <summary>Applies the events it handles, in order, inside <paramref name="transaction"/>.</summary>
    public async Task ApplyAsync(IEnumerable<RecordedEvent> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var recorded in events)
            if (_handlers.TryGetValue(recorded.Data.GetType(), out var apply))
                await apply(recorded.Data, new ProjectionContext(transaction, recorded, cancellationToken));
    }
}
