using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Grpc.Reflection;

namespace Platform.Grpc;

public static class GrpcServerServiceCollectionExtensions
{
    /// <summary>Registers the gRPC server; then map services with <c>app.MapGrpcService&lt;T&gt;()</c>.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null) options.Configure(configure);
        services.AddRouting();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, UnimplementedFallbackPolicy>());
        services.AddHealthChecks();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcServerRuntime>();
        services.TryAddSingleton<GrpcServiceRegistry>();
        services.TryAddSingleton(sp => new GrpcHealth(
            sp.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>(), sp.GetRequiredService<GrpcServiceRegistry>()));
        services.TryAddSingleton<ReflectionIndex>();
        return services;
    }
}
