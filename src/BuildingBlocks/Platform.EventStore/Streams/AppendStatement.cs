using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore;

/// <summary>
/// A one-event append as one plain SQL statement, under half the server time of a plpgsql function call
/// (docs/figures/event-store.md): claim the version on the stream row, read the previous link, draw the position, hash
/// the link and insert the event. The client sends the canonical bytes it knows (<see cref="EventHash.Parts"/>); the
/// database adds the position, version and recorded time. It returns the event's row, or no row when the expected
/// version or the stream type does not match; the caller then runs the <c>append_linked</c> function, which says why
/// (docs/event-store.md). Appends of several events use that function: chaining them in one SQL statement (recursion,
/// a window aggregate) measured slower than its loop.
/// </summary>
internal static class AppendStatement
{
    public static string For(string schema) => $"""
        with claimed as (
            -- Locks the row and claims the version. Writing a row gives the transaction its id before the position is
            -- drawn below (the draw reads this row's result), which the gap-safe readers rely on. When the update waited
            -- for a concurrent append, this statement's snapshot cannot see that append's event: previous_hash then
            -- reads the link with a fresh snapshot (and fails if the event is really gone).
            update {schema}.streams s set version = s.version + 1, updated = greatest(s.updated, $8)
            where s.id = $1 and $3 <> 0 and s.type = $2 and ($3 < 0 or s.version = $3)
            returning s.version, s.updated as recorded,
                coalesce((select e.hash from {schema}.events e where e.stream_id = $1 and e.version = s.version - 1),
                    {schema}.previous_hash($1, s.version - 1)) as previous
        ), created as (
            insert into {schema}.streams (id, type, version, created, updated)
            select $1, $2, 1, $8, $8 where $3 <= 0 and not exists (select from claimed)
            on conflict (id) do nothing
            returning 1::bigint as version, updated as recorded,
                '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea as previous
        ), head as (
            select * from claimed union all select * from created
        )
        insert into {schema}.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash)
        select p.position, $4, $1, $2, h.version, $5, $6::json, $7::json, h.recorded,
            sha256(h.previous || '\x01'::bytea || int8send(p.position) || $9 || int8send(h.version) || $10
                || int8send((extract(epoch from h.recorded) * 1000000)::bigint) || $11)
        -- Correlated with the head row (and kept apart by offset 0), so the position is drawn once, after the claim.
        from head h cross join lateral (select nextval('{schema}.events_position') as position, h.version offset 0) p
        returning version, position, hash, recorded
        """;

    public static void Bind(NpgsqlParameterCollection parameters, PendingAppend append)
    {
        var (streamId, streamType, expected, id, type, data, metadata, recorded) = (append.StreamId, append.StreamType, append.Expected.Value,
            append.Ids[0], append.Types[0], append.Data[0], append.Metadata[0], append.Recorded);
        var (identity, typeBytes, body) = EventHash.Parts(id, streamId, streamType, type, data, metadata);
        parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = streamType, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = type, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = recorded });
        parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = identity });
        parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = typeBytes });
        parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = body });
    }

    /// <summary>The event's row, or null when the statement wrote nothing.</summary>
    public static async Task<WrittenEvents?> ReadAsync(NpgsqlDataReader row, CancellationToken cancellationToken) =>
        await row.ReadAsync(cancellationToken)
            ? new WrittenEvents(row.GetInt64(0), [row.GetInt64(1)], [row.GetFieldValue<byte[]>(2)], row.GetFieldValue<DateTimeOffset>(3))
            : null;
}
