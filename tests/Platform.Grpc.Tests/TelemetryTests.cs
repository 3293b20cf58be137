using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Grpc.Telemetry;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Activities and metrics with the OpenTelemetry RPC names; the trace crosses from client to server.</summary>
public sealed class TelemetryTests(ServerFixture fixture)
{
    private static readonly ActivitySource TestSource = new("Platform.Grpc.Tests");

    [Fact]
    public async Task Client_and_server_activities_share_the_trace_and_carry_rpc_attributes()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is GrpcTelemetry.Name or "Platform.Grpc.Tests" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId traceId;
        using (var root = TestSource.StartActivity("test"))
        {
            traceId = root!.TraceId;
            await Assert.ThrowsAsync<RpcException>(() => fixture.Client.UnaryAsync(new EchoRequest { Behavior = "notfound" }));
        }

        var ours = stopped.Where(a => a.TraceId == traceId && a.Source.Name == GrpcTelemetry.Name).ToList();
        var client = Assert.Single(ours, a => a.Kind == ActivityKind.Client);
        var server = Assert.Single(ours, a => a.Kind == ActivityKind.Server);
        Assert.Equal("platform.test.v1.Echo/Unary", client.DisplayName);
        // The server span's parent is our client span, or ASP.NET Core's request span whose parent is our client span.
        Assert.True(server.ParentSpanId == client.SpanId
            || stopped.Any(a => a.SpanId == server.ParentSpanId && a.ParentSpanId == client.SpanId), "the server span does not descend from the client span");
        foreach (var activity in new[] { client, server })
        {
            Assert.Equal("grpc", activity.GetTagItem("rpc.system"));
            Assert.Equal("platform.test.v1.Echo", activity.GetTagItem("rpc.service"));
            Assert.Equal("Unary", activity.GetTagItem("rpc.method"));
            Assert.Equal((int)StatusCode.NotFound, activity.GetTagItem("rpc.grpc.status_code"));
        }
        Assert.Equal("127.0.0.1", client.GetTagItem("server.address"));
        Assert.Equal(fixture.Server.Address.Port, client.GetTagItem("server.port"));
        Assert.Equal(ActivityStatusCode.Error, client.Status);
        Assert.Equal(ActivityStatusCode.Unset, server.Status); // NOT_FOUND is the caller's problem, not the server's
    }

    [Fact]
    public async Task A_traceparent_in_the_request_metadata_becomes_the_server_span_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == GrpcTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();
        using var raw = new RawGrpc(fixture.Server.Address);

        await raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest())],
            new Dictionary<string, string> { ["traceparent"] = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" });

        Assert.Single(stopped, a => a.TraceId == traceId && a.Kind == ActivityKind.Server);
    }

    [Fact]
    public async Task Durations_are_recorded_for_both_sides()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GrpcTelemetry.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        using var call = fixture.Client.ServerStream(new EchoRequest { Text = "m", Count = 1 });
        while (await call.ResponseStream.MoveNextAsync()) { }

        foreach (var name in new[] { GrpcTelemetry.ClientDurationMetric, GrpcTelemetry.ServerDurationMetric })
            Assert.Contains(measurements, m => m.Name == name && m.Value >= 0
                && (string?)m.Tags["rpc.system"] == "grpc" && (string?)m.Tags["rpc.method"] == "ServerStream"
                && (int?)m.Tags["rpc.grpc.status_code"] == 0);
    }
}
