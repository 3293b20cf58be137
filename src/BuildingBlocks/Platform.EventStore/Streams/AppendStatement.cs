using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore;

/// <summary>
/// Any append, linked by the store (<see cref="LinkedAppend"/>), as one plain SQL statement: claim the stream with a
/// compare-and-swap on its (version, head), or create it; then draw the positions and insert the events. It returns the
/// events' positions in version order, or no row when the head moved (or the stream exists, for a new one): it then
/// wrote nothing. Linking in the store rather than in a plpgsql loop is what lets one writer's appends of several events
/// keep up with a raw INSERT (docs/figures/event-store.md).
/// </summary>
internal static class AppendStatement
{
    public static string For(string schema) => $"""
        with claimed as (
            -- Writing the stream row locks it and gives the transaction its id before any position is drawn below (the
            -- draw reads this row's result), which the gap-safe readers rely on. A concurrent append that committed
            -- meanwhile changed (version, head): the re-checked condition then matches nothing.
            update {schema}.streams s set version = $4, updated = $10, head = $12
            where $3 > 0 and s.id = $1 and s.version = $3 and s.head = $11 and s.type = $2
            returning s.version
        ), created as (
            insert into {schema}.streams (id, type, version, created, updated, head)
            select $1, $2, $4, $10, $10, $12 where $3 = 0
            on conflict (id) do nothing
            returning version
        ), head as (
            select version from claimed union all select version from created
        )
        insert into {schema}.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash, hash_format)
        select p.position, e.id, $1, $2, $3 + e.ord, e.type, e.data::json, $9::json, $10, e.hash, 2
        from head h cross join unnest($5::uuid[], $6::text[], $7::text[], $8::bytea[]) with ordinality as e(id, type, data, hash, ord)
        -- Correlated with the head row (and kept apart by offset 0), so each position is drawn after the claim, in order.
        cross join lateral (select nextval('{schema}.events_position') as position, h.version, e.ord offset 0) p
        returning version, position
        """;

    public static void Bind(NpgsqlParameterCollection parameters, LinkedAppend linked)
    {
        var append = linked.Append;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamType, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = linked.PreviousVersion });
        parameters.Add(new NpgsqlParameter<long> { TypedValue = linked.Version });
        parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = append.Ids });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = linked.Hashes });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = append.Metadata, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = linked.Recorded });
        parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = linked.Previous?.Hash ?? [] });
        parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = linked.Hashes[^1] });
    }

    /// <summary>What the statement wrote, or null when it wrote nothing.</summary>
    public static async Task<WrittenEvents?> ReadAsync(NpgsqlDataReader rows, LinkedAppend linked, CancellationToken cancellationToken)
    {
        var positions = new long[linked.Hashes.Length];
        var count = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            positions[rows.GetInt64(0) - linked.PreviousVersion - 1] = rows.GetInt64(1);
            count++;
        }
        if (count == 0)
        {
            EventStoreTelemetry.HeadMoved.Add(1); // whichever path ran it, the append is linked again
            return null;
        }
        if (count != positions.Length) throw new InvalidOperationException($"The append statement wrote {count} of {positions.Length} events.");
        return new WrittenEvents(linked.Version, positions, linked.Hashes, linked.Recorded);
    }
}
