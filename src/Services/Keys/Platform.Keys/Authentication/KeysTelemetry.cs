using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Keys.Authentication;

/// <summary>The Keys service's own meter: <c>AddMeter(KeysTelemetry.Name)</c>.</summary>
public static class KeysTelemetry
{
    public const string Name = "Platform.Keys";
    public const string AuthenticateDurationMetric = "platform.keys.authenticate.duration";

    private static readonly Meter Meter = new(Name);

    /// <summary>The Authenticate handler alone (cache or database, checks), without transport and bearer validation.</summary>
    private static readonly Histogram<double> AuthenticateDuration =
        Meter.CreateHistogram<double>(AuthenticateDurationMetric, "ms", "Duration of Authenticate's work inside the handler.");

    public static void RecordAuthenticate(long startTimestamp, bool accepted)
    {
        if (!AuthenticateDuration.Enabled) return;
        AuthenticateDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, new KeyValuePair<string, object?>("accepted", accepted));
    }
}
