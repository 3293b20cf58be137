using System.Diagnostics.Metrics;
using Platform.Grpc;

namespace Platform.Keys.Bench;

/// <summary>
/// The service's own measure of each Authenticate call (<c>rpc.server.duration</c>: from the request's arrival to the
/// end of the response, including bearer validation and protobuf), read with a MeterListener while recording.
/// </summary>
public sealed class ServerDurations : IDisposable
{
    private readonly MeterListener _listener = new();

    public ServerDurations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrpcTelemetry.Name && instrument.Name == GrpcTelemetry.ServerDurationMetric) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, milliseconds, tags, _) =>
        {
            if (Current is not { } sink) return;
            foreach (var tag in tags)
                if (tag.Key == "rpc.method" && (string?)tag.Value == "Authenticate") sink.Add(milliseconds * 1000);
        });
        _listener.Start();
    }

    /// <summary>Where measurements go now (null: dropped, e.g. during warm-up).</summary>
    public Latencies? Current { get; set; }

    public void Dispose() => _listener.Dispose();
}
