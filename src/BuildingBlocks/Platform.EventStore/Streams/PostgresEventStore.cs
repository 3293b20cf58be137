using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore;

internal sealed partial class PostgresEventStore(
    NpgsqlDataSource dataSource, EventStoreSchema schema, EventSerializer serializer, Projections projections, AppendQueue appendQueue, HeadCache heads,
    TimeProvider timeProvider, ILogger<PostgresEventStore> logger) : IEventStore
{
    private const int PageSize = 1000;
    private const int LogPageSize = 5000;

    public async Task<StreamHead?> GetStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"""
            select id, type, version, coalesce(head, ''::bytea), created, updated from {schema.Name}.streams where id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StreamHead(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5))
            : null;
    }

    public async Task<long> GetLastPositionAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand($"select coalesce(max(position), 0) from {schema.Name}.events");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, ReadDirection direction = ReadDirection.Forward,
        long fromVersion = 0, long maxCount = long.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        var forward = direction == ReadDirection.Forward;
        // Keyset pages: "next" is the first version not yet returned.
        var next = forward ? Math.Max(fromVersion, 1) : fromVersion <= 0 ? long.MaxValue : fromVersion;
        var sql = forward
            ? $"select {EventRows.Columns} from {schema.Name}.events where stream_id = $1 and version >= $2 order by version limit $3"
            : $"select {EventRows.Columns} from {schema.Name}.events where stream_id = $1 and version <= $2 order by version desc limit $3";
        while (maxCount > 0)
        {
            var page = await ReadPageAsync(sql, cancellationToken, streamId, next, (int)Math.Min(PageSize, maxCount));
            foreach (var recorded in page) yield return recorded;
            if (page.Count < PageSize) yield break;
            maxCount -= page.Count;
            next = forward ? page[^1].Version + 1 : page[^1].Version - 1;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(ReadAllQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        // Only the filters in use go into the statement, so its plan stays a plain walk of the position index.
        var sql = $"select {EventRows.Columns} from {schema.Name}.events where position > $1 and position <= $2"
                  + (query.StreamTypes.Count > 0 ? " and stream_type = any($4)" : " and $4::text[] is not null")
                  + (query.EventTypes.Count > 0 ? " and type = any($5)" : " and $5::text[] is not null")
                  + (query.RecordedFrom is not null ? " and recorded >= $6" : " and $6::timestamptz is null")
                  + (query.RecordedTo is not null ? " and recorded < $7" : " and $7::timestamptz is null")
                  + " order by position limit $3";
        var after = query.AfterPosition;
        var remaining = query.MaxCount;
        while (remaining > 0)
        {
            var size = (int)Math.Min(LogPageSize, remaining);
            var page = await ReadPageAsync(sql, cancellationToken, after, query.UpToPosition, size, query.StreamTypes.ToArray(),
                query.EventTypes.ToArray(), Nullable(query.RecordedFrom), Nullable(query.RecordedTo));
            foreach (var recorded in page) yield return recorded;
            if (page.Count < size) yield break;
            remaining -= page.Count;
            after = page[^1].Position;
        }
    }

    public async Task<Aggregate<TState>> AggregateAsync<TState>(string streamId, long? asOfVersion = null, DateTimeOffset? asOf = null,
        CancellationToken cancellationToken = default) where TState : IAggregateState<TState>
    {
        var state = TState.Initial;
        RecordedEvent? last = null;
        await foreach (var recorded in ReadStreamAsync(streamId, maxCount: asOfVersion ?? long.MaxValue, cancellationToken: cancellationToken))
        {
            // Recorded times never decrease within a stream, so "as of" is a prefix.
            if (asOf is { } instant && recorded.Recorded > instant) break;
            state = state.Apply(recorded.Data);
            last = recorded;
        }
        // Loaded to decide an append, most often: its head then links that append without reading the stream row again
        // (the last event's recorded time is the stream's "updated"; a head moved meanwhile fails the claim, harmlessly).
        if (last is not null && asOfVersion is null && asOf is null)
            heads.Set(streamId, new ChainHead(last.StreamType, last.Version, last.Hash, last.Recorded));
        return new Aggregate<TState>(streamId, state, last?.Version ?? 0);
    }

    private static NpgsqlParameter Nullable(DateTimeOffset? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v : DBNull.Value };

    private async Task<List<RecordedEvent>> ReadPageAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<RecordedEvent>();
        while (await reader.ReadAsync(cancellationToken)) page.Add(EventRows.Read(reader, serializer.Deserialize));
        return page;
    }
}
