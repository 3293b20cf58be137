using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Grpc.Bench;

/// <summary>One Kestrel HTTP/2 listener with both sides on it: our gRPC service and the plain endpoint.</summary>
public static class BenchServer
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer();
        var app = builder.Build();
        app.MapGrpcService<BenchService>();
        app.MapPost(PlainEndpoint.Path, PlainEndpoint.HandleAsync);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    /// <summary>
    /// <c>--serve</c>: the server alone in its own process. Prints <c>address &lt;url&gt;</c>, answers <c>alloc</c> on
    /// stdin with the bytes this process allocated so far, and stops when stdin closes.
    /// </summary>
    public static async Task ServeAsync()
    {
        var (app, address) = await StartAsync();
        Console.WriteLine($"address {address}");
        while (await Console.In.ReadLineAsync() is { } command)
            if (command == "alloc") Console.WriteLine(GC.GetTotalAllocatedBytes(precise: true));
        await app.StopAsync();
    }
}
