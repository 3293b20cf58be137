using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Grpc;
using Platform.Hosting.Local;

namespace Platform.Cli.Tests.Fakes;

/// <summary>Fake Identity and Keys gRPC services on one free port (h2c), as the CLI reaches the real ones.</summary>
public sealed class FakeServer(WebApplication app, string address, FakeState state) : IAsyncDisposable
{
    public string Address => address;

    public FakeState State => state;

    public static async Task<FakeServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
        var state = new FakeState();
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpcServer();
        builder.Services.AddSingleton<IBearerAuthenticator, AnyBearer>();
        var app = builder.Build();
        app.MapGrpcService<FakeKeys>();
        app.MapGrpcService<FakeIssuer>();
        app.MapGrpcService<FakeOrganizations>();
        app.MapGrpcService<FakeAudit>();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new FakeServer(app, $"http://localhost:{port}", state);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
