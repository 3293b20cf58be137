using Platform.EventStore.Audit;
using Platform.Grpc;
using Platform.Keys.Grpc;

namespace Platform.Keys;

/// <summary>The Keys service as a callable entry, so tests and benchmarks host it in-process (several instances too).</summary>
public static class KeysApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = PlatformApplication.Build(args, configure, builder => builder.AddApplicationServices());
        app.MapGrpcService<KeysService>();
        app.MapGrpcService<AuditService>();
        return app;
    }
}
