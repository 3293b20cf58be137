using System.Net;
using System.Net.Http.Headers;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>Reads status and metadata from response headers and trailers.</summary>
internal static class ResponseStatus
{
    /// <summary>The status when the headers already end the call (an HTTP error or Trailers-Only), else null.</summary>
    public static Status? FromHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
            return new Status(FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}.");
        if (response.Headers.NonValidated.Contains(GrpcHeaders.Status)) return Read(response.Headers);
        var contentType = response.Content.Headers.NonValidated.TryGetValues(GrpcHeaders.ContentType, out var values) ? values.ToString() : null;
        if (!GrpcHeaders.IsGrpcContentType(contentType))
            return new Status(StatusCode.Internal, $"Bad gRPC response. Content-Type '{contentType}' is not application/grpc.");
        return null;
    }

    public static Status Read(HttpHeaders headers)
    {
        // NonValidated: no parsing or allocation beyond the strings the connection already produced.
        var all = headers.NonValidated;
        if (!all.TryGetValues(GrpcHeaders.Status, out var codes))
            return new Status(StatusCode.Internal, "The response has no grpc-status.");
        var code = codes.ToString();
        if (code == "0" && !all.Contains(GrpcHeaders.Message)) return Status.Ok;
        if (!int.TryParse(code, out var value) || value < 0)
            return new Status(StatusCode.Unknown, $"The response has an invalid grpc-status '{code}'.");
        var message = all.TryGetValues(GrpcHeaders.Message, out var messages) ? PercentEncoding.Decode(messages.ToString()) : "";
        return new Status((StatusCode)value, message);
    }

    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers.NonValidated)
        {
            if (GrpcHeaders.IsReserved(name)) continue;
            MetadataEncoding.TryAdd(metadata, name, values.ToArray());
        }
        return metadata;
    }

    // The gRPC spec's mapping for responses that are not gRPC (proxies, wrong endpoints).
    private static StatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
