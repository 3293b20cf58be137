using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>Requests that are not gRPC at all get a plain HTTP answer before a call exists.</summary>
internal static class ProtocolGuard
{
    public static bool Accept(HttpContext http, ILogger logger)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            ServerLog.RequestRejected(logger, request.Path, "gRPC needs HTTP/2");
            http.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Response.Headers.Upgrade = "h2c";
            http.Response.Headers[GrpcHeaders.Status] = "13";
            http.Response.Headers[GrpcHeaders.Message] = "gRPC requires HTTP/2.";
            return false;
        }
        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            ServerLog.RequestRejected(logger, request.Path, "content-type is not application/grpc");
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers[GrpcHeaders.Status] = "13";
            http.Response.Headers[GrpcHeaders.Message] = PercentEncoding.Encode("Content-Type '" + request.ContentType + "' is not supported.");
            return false;
        }
        return true;
    }
}
