using System.Globalization;
using Platform.EventStore.Bench;
using Platform.Hosting.Local.Postgres;

// dotnet run -c Release --project bench/Platform.EventStore.Bench -- [--seconds 8] [--events 1000000] [--default-tiering]
if (Tiering.ShouldRerun(args)) return await Tiering.RerunAsync(args);
var seconds = int.Parse(Option("--seconds") ?? "8", CultureInfo.InvariantCulture);
var events = int.Parse(Option("--events") ?? "1000000", CultureInfo.InvariantCulture);

await using var server = new PostgresServer(new PostgresServerOptions { Durable = true });
await server.StartAsync();
CpuClock.ServerPort = server.Port;
var database = await server.CreateScratchDatabaseAsync("bench");
Console.WriteLine($"PostgreSQL (durable: fsync on, synchronous_commit on) on port {server.Port}; {Environment.ProcessorCount} cores; load average {LoadAverage()}; tiering: {Tiering.Describe()}");

Console.WriteLine();
Console.WriteLine($"## Appends ({seconds} s per row, store and raw INSERT in alternating half-second slices)");
Console.WriteLine("| events/append | writers | streams | store events/s | raw INSERT events/s | ratio | store CPU µs/append: bench, PostgreSQL | raw CPU µs/append: bench, PostgreSQL |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
await using (var appends = await BenchStore.CreateAsync(database, "bench_append"))
{
    var bench = new AppendBench(appends, TimeSpan.FromSeconds(seconds));
    foreach (var (perAppend, writers, newStreams) in new[] { (1, 1, false), (10, 1, false), (1, 32, false), (10, 32, false), (1, 32, true) })
    {
        var (store, raw) = await bench.RunAsync(perAppend, writers, newStreams);
        Console.WriteLine($"| {perAppend} | {writers} | {(newStreams ? "a new one per append" : "existing")} | {store.EventsPerSecond:N0} | {raw.EventsPerSecond:N0} " +
            $"| {store.EventsPerSecond / raw.EventsPerSecond:0.00} | {store.ClientCpuMicros:N0}, {store.ServerCpuMicros:N0} | {raw.ClientCpuMicros:N0}, {raw.ServerCpuMicros:N0} |");
    }
}

Console.WriteLine();
Console.WriteLine($"## Whole log ({events:N0} events in {events / 100:N0} streams)");
await using (var log = await BenchStore.CreateAsync(database, "bench_log"))
{
    var bench = new LogBench(log, events, Math.Max(1, events / 100));
    Console.WriteLine($"seeded with COPY in {(await bench.SeedAsync()).TotalSeconds:0.0} s");
    var (verify, valid) = await bench.VerifyAllAsync();
    Console.WriteLine($"| VerifyAll | {verify:N0} events/s | chains valid: {valid} |");
    Console.WriteLine($"| ReadAll | {await bench.ReadAllAsync():N0} events/s | |");
}
Console.WriteLine($"load average after: {LoadAverage()}");
return 0;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
