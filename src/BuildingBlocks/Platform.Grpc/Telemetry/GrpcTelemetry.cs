namespace Platform.Grpc;

/// <summary>Names to subscribe to: <c>AddSource(GrpcTelemetry.Name)</c> and <c>AddMeter(GrpcTelemetry.Name)</c>.</summary>
public static class GrpcTelemetry
{
    /// <summary>The name of both the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "Platform.Grpc";

    public const string ServerDurationMetric = "rpc.server.duration";

    public const string ClientDurationMetric = "rpc.client.duration";
}
