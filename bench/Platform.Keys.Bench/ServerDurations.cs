using System.Diagnostics.Metrics;
using Platform.Grpc;
using Platform.Keys.Authentication;

namespace Platform.Keys.Bench;

/// <summary>
/// The service's own measures of each Authenticate call, read with a MeterListener while recording:
/// <c>rpc.server.duration</c> (from the request's arrival to the end of the response, including bearer validation
/// and protobuf) and <c>platform.keys.authenticate.duration</c> (the handler's work alone).
/// </summary>
public sealed class ServerDurations : IDisposable
{
    private readonly MeterListener _listener = new();

    public ServerDurations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name, instrument.Name) is (GrpcTelemetry.Name, GrpcTelemetry.ServerDurationMetric)
                or (KeysTelemetry.Name, KeysTelemetry.AuthenticateDurationMetric))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, milliseconds, tags, _) =>
        {
            if (instrument.Name == KeysTelemetry.AuthenticateDurationMetric)
            {
                Handler?.Add(milliseconds * 1000);
                return;
            }
            foreach (var tag in tags)
                if (tag.Key == "rpc.method" && (string?)tag.Value == "Authenticate") Rpc?.Add(milliseconds * 1000);
        });
        _listener.Start();
    }

    /// <summary>Where rpc.server.duration of Authenticate goes now (null: dropped, e.g. during warm-up).</summary>
    public Latencies? Rpc { get; set; }

    /// <summary>Where the handler's own duration goes now.</summary>
    public Latencies? Handler { get; set; }

    public void Dispose() => _listener.Dispose();
}
