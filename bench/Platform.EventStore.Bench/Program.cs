using System.Globalization;
using Platform.EventStore.Bench;
using Platform.Hosting.Local.Postgres;

// dotnet run -c Release --project bench/Platform.EventStore.Bench -- [--seconds 8] [--events 1000000] [--rows 10x32,1x32new] [--database <connection string>] [--no-group-commit] [--default-tiering]
// dotnet run -c Release --project bench/Platform.EventStore.Bench -- --breakdown [--seconds 8] [--events-per-append 10]: where one writer's append goes
if (Tiering.ShouldRerun(args)) return await Tiering.RerunAsync(args);
var seconds = int.Parse(Option("--seconds") ?? "8", CultureInfo.InvariantCulture);
var events = int.Parse(Option("--events") ?? "1000000", CultureInfo.InvariantCulture); // 0 skips the whole-log part
string[] rows = ["1x1", "10x1", "1x32", "10x32", "1x32new"]; // events per append x writers; "new": a new stream per append
var only = Option("--rows")?.Split(',');
var groupCommit = !args.Contains("--no-group-commit"); // the store's default is on
if (only?.Except(rows).ToArray() is [_, ..] unknown)
{
    Console.Error.WriteLine($"--rows: unknown row(s) {string.Join(", ", unknown)}; the rows are {string.Join(", ", rows)}.");
    return 2;
}

// --database: an existing PostgreSQL (e.g. one with pg_stat_statements, to see where server time goes); its port must
// appear as " -p <port> " on its postmaster's command line for the CPU columns.
await using var server = new PostgresServer(new PostgresServerOptions { Durable = true });
var database = Option("--database");
if (database is null)
{
    await server.StartAsync();
    database = await server.CreateScratchDatabaseAsync("bench");
}
CpuClock.ServerPort = new Npgsql.NpgsqlConnectionStringBuilder(database).Port;
Console.WriteLine($"PostgreSQL ({(Option("--database") is null ? "durable: fsync on, synchronous_commit on" : "given by --database")}) on port {CpuClock.ServerPort}; {Environment.ProcessorCount} cores; load average {LoadAverage()}; tiering: {Tiering.Describe()}");

if (args.Contains("--breakdown")) return await BreakdownAsync();

Console.WriteLine();
Console.WriteLine($"## Appends ({seconds} s per row, store and raw INSERT in alternating half-second slices; store group commit {(groupCommit ? "on" : "off")})");
Console.WriteLine("| events/append | writers | streams | store events/s | raw INSERT events/s | ratio | store CPU µs/append: bench, PostgreSQL | raw CPU µs/append: bench, PostgreSQL |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
await using (var appends = await BenchStore.CreateAsync(database, "bench_append", groupCommit))
{
    var bench = new AppendBench(appends, TimeSpan.FromSeconds(seconds));
    foreach (var row in rows.Where(r => only is null || only.Contains(r)))
    {
        var newStreams = row.EndsWith("new", StringComparison.Ordinal);
        var (perAppend, writers) = (int.Parse(row.Split('x')[0], CultureInfo.InvariantCulture), int.Parse(row.Split('x')[1].Replace("new", ""), CultureInfo.InvariantCulture));
        var (store, raw) = await bench.RunAsync(perAppend, writers, newStreams);
        Console.WriteLine($"| {perAppend} | {writers} | {(newStreams ? "a new one per append" : "existing")} | {store.EventsPerSecond:N0} | {raw.EventsPerSecond:N0} " +
            $"| {store.EventsPerSecond / raw.EventsPerSecond:0.00} | {store.ClientCpuMicros:N0}, {store.ServerCpuMicros:N0} | {raw.ClientCpuMicros:N0}, {raw.ServerCpuMicros:N0} |");
    }
}

if (events == 0) return 0;
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

async Task<int> BreakdownAsync()
{
    var perAppend = int.Parse(Option("--events-per-append") ?? "10", CultureInfo.InvariantCulture);
    await using var store = await BenchStore.CreateAsync(database, "bench_breakdown", groupCommit);
    var sides = await new Breakdown(store, perAppend).RunAsync(slices: 2 * seconds);
    Console.WriteLine();
    Console.WriteLine($"## One writer, {perAppend} events per append ({2 * seconds} half-second slices per side, rotating order)");
    Console.WriteLine("| side | µs/append, median (min–max) | ÷ raw INSERT | bench CPU µs/append | PostgreSQL CPU µs/append | WAL bytes/append |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var side in sides)
        Console.WriteLine($"| {side.Name} | {side.MedianMicros:N0} ({side.MinMicros:N0}–{side.MaxMicros:N0}) | {side.MedianMicros / sides[^1].MedianMicros:0.00} " +
            $"| {side.ClientCpuMicros:N0} | {side.ServerCpuMicros:N0} | {side.WalBytes:N0} |");
    return 0;
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
