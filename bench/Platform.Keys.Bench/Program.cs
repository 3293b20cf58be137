using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Platform.Authentication.Callers;
using Platform.Authentication.Tokens;
using Platform.Contracts.Clients;
using Platform.Contracts.Keys.V1;
using Platform.Grpc;
using Platform.Hosting.Local.Postgres;
using Platform.Hosting.Local.RabbitMq;
using Platform.Keys;
using Platform.Keys.Authentication;
using Platform.Keys.Bench;
using Platform.Keys.Lifecycle;

// dotnet run -c Release --project bench/Platform.Keys.Bench -- [--keys 1000] [--rate 5000] [--seconds 10] [--closed-seconds 3] [--invalidations 20]
var keyCount = Int("--keys", 1000);
var rate = Int("--rate", 5000);
var seconds = Int("--seconds", 10);
var closedSeconds = Int("--closed-seconds", 3);
var invalidations = Int("--invalidations", 20);

await using var postgres = new PostgresServer(new PostgresServerOptions { Durable = false });
await using var rabbit = new RabbitMqServer(new RabbitMqServerOptions());
await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
var database = await postgres.CreateScratchDatabaseAsync("keysbench");
var broker = await rabbit.CreateVirtualHostAsync($"keysbench-{Guid.NewGuid():N}");

var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var (app, grpcPort) = await KeysInstance.StartAsync(database, broker, signingKey);

// Seed: one account, keys created through the service's own command path (events, projection, secrets table).
var account = Guid.CreateVersion7();
var manager = new Caller(CallerKind.ManagementKey, "bench-user", null, false, null, null, new string('0', 32), account);
var commands = app.Services.GetRequiredService<KeyCommands>();
var secrets = new string[keyCount];
var seeding = System.Diagnostics.Stopwatch.StartNew();
await Parallel.ForAsync(0, keyCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    secrets[i] = (await commands.CreateAsync(manager, new CreateKeyRequest { AccountId = account.ToString(), Name = $"bench {i}" }, ct)).Secret);
Console.WriteLine($"Seeded {keyCount:N0} keys in {seeding.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

var token = app.Services.GetRequiredService<DevelopmentTokenIssuer>().IssueServiceToken("bench").AccessToken;
using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
var keys = new KeysClient(channel);
var options = new CallOptions { Credentials = _ => ValueTask.FromResult(token) };
Task Grpc(int i) => keys.AuthenticateAsync(new AuthenticateRequest { Secret = secrets[i % secrets.Length] }, options);
var authenticator = app.Services.GetRequiredService<KeyAuthenticator>();
async Task InProcess(int i)
{
    if (await authenticator.AuthenticateAsync(secrets[i % secrets.Length], CancellationToken.None) is null) throw new InvalidOperationException("refused");
}

using var server = new ServerDurations();
await OpenLoop.RunAsync(Math.Min(rate, 2000), TimeSpan.FromSeconds(2), 512, Grpc, null); // warm-up: JIT, connections, cache

Console.WriteLine();
Console.WriteLine($"## Authenticate, open loop at {rate:N0}/s for {seconds} s over gRPC (h2c, service JWT), {keyCount:N0} keys");
var serverSide = new Latencies();
var handler = new Latencies();
var roundTrip = new Latencies();
var fromSend = new Latencies();
(server.Rpc, server.Handler) = (serverSide, handler);
var open = await OpenLoop.RunAsync(rate, TimeSpan.FromSeconds(seconds), 1024, Grpc, roundTrip, fromSend);
(server.Rpc, server.Handler) = (null, null);
Console.WriteLine($"achieved {open.Rate:N0} calls/s (sent {open.Sent:N0}, failed {open.Failed:N0}, dropped at 1024 in flight {open.Dropped:N0})");
Console.WriteLine($"inside the service, whole call (rpc.server.duration): {serverSide.Summary()}");
Console.WriteLine($"inside the service, Authenticate handler (platform.keys.authenticate.duration): {handler.Summary()}");
Console.WriteLine($"client round trip from the call's start: {fromSend.Summary()}");
Console.WriteLine($"client round trip from the call's due time (includes the load generator's lateness): {roundTrip.Summary()}");

Console.WriteLine();
Console.WriteLine($"## Authenticate, closed loop, {closedSeconds} s each");
Console.WriteLine("| path | callers | calls/s | latency |");
Console.WriteLine("|---|---|---|---|");
foreach (var callers in new[] { 1, 64 })
{
    var grpcLatencies = new Latencies();
    var grpcRate = await ClosedLoop.RunAsync(callers, TimeSpan.FromSeconds(closedSeconds), Grpc, grpcLatencies);
    Console.WriteLine($"| gRPC | {callers} | {grpcRate:N0} | {grpcLatencies.Summary()} |");
    var local = new Latencies();
    var localRate = await ClosedLoop.RunAsync(callers, TimeSpan.FromSeconds(closedSeconds), InProcess, local);
    Console.WriteLine($"| in-process | {callers} | {localRate:N0} | {local.Summary()} |");
}

Console.WriteLine();
Console.WriteLine($"## Cache invalidation across instances ({invalidations} keys: disabled on instance A, cached on instance B)");
var (second, _) = await KeysInstance.StartAsync(database, broker, signingKey);
var dropped = await Invalidation.MeasureAsync(commands, manager, account.ToString(), second.Services.GetRequiredService<KeyAuthenticator>(), invalidations);
Console.WriteLine($"disable on A until B refuses: {dropped.Summary()}");
await second.StopAsync();
await second.DisposeAsync();

Console.WriteLine();
var jwt = app.Services.GetRequiredService<JwtTokenValidator>();
var jwtLatencies = new Latencies();
var jwtRate = await ClosedLoop.RunAsync(1, TimeSpan.FromSeconds(1), async _ => await jwt.ValidateAsync(token, CancellationToken.None), jwtLatencies);
Console.WriteLine($"For scale, validating the service JWT alone (every gRPC call does it): {jwtRate:N0}/s, {jwtLatencies.Summary()}");
Console.WriteLine($"load average after: {LoadAverage()}");

await app.StopAsync();
await app.DisposeAsync();

int Int(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
