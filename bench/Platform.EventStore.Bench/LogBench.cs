using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Platform.EventStore.Bench;

/// <summary>
/// Seeds a large log with COPY through the store's own canonical JSON and hash code (what the store's appends
/// would have written), then measures VerifyAll and ReadAll over it.
/// </summary>
public sealed class LogBench(BenchStore store, int events, int streams)
{
    public async Task<TimeSpan> SeedAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var serializer = new EventSerializer(new EventTypes().Register<Deposited>(), EventSerializer.DefaultOptions());
        var metadata = serializer.SerializeMetadata(EventMetadata.For("user:bench", "corr-1"));
        var heads = new byte[streams][];
        var recorded = DateTimeOffset.UnixEpoch.AddTicks(DateTimeOffset.UtcNow.Ticks / 10 * 10 - DateTimeOffset.UnixEpoch.Ticks);
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy {store.Schema}.events (position, id, stream_id, stream_type, version, type, data, metadata, recorded, hash, hash_format) from stdin (format binary)"))
        {
            for (var position = 1L; position <= events; position++)
            {
                var stream = (int)((position - 1) % streams);
                var (type, data) = serializer.Serialize(new Deposited(Guid.CreateVersion7(), 12.50m + stream, $"invoice-{position}"));
                var fields = new HashedFields(EventHash.CurrentFormat, position, Guid.CreateVersion7(), $"account-{stream}", "account", (position - 1) / streams + 1,
                    type, recorded, data, metadata);
                heads[stream] = EventHash.Compute(heads[stream] ?? EventHash.Genesis, fields);
                await copy.StartRowAsync();
                await copy.WriteAsync(fields.Position, NpgsqlDbType.Bigint);
                await copy.WriteAsync(fields.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(fields.StreamId, NpgsqlDbType.Text);
                await copy.WriteAsync(fields.StreamType, NpgsqlDbType.Text);
                await copy.WriteAsync(fields.Version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(fields.Type, NpgsqlDbType.Text);
                await copy.WriteAsync(fields.Data, NpgsqlDbType.Json);
                await copy.WriteAsync(fields.Metadata, NpgsqlDbType.Json);
                await copy.WriteAsync(fields.Recorded, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(heads[stream], NpgsqlDbType.Bytea);
                await copy.WriteAsync((short)fields.Format, NpgsqlDbType.Smallint);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy {store.Schema}.streams (id, type, version, created, updated, head) from stdin (format binary)"))
        {
            for (var stream = 0; stream < streams; stream++)
                await copy.WriteRowAsync(default, $"account-{stream}", "account", (long)((events - 1 - stream) / streams + 1), recorded, recorded, heads[stream]);
            await copy.CompleteAsync();
        }
        await store.ExecuteAsync($"select setval('@schema.events_position', {events})");
        await store.ExecuteAsync("vacuum analyze @schema.events");
        await store.ExecuteAsync("vacuum analyze @schema.streams");
        return stopwatch.Elapsed;
    }

    public async Task<(double EventsPerSecond, bool Valid)> VerifyAllAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await store.Verifier.VerifyAllAsync(1_000_000).LastAsync();
        if (result.EventsChecked != events) throw new InvalidOperationException($"Verified {result.EventsChecked} events, expected {events}.");
        return (result.EventsChecked / stopwatch.Elapsed.TotalSeconds, result.IsValid);
    }

    public async Task<double> ReadAllAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var count = 0L;
        await foreach (var _ in store.Store.ReadAllAsync(new ReadAllQuery())) count++;
        if (count != events) throw new InvalidOperationException($"Read {count} events, expected {events}.");
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}
