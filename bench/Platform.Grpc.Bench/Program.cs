using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Grpc;
using Platform.Grpc.Bench;

// Unary calls per second and latency: our gRPC client against our gRPC server, and the same payload through a plain
// Kestrel HTTP/2 endpoint with HttpClient, in one process, at several numbers of concurrent callers.
// Usage: dotnet run -c Release --project bench/Platform.Grpc.Bench -- [--seconds 5] [--warmup 2] [--rounds 3] [--payload 128]
//        [--callers 1,16,64] [--raw]
var seconds = Argument("--seconds", 5.0);
var warmup = Argument("--warmup", 2.0);
var payloadSize = (int)Argument("--payload", 128);
var callers = ArgumentText("--callers", "1,16,64").Split(',').Select(int.Parse).ToArray();
var rounds = (int)Argument("--rounds", 3);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpcServer();
var app = builder.Build();
app.MapGrpcService<BenchService>();
app.MapPost(PlainEndpoint.Path, PlainEndpoint.HandleAsync);
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

using var channel = GrpcChannel.ForAddress(address);
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

// --only grpc|plain: one side alone for --seconds, to attach a profiler (dotnet-trace) to a clean load.
if (ArgumentText("--only", "") is { Length: > 0 } only)
{
    var alone = await Load.RunAsync(only, callers[0], TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), only == "grpc" ? GrpcCall : PlainCall);
    Console.WriteLine($"{only}: {alone.CallsPerSecond:F0} calls/s, p50 {alone.P50Micros:F0} µs, p99 {alone.P99Micros:F0} µs, CPU {alone.CpuMicrosPerCall:F1} µs/call");
    return 0;
}

// Bytes allocated per call, client and server together (one process), measured over sequential calls.
async Task<double> AllocatedPerCall(Func<Task> call)
{
    for (var i = 0; i < 2000; i++) await call();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    for (var i = 0; i < 5000; i++) await call();
    return (GC.GetTotalAllocatedBytes(precise: true) - before) / 5000.0;
}
var grpcBytes = await AllocatedPerCall(GrpcCall);
var plainBytes = await AllocatedPerCall(PlainCall);
Console.WriteLine($"payload {payloadSize} B, {rounds} rounds of {warmup}s warm-up + {seconds}s per side, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("Each figure is the median round; rounds alternate which side runs first, to spread the noise of a shared machine.");
Console.WriteLine($"Allocated per call (client + server): gRPC {grpcBytes:F0} B, plain {plainBytes:F0} B"
    + (raw ? $", raw→gRPC server {await AllocatedPerCall(RawGrpcCall):F0} B." : "."));
Console.WriteLine();
Console.WriteLine("| callers | gRPC calls/s | gRPC p50 µs | gRPC p99 µs | plain calls/s | plain p50 µs | plain p99 µs | ratio |" + (raw ? " raw→gRPC server calls/s |" : ""));
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|" + (raw ? "---:|" : ""));
foreach (var count in callers)
{
    var grpcRuns = new List<Load.Result>();
    var plainRuns = new List<Load.Result>();
    var rawRuns = new List<Load.Result>();
    for (var round = 0; round < rounds; round++)
    {
        Task<Load.Result> Run(string name, Func<Task> call) => Load.RunAsync(name, count, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), call);
        if (round % 2 == 0)
        {
            grpcRuns.Add(await Run("grpc", GrpcCall));
            plainRuns.Add(await Run("plain", PlainCall));
        }
        else
        {
            plainRuns.Add(await Run("plain", PlainCall));
            grpcRuns.Add(await Run("grpc", GrpcCall));
        }
        if (raw) rawRuns.Add(await Run("raw", RawGrpcCall));
    }
    var grpc = Median(grpcRuns);
    var http = Median(plainRuns);
    Console.WriteLine($"| {count} | {grpc.CallsPerSecond:F0} | {grpc.P50Micros:F0} | {grpc.P99Micros:F0} | {http.CallsPerSecond:F0} | {http.P50Micros:F0} | {http.P99Micros:F0} | {grpc.CallsPerSecond / http.CallsPerSecond:F2} |"
        + (raw ? $" {Median(rawRuns).CallsPerSecond:F0} |" : ""));
}

await app.StopAsync();
return 0;

static Load.Result Median(List<Load.Result> runs) => runs.OrderBy(r => r.CallsPerSecond).ElementAt(runs.Count / 2);

double Argument(string name, double fallback) => double.Parse(ArgumentText(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);

string ArgumentText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
