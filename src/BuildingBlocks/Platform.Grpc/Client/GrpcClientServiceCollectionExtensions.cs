using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Platform.Grpc;

public static class GrpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="GrpcChannel"/> keyed by <paramref name="serviceName"/>, from configuration
    /// <c>services:{name}:grpc:0</c>, … Resolve it with <c>[FromKeyedServices("keys")] GrpcChannel channel</c>.
    /// </summary>
    public static IServiceCollection AddGrpcChannel(this IServiceCollection services, string serviceName, Action<GrpcChannelOptions>? configure = null)
    {
        services.TryAddKeyedSingleton(serviceName, (provider, _) =>
        {
            var options = new GrpcChannelOptions
            {
                LoggerFactory = provider.GetService<ILoggerFactory>(),
                TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
            };
            configure?.Invoke(options);
            return GrpcChannel.FromConfiguration(provider.GetRequiredService<IConfiguration>(), serviceName, options);
        });
        return services;
    }

    /// <summary>
    /// Registers a typed client (a class whose constructor takes a <see cref="GrpcChannel"/>, plus any other services)
    /// as a singleton on the channel to <paramref name="serviceName"/>.
    /// </summary>
    public static IServiceCollection AddGrpcClient<TClient>(this IServiceCollection services, string serviceName, Action<GrpcChannelOptions>? configure = null)
        where TClient : class
    {
        services.AddGrpcChannel(serviceName, configure);
        services.TryAddSingleton(provider =>
            ActivatorUtilities.CreateInstance<TClient>(provider, provider.GetRequiredKeyedService<GrpcChannel>(serviceName)));
        return services;
    }
}
