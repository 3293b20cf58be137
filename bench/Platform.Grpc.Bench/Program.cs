using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Platform.Grpc;
using Platform.Grpc.Bench;

// Unary calls per second and latency: our gRPC client against our gRPC server, and the same payload through a plain
// Kestrel HTTP/2 endpoint with HttpClient, at several numbers of concurrent callers.
// Usage: dotnet run -c Release --project bench/Platform.Grpc.Bench -- [--seconds 5] [--warmup 2] [--rounds 3] [--payload 128]
//        [--callers 1,16,64] [--raw] [--in-process] [--only grpc|plain|raw] [--address http://… of a --serve process]
//        [--default-tiering] [--no-user-agent] [--accept-compression]
// Layout: with 2+ cores (and taskset), the server runs in its own process pinned to core 0 and the clients are pinned
// to core 1 (split); --in-process, or one core, runs everything in one process on all cores.
if (args.Contains("--serve"))
{
    await BenchServer.ServeAsync();
    return 0;
}
// The pinned client sees one core only: it knows it is split from the marker its launcher added.
var pinnedClient = args.Contains(ServerProcess.ClientMarker);
var split = pinnedClient || (!args.Contains("--in-process") && ServerProcess.CanSplit());
if (split && !pinnedClient) return await ServerProcess.RunPinnedClientAsync(args);
if (!split && !Tiering.IsApplied && !args.Contains(Tiering.KeepDefault)) return await Tiering.RerunAsync(args);

var seconds = Argument("--seconds", 5.0);
var warmup = Argument("--warmup", 2.0);
var payloadSize = (int)Argument("--payload", 128);
var callers = ArgumentText("--callers", "1,16,64").Split(',').Select(int.Parse).ToArray();
var rounds = (int)Argument("--rounds", 3);

WebApplication? app = null;
// --address <url>: a server that is already running (a `--serve` process), e.g. to profile the client alone.
var external = ArgumentText("--address", "") is { Length: > 0 } given ? new Uri(given) : null;
await using var server = split && external is null ? await ServerProcess.StartAsync() : null;
Uri address;
if (external is not null) address = external;
else if (server is not null) address = server.Address;
else (app, address) = await BenchServer.StartAsync();
Func<TimeSpan>? serverCpu = server is null ? null : () => server.TotalProcessorTime;

// --no-user-agent / --accept-compression: the cost of the optional request headers (defaults: user-agent sent,
// grpc-accept-encoding not sent).
using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    UserAgent = args.Contains("--no-user-agent") ? null : GrpcChannelOptions.DefaultUserAgent,
    AcceptCompression = args.Contains("--accept-compression"),
});
var echo = new GrpcClient(channel, BenchReflection.Descriptor, "platform.bench.v1.Bench").Unary<BenchRequest, BenchReply>("Echo");
using var plain = new HttpMessageInvoker(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false });
var plainUri = new Uri(address, PlainEndpoint.Path);
var request = new BenchRequest { Id = "key_01JD3Y8Q6ZJ4W5X7", Payload = ByteString.CopyFrom(new byte[payloadSize]) };

async Task GrpcCall() => await echo.InvokeAsync(request);

async Task PlainCall()
{
    using var message = new HttpRequestMessage(HttpMethod.Post, plainUri)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new ByteArrayContent(request.ToByteArray()),
    };
    message.Content.Headers.TryAddWithoutValidation("content-type", "application/x-protobuf");
    using var response = await plain.SendAsync(message, CancellationToken.None);
    BenchReply.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
}

// Diagnostic (--raw): gRPC frames sent by a bare HttpClient to our server, to split server cost from client cost.
var grpcUri = new Uri(address, "/platform.bench.v1.Bench/Echo");
async Task RawGrpcCall()
{
    var body = request.ToByteArray();
    var frame = new byte[body.Length + 5];
    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
    body.CopyTo(frame, 5);
    using var message = new HttpRequestMessage(HttpMethod.Post, grpcUri)
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new ByteArrayContent(frame),
    };
    message.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
    using var response = await plain.SendAsync(message, CancellationToken.None);
    BenchReply.Parser.ParseFrom((await response.Content.ReadAsByteArrayAsync()).AsSpan(5));
}

var raw = args.Contains("--raw");
var layout = split
    ? "split: server in its own process pinned to core 0, clients and load generator pinned to core 1"
    : $"one process on {Environment.ProcessorCount} cores (client, server and load generator together)";
Task<Load.Result> Run(string name, int count, Func<Task> call) =>
    Load.RunAsync(name, count, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), call, serverCpu);
string Cpu(Load.Result r) => split ? $"{r.CpuMicrosPerCall:F1} + {r.ServerCpuMicrosPerCall:F1}" : $"{r.CpuMicrosPerCall:F1}";

