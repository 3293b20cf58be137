using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The OpenTelemetry SDK from its core package (no Extensions.Hosting): the tracer and meter providers are DI
/// singletons created when the host starts (<see cref="TelemetryLifetime"/>) and disposed, which flushes them, with it.
/// Exporter settings come from the standard <c>OTEL_EXPORTER_OTLP_*</c> names in the host's configuration.
/// </summary>
internal static class TelemetryExtensions
{
    public static void ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        string[] ownNames = [serviceName, builder.Environment.ApplicationName];
        var export = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(Resource(builder.Environment.ApplicationName));
            if (export) logging.AddOtlpExporter();
        });

        builder.Services.AddSingleton(_ =>
        {
            var tracing = Sdk.CreateTracerProviderBuilder()
                .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
                .SetResourceBuilder(Resource(builder.Environment.ApplicationName))
                .AddSource([.. TelemetrySources.Traces, .. ownNames]);
            if (export) tracing.AddOtlpExporter();
            return tracing.Build();
        });
        builder.Services.AddSingleton(_ =>
        {
            var metrics = Sdk.CreateMeterProviderBuilder()
                .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
                .SetResourceBuilder(Resource(builder.Environment.ApplicationName))
                .AddMeter([.. TelemetrySources.Metrics, .. ownNames]);
            if (export) metrics.AddOtlpExporter();
            return metrics.Build();
        });
        builder.Services.AddHostedService<TelemetryLifetime>();
    }

    /// <summary>
    /// service.name is the application's name unless OTEL_RESOURCE_ATTRIBUTES or OTEL_SERVICE_NAME (which wins) say
    /// otherwise: the environment detector runs last, and later detectors override earlier ones.
    /// </summary>
    private static ResourceBuilder Resource(string applicationName) => ResourceBuilder.CreateEmpty()
        .AddService(applicationName)
        .AddTelemetrySdk()
        .AddEnvironmentVariableDetector();
}
