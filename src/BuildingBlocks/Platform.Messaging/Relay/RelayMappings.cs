using Platform.EventStore;

namespace Platform.Messaging;

/// <summary>Which stored events become which integration events: <c>relay.Map&lt;KeyRevoked&gt;(e =&gt; new KeyRevokedIntegrationEvent(e.KeyId))</c>.</summary>
public sealed class RelayMappings
{
    private readonly Dictionary<Type, Func<object, RecordedEvent, object>> _maps = [];

    public IReadOnlyCollection<Type> EventTypes => _maps.Keys;

    public RelayMappings Map<TEvent>(Func<TEvent, object> map) where TEvent : class => Map<TEvent>((e, _) => map(e));

    /// <summary>A mapping that also reads the stored event (its stream, time, metadata).</summary>
    public RelayMappings Map<TEvent>(Func<TEvent, RecordedEvent, object> map) where TEvent : class
    {
        if (!_maps.TryAdd(typeof(TEvent), (e, recorded) => map((TEvent)e, recorded)))
            throw new ArgumentException($"{typeof(TEvent).Name} is mapped already.");
        return this;
    }

    internal bool TryMap(RecordedEvent recorded, out object message)
    {
        message = null!;
        if (!_maps.TryGetValue(recorded.Data.GetType(), out var map)) return false;
        message = map(recorded.Data, recorded);
        return true;
    }
}
