using System.Diagnostics;

namespace Platform.EventStore.Bench;

/// <summary>
/// Appends through the store beside a raw batched INSERT of the same rows (<see cref="RawInsert"/>), for the same
/// time each, in alternating half-second slices.
/// The store appends to streams that exist (each writer cycles over 100 of its own, created before the clock starts),
/// or, with <c>newStreams</c>, creates a stream with every append.
/// </summary>
public sealed class AppendBench(BenchStore store, TimeSpan duration)
{
    private readonly RawInsert _raw = new(store);

    public async Task<(Side Store, Side Raw)> RunAsync(int eventsPerAppend, int writers, bool newStreams = false)
    {
        await store.ExecuteAsync("truncate @schema.events, @schema.streams");
        await _raw.CreateTableAsync();
        Task StoreAppendAsync(int writer, long n, int count) => AppendToStoreAsync(writer, n, count, newStreams);
        await MeasureAsync(writers, eventsPerAppend, StoreAppendAsync, TimeSpan.MaxValue, 0, appendsPerWriter: 100); // creates the streams, warms up
        await MeasureAsync(writers, eventsPerAppend, RawAppendAsync, TimeSpan.MaxValue, 0, appendsPerWriter: 100);
        // Many short slices, alternating which goes first: a change of load during the run hits both alike.
        var slices = Math.Max(2, (int)duration.TotalSeconds);
        var slice = duration / (2 * slices);
        Slice stored = default, raw = default;
        for (var i = 0; i < slices; i++)
        {
            var first = (i + 1L) * 1_000_000; // fresh streams per slice, so the raw INSERT knows its versions
            if (i % 2 == 0) raw = Add(raw, await MeasureAsync(writers, eventsPerAppend, RawAppendAsync, slice, first));
            stored = Add(stored, await MeasureAsync(writers, eventsPerAppend, StoreAppendAsync, slice, first));
            if (i % 2 == 1) raw = Add(raw, await MeasureAsync(writers, eventsPerAppend, RawAppendAsync, slice, first));
        }
        return (stored.Result(eventsPerAppend), raw.Result(eventsPerAppend));
    }

    /// <summary>Events per second, and CPU µs per append of this process and of PostgreSQL.</summary>
    public sealed record Side(double EventsPerSecond, double ClientCpuMicros, double ServerCpuMicros);

    private readonly record struct Slice(long Events, double Seconds, CpuClock Cpu)
    {
        public Side Result(int eventsPerAppend) => new(Events / Seconds,
            Cpu.Client.TotalMicroseconds * eventsPerAppend / Events, Cpu.Server.TotalMicroseconds * eventsPerAppend / Events);
    }

    private static Slice Add(Slice total, Slice slice) => new(total.Events + slice.Events, total.Seconds + slice.Seconds, total.Cpu + slice.Cpu);

    private static async Task<Slice> MeasureAsync(int writers, int eventsPerAppend, Func<int, long, int, Task> append,
        TimeSpan duration, long firstAppend, int appendsPerWriter = int.MaxValue)
    {
        var events = 0L;
        var cpu = CpuClock.Now();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var n = firstAppend; n - firstAppend < appendsPerWriter && stopwatch.Elapsed < duration; n++)
            {
                await append(writer, n, eventsPerAppend);
                Interlocked.Add(ref events, eventsPerAppend);
            }
        })));
        return new Slice(events, stopwatch.Elapsed.TotalSeconds, CpuClock.Now() - cpu);
    }

    private Task AppendToStoreAsync(int writer, long n, int count, bool newStreams) =>
        store.Store.AppendAsync(newStreams ? $"account-{writer}-{n}-{Guid.NewGuid():N}" : $"account-{writer}-{n % 100}", "account",
            ExpectedVersion.Any, Deposited.Many(count), EventMetadata.For("user:bench", "corr-1"));

    // The raw INSERT: each writer owns 100 streams per slice.
    private Task RawAppendAsync(int writer, long n, int count) => _raw.AppendAsync($"account-{writer}-{n / 1_000_000}", n % 1_000_000, count);
}
