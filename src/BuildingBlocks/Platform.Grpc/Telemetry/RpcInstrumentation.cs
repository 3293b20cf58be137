using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Grpc.Telemetry;

/// <summary>The activity source and duration histograms, with OpenTelemetry's RPC attribute names.</summary>
internal static class RpcInstrumentation
{
    public const string RpcSystem = "rpc.system";
    public const string RpcService = "rpc.service";
    public const string RpcMethod = "rpc.method";
    public const string RpcStatusCode = "rpc.grpc.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string Grpc = "grpc";

    public static readonly ActivitySource Source = new(GrpcTelemetry.Name, "1.0.0");

    private static readonly Meter Meter = new(GrpcTelemetry.Name, "1.0.0");

    private static readonly Histogram<double> ServerDuration =
        Meter.CreateHistogram<double>(GrpcTelemetry.ServerDurationMetric, "ms", "Duration of inbound RPCs.");

    private static readonly Histogram<double> ClientDuration =
        Meter.CreateHistogram<double>(GrpcTelemetry.ClientDurationMetric, "ms", "Duration of outbound RPCs.");

    /// <summary>Whether a client call needs its start time: only when someone listens to the duration metric.</summary>
    public static bool ClientDurationEnabled => ClientDuration.Enabled;

    /// <summary>Whether a server call needs its start time: only when someone listens to the duration metric.</summary>
    public static bool ServerDurationEnabled => ServerDuration.Enabled;

    public static void RecordServer(MethodNames method, StatusCode status, long startTimestamp) =>
        Record(ServerDuration, method, status, startTimestamp);

    public static void RecordClient(MethodNames method, StatusCode status, long startTimestamp) =>
        Record(ClientDuration, method, status, startTimestamp);

    /// <summary>Ends an activity with the status code, marking it as an error the way the OTel RPC conventions do.</summary>
    public static void Stop(Activity? activity, StatusCode status, bool server)
    {
        if (activity is null) return;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(RpcStatusCode, (int)status);
            if (IsError(status, server)) activity.SetStatus(ActivityStatusCode.Error);
        }
        activity.Stop();
    }

    private static bool IsError(StatusCode status, bool server) => server
        ? status is StatusCode.Unknown or StatusCode.DeadlineExceeded or StatusCode.Unimplemented or StatusCode.Internal
            or StatusCode.Unavailable or StatusCode.DataLoss
        : status != StatusCode.OK;

    private static void Record(Histogram<double> histogram, MethodNames method, StatusCode status, long startTimestamp)
    {
        // A start of 0: nobody listened when the call started (the clock was not read), so there is no duration.
        if (!histogram.Enabled || startTimestamp == 0) return;
        var tags = new TagList
        {
            { RpcSystem, Grpc },
            { RpcService, method.Service },
            { RpcMethod, method.Method },
            { RpcStatusCode, (int)status },
        };
        histogram.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
    }
}
