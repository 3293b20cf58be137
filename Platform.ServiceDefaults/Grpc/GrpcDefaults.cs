using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Grpc;

/// <summary>
/// The one place where gRPC hosting joins the defaults. The Kestrel endpoint named <c>grpc</c> (cleartext
/// HTTP/2) is already configured by <see cref="Endpoints.ServiceEndpoints"/>; the server itself comes with Platform.Grpc.
/// </summary>
internal static class GrpcDefaults
{
    public static void AddGrpcDefaults(this IHostApplicationBuilder builder)
    {
        // GRPC-MERGE: once Platform.Grpc is referenced, register the server here:
        //   builder.Services.AddGrpcServer();
        _ = builder;
    }

    public static void MapGrpcDefaults(this WebApplication app)
    {
        // GRPC-MERGE: once Platform.Grpc is referenced, map the standard services here:
        //   app.MapGrpcHealth();
        //   app.MapGrpcReflection();
        _ = app;
    }
}
