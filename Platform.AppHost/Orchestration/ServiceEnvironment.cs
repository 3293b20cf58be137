using Platform.AppHost.Model;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// The configuration a service gets, under Aspire's names only, so it runs unchanged under a real Aspire AppHost or
/// in Kubernetes: its own Kestrel endpoints, referenced connection strings and services, and OpenTelemetry settings.
/// </summary>
internal static class ServiceEnvironment
{
    public static Dictionary<string, string> For(ProjectResource project, PortPlan ports, ConnectionStrings connections, AppHostOptions options)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{ports[project, "http"]}",
            ["Kestrel__Endpoints__http__Protocols"] = "Http1",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{ports[project, "grpc"]}",
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            // The endpoints above are the service's only ones; an inherited ASPNETCORE_URLS would only add a warning.
            ["ASPNETCORE_URLS"] = "",
            ["ASPNETCORE_HTTP_PORTS"] = "",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ",
            ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = string.Join(',', new[]
            {
                $"service.instance.id={project.Name}-{Guid.NewGuid().ToString("N")[..8]}",
                Environment.GetEnvironmentVariable("OTEL_RESOURCE_ATTRIBUTES"),
            }.Where(a => !string.IsNullOrEmpty(a))),
        };

        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case PostgresDatabaseResource or RabbitMqServerResource:
                    environment[$"ConnectionStrings__{reference.Name}"] = connections[reference.Name];
                    break;
                case ProjectResource other:
                    environment[$"services__{other.Name}__http__0"] = $"http://127.0.0.1:{ports[other, "http"]}";
                    environment[$"services__{other.Name}__grpc__0"] = $"http://127.0.0.1:{ports[other, "grpc"]}";
                    break;
            }
        }

        if (options.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            if (options.OtlpProtocol is { } protocol) environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol;
            // Aspire's development settings: export every second rather than every five, so a dashboard keeps up.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        foreach (var (name, value) in project.Environment) environment[name] = value;
        return environment;
    }
}
