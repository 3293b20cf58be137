using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Platform.Authentication;
using Platform.Grpc;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>
/// gRPC hosting in the defaults: the server (on the Kestrel endpoint named <c>grpc</c>, configured by
/// <see cref="Endpoints.ServiceEndpoints"/>), bearer JWTs accepted, and the standard health and reflection services.
/// </summary>
internal static class GrpcDefaults
{
    public static void AddGrpcDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpcServer();
        builder.AddPlatformAuthentication();
    }

    public static void MapGrpcDefaults(this WebApplication app)
    {
        app.MapGrpcHealth();
        app.MapGrpcReflection();
    }
}
