namespace Platform.Grpc.Framing;

// Header names and fixed values of the protocol, as constants so the hot path allocates no strings.
internal static class GrpcHeaders
{
    public const string ContentType = "content-type";
    public const string GrpcContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Authorization = "authorization";
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string UserAgent = "user-agent";
    public const string Te = "te";
    public const string Trailers = "trailers";
    public const string Identity = "identity";

    /// <summary>True for <c>application/grpc</c>, <c>application/grpc+proto</c>, <c>application/grpc;…</c>; false for grpc-web.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(GrpcContentType, StringComparison.OrdinalIgnoreCase)) return false;
        return contentType.Length == GrpcContentType.Length || contentType[GrpcContentType.Length] is '+' or ';';
    }

    /// <summary>Headers that belong to the protocol or to HTTP (Kestrel adds date and server) and are not surfaced as metadata.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) && !name.Equals(StatusDetails, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(':')
        || name.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Te, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("server", StringComparison.OrdinalIgnoreCase)
        || name.Equals(Authorization, StringComparison.OrdinalIgnoreCase);
}
