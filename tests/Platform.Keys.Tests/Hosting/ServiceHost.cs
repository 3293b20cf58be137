using Microsoft.AspNetCore.Builder;
using Platform.Grpc;
using Platform.Testing;

namespace Platform.Keys.Tests.Hosting;

/// <summary>One running service (Identity or Keys) on free ports, with its logs captured.</summary>
public sealed class ServiceHost(WebApplication app, string grpcAddress, LogCapture logs) : IAsyncDisposable
{
    public WebApplication App => app;
    public string GrpcAddress => grpcAddress;
    public LogCapture Logs => logs;
    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress(grpcAddress);
    public IServiceProvider Services => app.Services;

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
