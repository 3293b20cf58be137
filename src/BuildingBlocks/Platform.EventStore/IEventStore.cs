using Npgsql;

namespace Platform.EventStore;

/// <summary>Event streams on PostgreSQL (docs/event-store.md).</summary>
public interface IEventStore
{
    /// <summary>
    /// Appends events to a stream in one round trip (its own transaction, plus inline projections when any handle
    /// these events). Throws <see cref="Platform.Domain.ConflictException"/> when the stream is not at <paramref name="expected"/>.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends inside the caller's transaction, so the events, the inline projections and the caller's own
    /// changes commit or roll back together.
    /// </summary>
    Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>The stream's head, or null when it does not exist.</summary>
    Task<StreamHead?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>The highest position committed so far (0 for an empty log).</summary>
    Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Forward from <paramref name="fromVersion"/> (inclusive), or backward from it (0 or less: from the end).</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forward,
        long fromVersion = 0, long maxCount = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The global log in position order, read in pages, with filters.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(ReadAllQuery query, CancellationToken cancellationToken = default);

    /// <summary>Folds a stream into state, optionally as of a version or an instant (for auditors).</summary>
    Task<Aggregate<TState>> AggregateAsync<TState>(string streamId, long? asOfVersion = null, DateTimeOffset? asOf = null,
        CancellationToken cancellationToken = default) where TState : IAggregateState<TState>;
}
