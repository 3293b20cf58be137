using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Local;
using Platform.Testing.Telemetry.Otlp;

namespace Platform.Testing.Telemetry;

/// <summary>
/// A small OTLP collector for tests: OTLP/HTTP (protobuf) on one port and OTLP/gRPC (cleartext HTTP/2) on another.
/// It decodes trace exports and keeps their spans; log and metric exports are accepted and counted.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string GrpcTracePath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly WebApplication _app;
    private int _otherExports;

    private OtlpReceiver(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpEndpoint = $"http://127.0.0.1:{httpPort}";
        GrpcEndpoint = $"http://127.0.0.1:{grpcPort}";
    }

    /// <summary>Base URL for <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c> (the exporter appends /v1/traces).</summary>
    public string HttpEndpoint { get; }

    /// <summary>URL for <c>OTEL_EXPORTER_OTLP_PROTOCOL=grpc</c>.</summary>
    public string GrpcEndpoint { get; }

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    public int OtherExports => Volatile.Read(ref _otherExports);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.ListenLocalhost(grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, httpPort, grpcPort);
        // A service under test in this process listens to every ASP.NET Core activity, ours too: keep ours out of its exports.
        app.Use((context, next) =>
        {
            if (Activity.Current is { } activity) activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            return next(context);
        });
        app.MapPost("/v1/traces", receiver.ReceiveHttpAsync);
        app.MapPost(GrpcTracePath, receiver.ReceiveGrpcAsync);
        app.MapPost("/v1/{signal}", receiver.CountHttp);
        app.MapPost("/opentelemetry.proto.collector.{signal}/Export", receiver.CountGrpcAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits (polling, with a hang guard) until a span matching <paramref name="match"/> has arrived.</summary>
    public async Task<ReceivedSpan> WaitForSpanAsync(Func<ReceivedSpan, bool> match, TimeSpan hangGuard, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + hangGuard;
        while (true)
        {
            if (_spans.FirstOrDefault(match) is { } span) return span;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching span within {hangGuard.TotalSeconds:0} s; received: " +
                                           string.Join(", ", _spans.Select(s => $"{s.ServiceName}/{s.Name}").Distinct().Take(30)));
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<IResult> ReceiveHttpAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        Keep(ExportTraceServiceRequest.Parser.ParseFrom(body.ToArray()), "http/protobuf");
        return Results.Bytes([], "application/x-protobuf");
    }

    private async Task ReceiveGrpcAsync(HttpContext context)
    {
        Keep(ExportTraceServiceRequest.Parser.ParseFrom(await ReadGrpcMessageAsync(context.Request)), "grpc");
        await AnswerGrpcAsync(context);
    }

    private IResult CountHttp(string signal)
    {
        Interlocked.Increment(ref _otherExports);
        return Results.Bytes([], "application/x-protobuf");
    }

    private async Task CountGrpcAsync(HttpContext context, string signal)
    {
        await ReadGrpcMessageAsync(context.Request);
        Interlocked.Increment(ref _otherExports);
        await AnswerGrpcAsync(context);
    }

    private void Keep(ExportTraceServiceRequest request, string protocol)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = resourceSpans.Resource?.Attributes.ToDictionary(a => a.Key, a => Text(a.Value)) ?? [];
            foreach (var scope in resourceSpans.ScopeSpans)
            foreach (var span in scope.Spans)
                _spans.Enqueue(new ReceivedSpan(span.Name, scope.Scope?.Name ?? "", resource, protocol));
        }
    }

    private static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    /// <summary>A unary gRPC request body is one length-prefixed message (flag byte, 4-byte big-endian length).</summary>
    private static async Task<byte[]> ReadGrpcMessageAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var bytes = body.ToArray();
        if (bytes.Length < 5 || bytes[0] != 0) throw new InvalidDataException("Expected one uncompressed gRPC message.");
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1, 4));
        return bytes.AsSpan(5, length).ToArray();
    }

    /// <summary>An empty Export response message, then status OK in the trailers.</summary>
    private static async Task AnswerGrpcAsync(HttpContext context)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.DeclareTrailer("grpc-status");
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
