using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the providers as the host starts, so listening begins before the first request; the container
/// disposes (and so flushes) them when the host stops.
/// </summary>
internal sealed class TelemetryLifetime(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = (tracerProvider, meterProvider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Export what is buffered while the process is still whole; disposal would flush too, but later.
        tracerProvider.ForceFlush(5000);
        meterProvider.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
