namespace Platform.EventStore;

/// <summary>
/// The schema's versions, applied in order and recorded in <c>schema_versions</c>. Never edit a released entry:
/// add the next one. <c>@schema</c> is replaced by the configured, validated schema name.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> All =
    [
        (1, "streams, events, append function, subscriptions", """
            -- A stream's head hash is its last event's hash (not repeated here, so an append writes this row once).
            create table @schema.streams (
                id text primary key,
                type text not null,
                version bigint not null,
                created timestamptz not null,
                updated timestamptz not null
            );

            -- cache 1 keeps positions contiguous except where an append rolled back (see docs/event-store.md).
            create sequence @schema.events_position as bigint cache 1;

            create table @schema.events (
                position bigint primary key default nextval('@schema.events_position'),
                id uuid not null unique,
                stream_id text not null,
                stream_type text not null,
                version bigint not null,
                type text not null,
                data json not null,      -- json keeps the exact canonical text that was hashed; jsonb would not
                metadata json not null,
                recorded timestamptz not null,
                hash bytea not null,
                unique (stream_id, version)
            );
            alter sequence @schema.events_position owned by @schema.events.position;

            create table @schema.subscriptions (
                name text primary key,
                position bigint not null,
                updated timestamptz not null
            );

            -- One round trip per append: create or update (and so lock) the stream row, check the expected version, chain and insert the events.
            -- Errors carry their value in the message (details are redacted by clients): PE409 the stream's
            -- actual version, PE422 the stream's actual type.
            -- p_expected: -1 any, 0 the stream must not exist, n > 0 the stream must be at version n.
            create function @schema.append(
                p_stream_id text, p_stream_type text, p_expected bigint,
                p_ids uuid[], p_types text[], p_data text[], p_metadata text[], p_recorded timestamptz)
            returns table (stream_version bigint, positions bigint[], hashes bytea[], recorded timestamptz)
            language plpgsql as $fn$
            #variable_conflict use_column
            declare
                v_count int := coalesce(cardinality(p_ids), 0);
                v_version bigint;
                v_hash bytea;
                v_type text;
                v_recorded timestamptz;
                v_micros bigint;
                v_first bigint;
                v_positions bigint[] := '{}';
                v_hashes bytea[] := '{}';
                v_stream bytea := convert_to(p_stream_id, 'UTF8');
                v_stream_type bytea := convert_to(p_stream_type, 'UTF8');
                v_event_type bytea;
                v_data bytea;
                v_metadata bytea;
            begin
                -- Take a transaction id before any position is drawn: subscribers rely on it to tell a gap that a
                -- running transaction may still fill from one that rolled back (docs/event-store.md).
                perform pg_current_xact_id();

                -- One write to the stream row locks it and claims the versions; "updated" never goes back, so recorded
                -- times never go back within a stream ("state as of an instant" is a prefix of it).
                if p_expected <> 0 then
                    update @schema.streams s set version = s.version + v_count, updated = greatest(s.updated, p_recorded)
                    where s.id = p_stream_id
                    returning s.version - v_count, s.type, s.updated into v_version, v_type, v_recorded;
                end if;
                if v_version is null and p_expected <= 0 then
                    insert into @schema.streams (id, type, version, created, updated)
                    values (p_stream_id, p_stream_type, v_count, p_recorded, p_recorded)
                    on conflict (id) do nothing;
                    if found then
                        v_version := 0;
                        v_type := p_stream_type;
                        v_recorded := p_recorded;
                        v_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
                    elsif p_expected = 0 then
                        select s.version::text into v_type from @schema.streams s where s.id = p_stream_id;
                        raise exception using errcode = 'PE409', message = v_type;
                    else -- created by a concurrent append that committed meanwhile
                        update @schema.streams s set version = s.version + v_count, updated = greatest(s.updated, p_recorded)
                        where s.id = p_stream_id
                        returning s.version - v_count, s.type, s.updated into v_version, v_type, v_recorded;
                    end if;
                end if;
                if v_version is null then
                    raise exception using errcode = 'PE409', message = '0';
                end if;
                if p_expected > 0 and v_version <> p_expected then
                    raise exception using errcode = 'PE409', message = v_version::text;
                end if;
                if v_hash is null then
                    select e.hash into v_hash from @schema.events e where e.stream_id = p_stream_id and e.version = v_version;
                    if v_hash is null then
                        raise exception 'stream % has lost event version %: verify it before appending', p_stream_id, v_version;
                    end if;
                end if;
                if v_type <> p_stream_type then
                    raise exception using errcode = 'PE422', message = v_type;
                end if;
                v_micros := (extract(epoch from v_recorded) * 1000000)::bigint;

                v_first := v_version + 1;
                for i in 1 .. v_count loop
                    v_version := v_version + 1;
                    v_positions[i] := nextval('@schema.events_position');
                    v_event_type := convert_to(p_types[i], 'UTF8');
                    v_data := convert_to(p_data[i], 'UTF8');
                    v_metadata := convert_to(p_metadata[i], 'UTF8');
                    -- The canonical bytes of docs/audit-hash.md, after the previous hash of the stream.
                    v_hash := sha256(v_hash || '\x01'::bytea || int8send(v_positions[i]) || uuid_send(p_ids[i])
                        || int4send(length(v_stream)) || v_stream
                        || int4send(length(v_stream_type)) || v_stream_type
                        || int8send(v_version)
                        || int4send(length(v_event_type)) || v_event_type
                        || int8send(v_micros)
                        || int4send(length(v_data)) || v_data
                        || int4send(length(v_metadata)) || v_metadata);
                    v_hashes[i] := v_hash;
                end loop;
                -- One statement for all rows: cheaper than a row-by-row insert.
                insert into @schema.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash)
                select e.position, e.id, p_stream_id, p_stream_type, v_first + e.ord - 1, e.type, e.data::json, e.metadata::json, v_recorded, e.hash
                from unnest(v_positions, p_ids, p_types, p_data, p_metadata, v_hashes) with ordinality as e(position, id, type, data, metadata, hash, ord);

                return query select v_version, v_positions, v_hashes, v_recorded;
            end
            $fn$;
            """),
        (2, "previous_hash for the one-event append statement, append_linked for appends of several events", """
            -- Called by the append statement (Streams/AppendStatement.cs) only when its own snapshot cannot see the
            -- previous event: volatile, so it reads with a new snapshot (the append it waited for has committed).
            create function @schema.previous_hash(p_stream_id text, p_version bigint) returns bytea
            language plpgsql volatile as $fn$
            declare
                v_hash bytea;
            begin
                select e.hash into v_hash from @schema.events e where e.stream_id = p_stream_id and e.version = p_version;
                if v_hash is null then
                    raise exception 'stream % has lost event version %: verify it before appending', p_stream_id, p_version;
                end if;
                return v_hash;
            end
            $fn$;

            -- append() with the canonical bytes the client knows (EventHash.Parts) passed in, so the loop only adds the
            -- position, version and recorded time around them; no perform pg_current_xact_id(): the stream row is written
            -- (and the transaction has its id) before the loop draws a position. Same results and errors as append().
            create function @schema.append_linked(
                p_stream_id text, p_stream_type text, p_expected bigint,
                p_ids uuid[], p_types text[], p_data text[], p_metadata text[], p_recorded timestamptz,
                p_identity bytea[], p_type_bytes bytea[], p_body bytea[])
            returns table (stream_version bigint, positions bigint[], hashes bytea[], recorded timestamptz)
            language plpgsql as $fn$
            #variable_conflict use_column
            declare
                v_count int := coalesce(cardinality(p_ids), 0);
                v_version bigint;
                v_hash bytea;
                v_type text;
                v_recorded timestamptz;
                v_micros bytea;
                v_position bigint;
                v_positions bigint[] := '{}';
                v_hashes bytea[] := '{}';
            begin
                if p_expected <> 0 then
                    update @schema.streams s set version = s.version + v_count, updated = greatest(s.updated, p_recorded)
                    where s.id = p_stream_id
                    returning s.version - v_count, s.type, s.updated into v_version, v_type, v_recorded;
                end if;
                if v_version is null and p_expected <= 0 then
                    insert into @schema.streams (id, type, version, created, updated)
                    values (p_stream_id, p_stream_type, v_count, p_recorded, p_recorded)
                    on conflict (id) do nothing;
                    if found then
                        v_version := 0;
                        v_type := p_stream_type;
                        v_recorded := p_recorded;
                        v_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
                    elsif p_expected = 0 then
                        select s.version::text into v_type from @schema.streams s where s.id = p_stream_id;
                        raise exception using errcode = 'PE409', message = v_type;
                    else -- created by a concurrent append that committed meanwhile
                        update @schema.streams s set version = s.version + v_count, updated = greatest(s.updated, p_recorded)
                        where s.id = p_stream_id
                        returning s.version - v_count, s.type, s.updated into v_version, v_type, v_recorded;
                    end if;
                end if;
                if v_version is null then
                    raise exception using errcode = 'PE409', message = '0';
                end if;
                if p_expected > 0 and v_version <> p_expected then
                    raise exception using errcode = 'PE409', message = v_version::text;
                end if;
                if v_type <> p_stream_type then
                    raise exception using errcode = 'PE422', message = v_type;
                end if;
                if v_hash is null then
                    select e.hash into v_hash from @schema.events e where e.stream_id = p_stream_id and e.version = v_version;
                    if v_hash is null then
                        raise exception 'stream % has lost event version %: verify it before appending', p_stream_id, v_version;
                    end if;
                end if;
                v_micros := int8send((extract(epoch from v_recorded) * 1000000)::bigint);
                for i in 1 .. v_count loop
                    v_position := nextval('@schema.events_position');
                    v_hash := sha256(v_hash || '\x01'::bytea || int8send(v_position) || p_identity[i] || int8send(v_version + i)
                        || p_type_bytes[i] || v_micros || p_body[i]);
                    v_positions[i] := v_position;
                    v_hashes[i] := v_hash;
                end loop;
                insert into @schema.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash)
                select e.position, e.id, p_stream_id, p_stream_type, v_version + e.ord, e.type, e.data::json, e.metadata::json, v_recorded, e.hash
                from unnest(v_positions, p_ids, p_types, p_data, p_metadata, v_hashes) with ordinality as e(position, id, type, data, metadata, hash, ord);

                return query select v_version + v_count, v_positions, v_hashes, v_recorded;
            end
            $fn$;
            """),
        (3, "chain heads on the stream rows, hash format 2 (linked by the store before it sends the append)", """
            -- The stream's head hash, kept on its row so that an append can claim the stream with a compare-and-swap on
            -- (version, head): the store links the events to the head it believes current, and the claim fails if that
            -- head moved. Null only when the last event was missing at this upgrade: appends then refuse to chain.
            alter table @schema.streams add column head bytea;
            update @schema.streams s set head = e.hash
            from @schema.events e where e.stream_id = s.id and e.version = s.version;

            -- Format 1 links cover the global position, which only the inserting transaction knows; format 2 links do
            -- not, so the store computes them (docs/audit-hash.md). Existing events keep format 1.
            alter table @schema.events add column hash_format smallint not null default 1;
            alter table @schema.events alter column hash_format drop default;
            alter table @schema.events add constraint events_hash_format check (hash_format in (1, 2));

            -- The database no longer links events. An instance still on the old code fails here instead of writing
            -- events whose head the stream row would not know.
            drop function @schema.append(text, text, bigint, uuid[], text[], text[], text[], timestamptz);
            drop function @schema.append_linked(text, text, bigint, uuid[], text[], text[], text[], timestamptz, bytea[], bytea[], bytea[]);
            drop function @schema.previous_hash(text, bigint);
            """),
    ];
}
