using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Endpoints;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// <c>/alive</c> checks only the process (tag <c>live</c>); <c>/health</c> checks everything: one check per database
/// connection string (<c>ConnectionStrings:*db</c>) and one for the broker (<c>ConnectionStrings:messaging</c>).
/// </summary>
public static class HealthCheckExtensions
{
    public const string LiveTag = "live";
    public const string BrokerConnectionName = "messaging";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    internal static void AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy("the process is running"), [LiveTag]);

        foreach (var connection in builder.Configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (string.IsNullOrWhiteSpace(connection.Value)) continue;
            if (!connection.Key.EndsWith("db", StringComparison.OrdinalIgnoreCase)) continue;
            var (name, connectionString) = (connection.Key, connection.Value);
            // A singleton of the container, so its connection pool is disposed with the host.
            builder.Services.AddKeyedSingleton(name, (_, _) => new PostgresHealthCheck(connectionString));
            checks.Add(new HealthCheckRegistration(name, services => services.GetRequiredKeyedService<PostgresHealthCheck>(name),
                HealthStatus.Unhealthy, ["db"], CheckTimeout));
        }

        if (builder.Configuration.GetConnectionString(BrokerConnectionName) is { Length: > 0 } broker)
        {
            builder.Services.AddSingleton(services => new BrokerConnection(new Uri(broker), builder.Environment.ApplicationName));
            checks.Add(new HealthCheckRegistration(BrokerConnectionName,
                services => new RabbitMqHealthCheck(services.GetRequiredService<BrokerConnection>()), HealthStatus.Unhealthy, ["broker"], CheckTimeout));
        }
    }

    internal static void MapHealthEndpoints(this WebApplication app)
    {
        var httpPort = ServiceEndpoints.LocalPort(app.Configuration, ServiceEndpoints.Http);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
            .RequireLocalPort(httpPort).WithoutTraces();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag), ResponseWriter = HealthResponse.WriteAsync })
            .RequireLocalPort(httpPort).WithoutTraces();
    }
}
