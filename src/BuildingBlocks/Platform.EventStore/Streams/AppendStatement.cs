namespace Platform.EventStore;

/// <summary>
/// A one-event append as one plain SQL statement, about half the server time of the <c>append</c> function
/// (docs/figures/event-store.md): claim the version on the stream row, read the previous link, draw the position, hash
/// the link (docs/audit-hash.md) and insert the event. It returns the event's row, or no row when the expected version
/// or the stream type does not match; the caller then runs the function, which says why (docs/event-store.md).
/// Appends of several events use the function: chaining them in one SQL statement (recursion, a window aggregate)
/// measured slower than its loop.
/// Parameters: $1 stream id, $2 stream type, $3 expected version (-1 any, 0 no stream, n), $4 ids, $5 types,
/// $6 data, $7 metadata (arrays of one), $8 recorded.
/// </summary>
internal static class AppendStatement
{
    public static string For(string schema) => $"""
        with claimed as (
            -- Locks the row and claims the version. Writing a row gives the transaction its id before the position is
            -- drawn below (the draw reads this row's result), which the gap-safe readers rely on.
            update {schema}.streams s set version = s.version + 1, updated = greatest(s.updated, $8::timestamptz)
            where s.id = $1 and $3::bigint <> 0 and s.type = $2 and ($3 < 0 or s.version = $3)
            returning s.version - 1 as previous, s.updated as recorded
        ), created as (
            insert into {schema}.streams (id, type, version, created, updated)
            select $1, $2, 1, $8, $8 where $3 <= 0 and not exists (select from claimed)
            on conflict (id) do nothing
            returning 0::bigint as previous, updated as recorded
        ), head as (
            -- When the update waited for a concurrent append, this statement's snapshot predates that append's event:
            -- previous_hash then reads the link with a fresh snapshot (and fails if the event is really gone).
            select c.previous, c.recorded, coalesce(e.hash, {schema}.previous_hash($1, c.previous)) as hash
            from claimed c left join {schema}.events e on e.stream_id = $1 and e.version = c.previous
            union all
            select previous, recorded, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea from created
        )
        insert into {schema}.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash)
        select p.position, ($4::uuid[])[1], $1, $2, h.previous + 1, ($5::text[])[1], ($6::text[])[1]::json, ($7::text[])[1]::json,
            h.recorded,
            sha256(h.hash || '\x01'::bytea || int8send(p.position) || uuid_send(($4::uuid[])[1])
                || int4send(octet_length($1)) || convert_to($1, 'UTF8')
                || int4send(octet_length($2)) || convert_to($2, 'UTF8')
                || int8send(h.previous + 1)
                || int4send(octet_length(($5::text[])[1])) || convert_to(($5::text[])[1], 'UTF8')
                || int8send((extract(epoch from h.recorded) * 1000000)::bigint)
                || int4send(octet_length(($6::text[])[1])) || convert_to(($6::text[])[1], 'UTF8')
                || int4send(octet_length(($7::text[])[1])) || convert_to(($7::text[])[1], 'UTF8'))
        -- Correlated with the head row (and kept apart by offset 0), so the position is drawn once, after the claim.
        from head h cross join lateral (select nextval('{schema}.events_position') as position, h.previous offset 0) p
        returning version, position, hash, recorded
        """;
}
