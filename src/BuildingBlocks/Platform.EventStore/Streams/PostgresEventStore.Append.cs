using System.Diagnostics;
using Npgsql;

namespace Platform.EventStore;

internal sealed partial class PostgresEventStore
{
    public async Task<AppendResult> AppendAsync(string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        var append = Prepare(streamId, streamType, expected, events, metadata);
        await schema.EnsureAsync(cancellationToken);
        if (!projections.Inline.Any(p => events.Any(e => p.Handles(e.GetType()))))
            return await ExecuteAsync(null, null, append, cancellationToken); // alone or in a group commit

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await ExecuteAsync(connection, transaction, append, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<object> events, EventMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var append = Prepare(streamId, streamType, expected, events, metadata);
        await schema.EnsureAsync(cancellationToken);
        return await ExecuteAsync(transaction.Connection ?? throw new InvalidOperationException("The transaction is completed."),
            transaction, append, cancellationToken);
    }

    internal PendingAppend Prepare(string streamId, string streamType, ExpectedVersion expected, IReadOnlyList<object> events, EventMetadata? metadata)
    {
        AppendValidation.Check(streamId, streamType, events);
        var metadataJson = serializer.SerializeMetadata((metadata ?? EventMetadata.Empty).WithCurrentTrace());
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            ids[i] = Guid.CreateVersion7();
            (types[i], data[i]) = serializer.Serialize(events[i]);
        }
        var now = timeProvider.GetUtcNow().ToUniversalTime();
        var recorded = new DateTimeOffset(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero); // PostgreSQL keeps microseconds
        return new PendingAppend(streamId, streamType, expected, events, ids, types, data, metadataJson, recorded);
    }

    /// <summary>Writes the append (outside any transaction when <paramref name="connection"/> is null), then applies inline projections.</summary>
    private async Task<AppendResult> ExecuteAsync(NpgsqlConnection? connection, NpgsqlTransaction? transaction, PendingAppend append,
        CancellationToken cancellationToken)
    {
        using var activity = EventStoreTelemetry.Source.StartActivity("eventstore append", ActivityKind.Client);
        activity?.SetTag("eventstore.stream_type", append.StreamType);
        activity?.SetTag("eventstore.event_count", append.Events.Count);
        var started = Stopwatch.GetTimestamp();

        var (version, positions, hashes, recorded) = connection is null
            ? await appendQueue.WriteAsync(append, alone => WriteAsync(alone, null, append, cancellationToken), cancellationToken)
            : await WriteAsync(connection, transaction, append, cancellationToken);
        var first = version - append.Events.Count + 1;
        var events = append.Events.Select((data, i) => new RecordedEvent(positions[i], append.Ids[i], append.StreamId, append.StreamType,
            first + i, append.Types[i], append.Data[i], append.Metadata, recorded, hashes[i], EventHash.CurrentFormat, (_, _) => data)).ToList();

        if (transaction is not null)
            foreach (var projection in projections.Inline.Where(p => append.Events.Any(e => p.Handles(e.GetType()))))
                await projection.ApplyAsync(events, transaction, cancellationToken);

        EventStoreTelemetry.EventsAppended.Add(events.Count, new KeyValuePair<string, object?>("eventstore.stream_type", append.StreamType));
        EventStoreTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Log.Appended(logger, append.StreamId, first, version);
        return new AppendResult(append.StreamId, version, events);
    }
}
