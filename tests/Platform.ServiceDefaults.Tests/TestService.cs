using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Local;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A service built the way every platform service is (<c>AddServiceDefaults</c>, <c>MapDefaultEndpoints</c>), on free
/// http and grpc ports, configured only through the names the AppHost injects; <c>/work</c> does traced work of its own.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public const string WorkSpanName = "probe.work";
    private readonly WebApplication _app;

    private TestService(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public int HttpPort { get; }
    public int GrpcPort { get; }
    public IConfiguration Configuration => _app.Configuration;

    public static async Task<TestService> StartAsync(string serviceName, IDictionary<string, string?> settings)
    {
        var (httpPort, grpcPort) = (FreePort.Next(), FreePort.Next());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["OTEL_SERVICE_NAME"] = serviceName,
            ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
        });
        builder.AddServiceDefaults();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        var source = new ActivitySource(serviceName);
        app.MapGet("/work", () =>
        {
            using var activity = source.StartActivity(WorkSpanName);
            return Results.Ok();
        });
        await app.StartAsync();
        return new TestService(app, httpPort, grpcPort);
    }

    public static HttpClient Http1() => new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Cleartext HTTP/2 with prior knowledge, as a gRPC client speaks to the grpc endpoint.</summary>
    public static HttpClient Http2() => new()
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
