namespace Platform.Grpc;

/// <summary>A unary response with the metadata that came with it.</summary>
public sealed record GrpcResponse<TResponse>(TResponse Message, Metadata Headers, Metadata Trailers);
