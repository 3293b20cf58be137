using Platform.Testing;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Grpc.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port, cleartext HTTP/2, with Echo, health and reflection mapped.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, LogCapture logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public Uri Address { get; }

    /// <summary><c>127.0.0.1:port</c>, the form grpc-js takes.</summary>
    public string HostAndPort => $"{Address.Host}:{Address.Port}";

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public ServerIdentity Identity => Services.GetRequiredService<ServerIdentity>();

    public CallObserver Observer => Services.GetRequiredService<CallObserver>();

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    public static async Task<TestServer> StartAsync(string name = "a", Action<IServiceCollection>? services = null,
        Action<GrpcServerOptions>? options = null, Action<WebApplication>? map = null, bool mapEcho = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer(o =>
        {
            o.MapException<TeapotException>(StatusCode.FailedPrecondition);
            options?.Invoke(o);
        });
        builder.Services.AddSingleton(new ServerIdentity(name));
        builder.Services.AddSingleton<CallObserver>();
        builder.Services.AddSingleton<IBearerAuthenticator, AliceAuthenticator>();
        builder.Services.AddSingleton<IBearerAuthenticator, BobAuthenticator>();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        if (mapEcho) app.MapGrpcService<EchoService>();
        app.MapGrpcHealth();
        app.MapGrpcReflection();
        map?.Invoke(app);
        await app.StartAsync();
        return new TestServer(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
