using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Reads the log after a position without ever passing an event that may still commit (docs/event-store.md,
/// "Global order"). Positions are drawn after the appending transaction has an id; so when position g is missing
/// while a later one is visible in snapshot S, g's transaction started before S.xmax. Once a snapshot's xmin has
/// reached that horizon and g is still missing, g rolled back and is skipped; until then the reader waits at g.
/// </summary>
internal sealed class GapSafeReader(string schema, string subscription, SubscriptionFilter filter, Func<string, string, object> deserialize,
    Microsoft.Extensions.Logging.ILogger logger)
{
    private (long Start, ulong Horizon)? _gap;

    public sealed record Result(IReadOnlyList<RecordedEvent> Events, long LastPosition, bool More);

    private readonly string _sql = $"""
        with snapshot as materialized (select pg_current_snapshot() as s)
        select pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text, e.*
        from snapshot left join lateral (
            select position, id, stream_id, stream_type, version, type, recorded, hash, m.matches,
                   case when m.matches then data::text end as data, case when m.matches then metadata::text end as metadata, hash_format
            from {schema}.events
            cross join lateral (select (cardinality($3::text[]) = 0 or stream_type = any($3))
                                   and (cardinality($4::text[]) = 0 or type = any($4)) as matches) m
            where position > $1 order by position limit $2) e on true
        order by e.position
        """;

    public async Task<Result> ReadAsync(NpgsqlConnection connection, long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = filter.StreamTypes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = filter.EventTypes.ToArray() });
        await using var row = await command.ExecuteReaderAsync(cancellationToken);

        var events = new List<RecordedEvent>();
        var expected = after + 1;
        var rows = 0;
        while (await row.ReadAsync(cancellationToken))
        {
            if (row.IsDBNull(2)) break; // no events after the position
            rows++;
            var position = row.GetInt64(2);
            if (position != expected && !GapResolved(expected, position, ulong.Parse(row.GetString(0)), ulong.Parse(row.GetString(1))))
                return new Result(events, expected - 1, More: false);
            if (row.GetBoolean(10))
                events.Add(new RecordedEvent(position, row.GetGuid(3), row.GetString(4), row.GetString(5), row.GetInt64(6), row.GetString(7),
                    row.GetString(11), row.GetString(12), row.GetFieldValue<DateTimeOffset>(8), row.GetFieldValue<byte[]>(9), (byte)row.GetInt16(13), deserialize));
            expected = position + 1;
        }
        return new Result(events, expected - 1, More: rows == limit);
    }

    /// <summary>Positions [<paramref name="start"/>, <paramref name="next"/>) are missing: true when they can never appear.</summary>
    private bool GapResolved(long start, long next, ulong xmin, ulong xmax)
    {
        if (_gap is not { } gap || gap.Start != start) _gap = gap = (start, xmax);
        if (xmin < gap.Horizon)
        {
            Log.GapWaiting(logger, subscription, start);
            return false;
        }
        Log.GapSkipped(logger, subscription, start, next - 1);
        _gap = null;
        return true;
    }
}