// --only grpc|plain|raw: one side alone for --seconds, to attach a profiler (dotnet-trace) to a clean load.
if (ArgumentText("--only", "") is { Length: > 0 } only)
{
    Func<Task> side = only switch { "grpc" => GrpcCall, "plain" => PlainCall, "raw" => RawGrpcCall, _ => throw new ArgumentException("--only grpc|plain|raw") };
    var alone = await Run(only, callers[0], side);
    Console.WriteLine($"{only}: {alone.CallsPerSecond:F0} calls/s, p50 {alone.P50Micros:F0} µs, p99 {alone.P99Micros:F0} µs, "
        + $"CPU {Cpu(alone)} µs/call{(split ? " (client + server)" : "")}");
    if (app is not null) await app.StopAsync();
    return 0;
}

// Bytes allocated per call over sequential calls: client and server apart when split, together otherwise.
async Task<string> AllocatedPerCall(Func<Task> call)
{
    for (var i = 0; i < 2000; i++) await call();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var serverBefore = server is null ? 0 : await server.AllocatedBytesAsync();
    for (var i = 0; i < 5000; i++) await call();
    var client = (GC.GetTotalAllocatedBytes(precise: true) - before) / 5000.0;
    if (server is null) return $"{client:F0} B";
    var serverBytes = (await server.AllocatedBytesAsync() - serverBefore) / 5000.0;
    return $"{client:F0} + {serverBytes:F0} B";
}
var grpcBytes = await AllocatedPerCall(GrpcCall);
var plainBytes = await AllocatedPerCall(PlainCall);
Console.WriteLine($"payload {payloadSize} B, {rounds} rounds of {warmup}s warm-up + {seconds}s per side, {(split ? "2" : Environment.ProcessorCount)} cores, .NET {Environment.Version}");
Console.WriteLine($"Layout: {layout}.");
Console.WriteLine($"Tiering: {Tiering.Describe()}.");
Console.WriteLine("Each figure is the median round; rounds alternate which side runs first, to spread the noise of a shared machine.");
Console.WriteLine($"Allocated per call ({(split ? "client + server" : "client and server together")}): gRPC {grpcBytes}, plain {plainBytes}"
    + (raw ? $", raw→gRPC server {await AllocatedPerCall(RawGrpcCall)}." : "."));
Console.WriteLine($"CPU µs per call of the median round: {(split ? "client process + server process" : "the whole process")}.");
Console.WriteLine();
Console.WriteLine("Spread: (slowest − fastest round) ÷ median round, gRPC / plain: how steady the layout is.");
Console.WriteLine();
Console.WriteLine("| callers | gRPC calls/s | gRPC p50 µs | gRPC p99 µs | gRPC CPU µs | plain calls/s | plain p50 µs | plain p99 µs | plain CPU µs | ratio | spread |"
    + (raw ? " raw→gRPC server calls/s |" : ""));
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (raw ? "---:|" : ""));
foreach (var count in callers)
{
    var grpcRuns = new List<Load.Result>();
    var plainRuns = new List<Load.Result>();
    var rawRuns = new List<Load.Result>();
    for (var round = 0; round < rounds; round++)
    {
        if (round % 2 == 0)
        {
            grpcRuns.Add(await Run("grpc", count, GrpcCall));
            plainRuns.Add(await Run("plain", count, PlainCall));
        }
        else
        {
            plainRuns.Add(await Run("plain", count, PlainCall));
            grpcRuns.Add(await Run("grpc", count, GrpcCall));
        }
        if (raw) rawRuns.Add(await Run("raw", count, RawGrpcCall));
    }
    var grpc = Median(grpcRuns);
    var http = Median(plainRuns);
    Console.WriteLine($"| {count} | {grpc.CallsPerSecond:F0} | {grpc.P50Micros:F0} | {grpc.P99Micros:F0} | {Cpu(grpc)} | {http.CallsPerSecond:F0} | {http.P50Micros:F0} | {http.P99Micros:F0} | {Cpu(http)} | {grpc.CallsPerSecond / http.CallsPerSecond:F2} | {Spread(grpcRuns):P0} / {Spread(plainRuns):P0} |"
        + (raw ? $" {Median(rawRuns).CallsPerSecond:F0} |" : ""));
}

if (app is not null) await app.StopAsync();
return 0;

static Load.Result Median(List<Load.Result> runs) => runs.OrderBy(r => r.CallsPerSecond).ElementAt(runs.Count / 2);

static double Spread(List<Load.Result> runs) =>
    (runs.Max(r => r.CallsPerSecond) - runs.Min(r => r.CallsPerSecond)) / Median(runs).CallsPerSecond;

double Argument(string name, double fallback) => double.Parse(ArgumentText(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);

string ArgumentText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
