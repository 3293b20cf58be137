
namespace Platform.Grpc.Bench;

/// <summary>The gRPC side: echoes the payload, as the plain endpoint does.</summary>
[GrpcService(typeof(BenchReflection), "platform.bench.v1.Bench")]
public sealed class BenchService
{
    public Task<BenchReply> Echo(BenchRequest request, ServerCallContext context) =>
        Task.FromResult(Reply.For(request));
}

public static class Reply
{
    public static BenchReply For(BenchRequest request) =>
        new() { Id = request.Id, Payload = request.Payload, ServedAt = DateTime.UtcNow.Ticks };
}
