using System.Diagnostics;
using Npgsql;

namespace Platform.EventStore.Bench;

/// <summary>
/// Where one writer's append goes (<c>--breakdown</c>): the store; its write made directly (the store's own
/// validation, serialization, linking and append statement, without the queue, telemetry and result building around
/// it); and the raw INSERT. Half-second slices in rotating order; per side the median time per append, this process's
/// and PostgreSQL's CPU per append, and the WAL bytes per append. Store minus direct is the store's own client code;
/// direct minus raw is the claim's and the linking's.
/// </summary>
public sealed class Breakdown(BenchStore store, int eventsPerAppend)
{
    private readonly RawInsert _raw = new(store);
    private long _appends, _rawAppends;

    public sealed record Side(string Name, double MedianMicros, double MinMicros, double MaxMicros, double ClientCpuMicros, double ServerCpuMicros, double WalBytes);

    public async Task<IReadOnlyList<Side>> RunAsync(int slices)
    {
        await store.ExecuteAsync("truncate @schema.events, @schema.streams");
        await _raw.CreateTableAsync();
        (string Name, Func<Task> Append)[] sides = [("store", AppendToStoreAsync), ("write, direct", WriteDirectAsync), ("raw INSERT", RawAsync)];
        var measured = sides.ToDictionary(s => s.Name, _ => new List<(double Micros, long Appends, CpuClock Cpu, long Wal)>());
        for (var i = 0; i < 300; i++) foreach (var (_, append) in sides) await append(); // creates the streams, warms up
        for (var slice = 0; slice < slices; slice++)
            foreach (var (name, append) in sides.Skip(slice % sides.Length).Concat(sides.Take(slice % sides.Length)))
            {
                var (cpu, wal, clock, appends) = (CpuClock.Now(), await WalAsync(), Stopwatch.StartNew(), 0L);
                for (; clock.ElapsedMilliseconds < 500; appends++) await append();
                measured[name].Add((clock.Elapsed.TotalMicroseconds / appends, appends, CpuClock.Now() - cpu, await WalAsync() - wal));
            }
        return sides.Select(s =>
        {
            var m = measured[s.Name];
            var (micros, appends) = (m.Select(x => x.Micros).Order().ToList(), (double)m.Sum(x => x.Appends));
            return new Side(s.Name, micros[micros.Count / 2], micros[0], micros[^1],
                m.Sum(x => x.Cpu.Client.TotalMicroseconds) / appends, m.Sum(x => x.Cpu.Server.TotalMicroseconds) / appends, m.Sum(x => x.Wal) / appends);
        }).ToList();
    }

    private string NextStream() => $"account-{_appends++ % 100}";

    private Task AppendToStoreAsync() =>
        store.Store.AppendAsync(NextStream(), "account", ExpectedVersion.Any, Deposited.Many(eventsPerAppend), EventMetadata.For("user:bench", "corr-1"));

    private Task RawAsync() => _raw.AppendAsync("raw", _rawAppends++, eventsPerAppend); // 100 streams, like the store's

    private async Task WriteDirectAsync()
    {
        var writer = (PostgresEventStore)store.Store;
        var append = writer.Prepare(NextStream(), "account", ExpectedVersion.Any, Deposited.Many(eventsPerAppend), EventMetadata.For("user:bench", "corr-1"));
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await writer.WriteAsync(connection, null, append, CancellationToken.None);
    }

    private async Task<long> WalAsync()
    {
        await using var command = store.DataSource.CreateCommand("select (pg_current_wal_lsn() - '0/0')::bigint");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
