using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore.Bench;

/// <summary>
/// The baseline: the same rows as the store writes (same canonical JSON, columns and indexes, in a copy of the events
/// table), as one multi-row <c>insert ... select from unnest(...)</c> in autocommit, with random bytes for the hashes.
/// It neither claims the stream nor chains, so it cannot read versions: a writer's n-th append goes to stream
/// "{prefix}-{n % 100}", whose versions then follow from n.
/// </summary>
public sealed class RawInsert(BenchStore store)
{
    private readonly EventSerializer _serializer = new(new EventTypes().Register<Deposited>(), EventSerializer.DefaultOptions());

    public Task CreateTableAsync() =>
        store.ExecuteAsync("drop table if exists @schema.raw_events; create table @schema.raw_events (like @schema.events including all)");

    public async Task AppendAsync(string streamPrefix, long n, int count)
    {
        var (streamId, firstVersion) = ($"{streamPrefix}-{n % 100}", n / 100 * count + 1);
        var (types, data) = (new string[count], new string[count]);
        var events = Deposited.Many(count);
        for (var i = 0; i < count; i++) (types[i], data[i]) = _serializer.Serialize(events[i]);
        var metadata = _serializer.SerializeMetadata(EventMetadata.For("user:bench", "corr-1"));
        await using var command = store.DataSource.CreateCommand($"""
            insert into {store.Schema}.raw_events (id, stream_id, stream_type, version, type, data, metadata, recorded, hash, hash_format)
            select id, $2, 'account', $3 + ord - 1, type, data::json, $6::json, $7, hash, 2
            from unnest($1::uuid[], $4::text[], $5::text[], $8::bytea[]) with ordinality as e(id, type, data, hash, ord)
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = firstVersion });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = DateTimeOffset.UtcNow });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = Enumerable.Range(0, count).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray() });
        await command.ExecuteNonQueryAsync();
    }
}
