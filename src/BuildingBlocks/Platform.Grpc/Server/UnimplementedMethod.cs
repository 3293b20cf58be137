using Microsoft.AspNetCore.Http;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>The lowest-priority route <c>POST /{service}/{method}</c>: a gRPC call to a method nobody mapped is UNIMPLEMENTED.</summary>
internal static class UnimplementedMethod
{
    public const string Pattern = "/{service}/{method}";

    public static Task HandleAsync(HttpContext http)
    {
        if (!GrpcHeaders.IsGrpcContentType(http.Request.ContentType) || !HttpProtocol.IsHttp2(http.Request.Protocol))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        // Trailers-Only: a single HEADERS frame carrying the status.
        var headers = http.Response.Headers;
        headers.ContentType = GrpcHeaders.GrpcContentType;
        headers[GrpcHeaders.Status] = "12";
        headers[GrpcHeaders.Message] = PercentEncoding.Encode($"Method {http.Request.Path} is unimplemented.");
        return Task.CompletedTask;
    }
}
