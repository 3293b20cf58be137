namespace Platform.EventStore;

/// <summary>
/// State rebuilt from a stream: start from <see cref="Initial"/> and <see cref="Apply"/> each event in order,
/// usually with a switch on the event type (<c>e switch { KeyCreated c =&gt; ..., _ =&gt; this }</c>).
/// </summary>
public interface IAggregateState<TSelf> where TSelf : IAggregateState<TSelf>
{
    static abstract TSelf Initial { get; }

    TSelf Apply(object @event);
}

/// <summary>Loaded state with the version it reflects; pass <see cref="Expected"/> to the append of its decision.</summary>
public sealed record Aggregate<TState>(string StreamId, TState State, long Version)
{
    public bool Exists => Version > 0;

    public ExpectedVersion Expected => ExpectedVersion.Exactly(Version);
}
