using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grpc.Reflection;

namespace Platform.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of the proto service <typeparamref name="TService"/> declares with <see cref="GrpcServiceAttribute"/>.
    /// Throws when the class and the proto disagree, so the application fails at start-up.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder endpoints) where TService : class
    {
        var runtime = endpoints.ServiceProvider.GetService<GrpcServerRuntime>()
            ?? throw new InvalidOperationException("Call services.AddGrpcServer() before mapping gRPC services.");
        var (service, methods) = ServiceBinder.Bind(typeof(TService));
        var registered = endpoints.ServiceProvider.GetRequiredService<IServiceProviderIsService>().IsService(typeof(TService));
        var activator = new ServiceActivator<TService>(registered);
        var registry = endpoints.ServiceProvider.GetRequiredService<GrpcServiceRegistry>();
        registry.Add(service);
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var (proto, handler) in methods)
        {
            var method = ServerMethodFactory.Create(proto, handler, runtime, activator);
            builders.Add(endpoints.Map(RoutePatternFactory.Parse(method.Names.Path), method.HandleAsync)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]), GrpcRouteMetadata.Method)
                .WithDisplayName($"gRPC {method.Names.Path}"));
        }
        MapUnimplemented(endpoints, registry);
        return new CompositeConventionBuilder(builders);
    }

    /// <summary>Maps <c>grpc.health.v1.Health</c> (Check and Watch), answering from the ASP.NET Core health checks.</summary>
    public static IEndpointConventionBuilder MapGrpcHealth(this IEndpointRouteBuilder endpoints)
    {
        var builder = endpoints.MapGrpcService<HealthService>();
        var health = endpoints.ServiceProvider.GetRequiredService<GrpcHealth>();
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping.Register(health.MarkStopping);
        return builder;
    }

    /// <summary>Maps server reflection, <c>grpc.reflection.v1</c> and <c>v1alpha</c>, over every mapped service.</summary>
    public static IEndpointConventionBuilder MapGrpcReflection(this IEndpointRouteBuilder endpoints) =>
        new CompositeConventionBuilder([endpoints.MapGrpcService<ReflectionServiceV1>(), endpoints.MapGrpcService<ReflectionServiceV1Alpha>()]);

    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        if (registry.FallbackMapped) return;
        registry.FallbackMapped = true;
        endpoints.Map(UnimplementedMethod.Pattern, UnimplementedMethod.HandleAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]), GrpcRouteMetadata.Unimplemented)
            .WithDisplayName("gRPC unimplemented")
            .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders) builder.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders) builder.Finally(finallyConvention);
        }
    }
}
