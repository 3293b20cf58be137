namespace Platform.Grpc;

/// <summary>Endpoint metadata marking our two kinds of gRPC route, for <see cref="UnimplementedFallbackPolicy"/>.</summary>
internal sealed class GrpcRouteMetadata
{
    /// <summary>A mapped method: <c>/package.Service/Method</c>, all literal.</summary>
    public static readonly GrpcRouteMetadata Method = new();

    /// <summary>The UNIMPLEMENTED fallback <c>/{service}/{method}</c>.</summary>
    public static readonly GrpcRouteMetadata Unimplemented = new();

    private GrpcRouteMetadata()
    {
    }
}
