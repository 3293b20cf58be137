using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Endpoints;
using Platform.ServiceDefaults.Grpc;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every platform service shares, in the shape of an Aspire app's ServiceDefaults: telemetry, health
/// checks, the two Kestrel endpoints, gRPC hosting (server, JWT bearer authentication, health, reflection).
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>OpenTelemetry (traces, metrics, logs), health checks for the configured database(s) and broker, endpoints.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureServiceEndpoints();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddGrpcDefaults();
        return builder;
    }

    /// <summary><c>/alive</c> (the process) and <c>/health</c> (its dependencies too), on the HTTP/1.1 endpoint only.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapGrpcDefaults();
        return app;
    }
}
