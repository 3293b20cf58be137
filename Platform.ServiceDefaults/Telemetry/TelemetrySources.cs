namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The ActivitySources and Meters a service listens to. No instrumentation packages are needed: ASP.NET Core,
/// HttpClient, Npgsql and MassTransit emit through their own sources and meters, so subscribing by name is enough.
/// </summary>
public static class TelemetrySources
{
    public static readonly string[] Traces =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
        "MassTransit",
        "Platform.Grpc",
        "Platform.EventStore",
        "Platform.Messaging",
    ];

    public static readonly string[] Metrics =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "Npgsql",
        "MassTransit",
        "Platform.Grpc",
        "Platform.EventStore",
        "Platform.Messaging",
    ];
}
