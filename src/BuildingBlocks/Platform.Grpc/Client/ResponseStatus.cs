using System.Net;
using System.Net.Http.Headers;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>Reads status and metadata from response headers and trailers.</summary>
internal static class ResponseStatus
{
    /// <summary>
    /// The status when the headers already end the call (an HTTP error or Trailers-Only), else null with the response's
    /// <c>grpc-encoding</c>.
    /// </summary>
    public static Status? FromHeaders(HttpResponseMessage response, out string? encoding)
    {
        encoding = null;
        if (response.StatusCode != HttpStatusCode.OK)
            return new Status(FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}.");
        // One pass over the few response headers (usually date and server) instead of a lookup per name: each lookup
        // by string name parses and validates that name again.
        var hasStatus = false;
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            if (Is(name, GrpcHeaders.Status)) hasStatus = true;
            else if (Is(name, GrpcHeaders.Encoding)) encoding = values.ToString();
        }
        if (hasStatus) return Read(response.Headers);
        var contentType = response.Content.Headers.NonValidated.TryGetValues(GrpcHeaders.ContentType, out var types) ? types.ToString() : null;
        if (!GrpcHeaders.IsGrpcContentType(contentType))
            return new Status(StatusCode.Internal, $"Bad gRPC response. Content-Type '{contentType}' is not application/grpc.");
        return null;
    }

    public static Status Read(HttpHeaders headers)
    {
        // NonValidated: no parsing or allocation beyond the strings the connection already produced; one pass, as the
        // trailers of a successful call hold grpc-status alone.
        string? code = null;
        string? message = null;
        foreach (var (name, values) in headers.NonValidated)
        {
            if (Is(name, GrpcHeaders.Status)) code = values.ToString();
            else if (Is(name, GrpcHeaders.Message)) message = values.ToString();
        }
        if (code is null) return new Status(StatusCode.Internal, "The response has no grpc-status.");
        if (code == "0" && message is null) return Status.Ok;
        if (!int.TryParse(code, out var value) || value < 0)
            return new Status(StatusCode.Unknown, $"The response has an invalid grpc-status '{code}'.");
        return new Status((StatusCode)value, message is null ? "" : PercentEncoding.Decode(message));
    }

    private static bool Is(string name, string header) => name.Equals(header, StringComparison.OrdinalIgnoreCase);

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
