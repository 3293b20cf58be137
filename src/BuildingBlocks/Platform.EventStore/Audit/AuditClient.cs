using System.Runtime.CompilerServices;
using Platform.Audit.V1;
using Platform.Grpc;

namespace Platform.EventStore.Audit;

/// <summary>A typed client of any service's <c>platform.audit.v1.Audit</c>; building it checks every method against the proto.</summary>
public sealed class AuditClient
{
    private readonly UnaryMethod<ReadStreamRequest, ReadStreamResponse> _readStream;
    private readonly ServerStreamingMethod<ReadAllRequest, AuditEvent> _readAll;
    private readonly UnaryMethod<VerifyStreamRequest, VerifyStreamResponse> _verifyStream;
    private readonly ServerStreamingMethod<VerifyAllRequest, VerifyAllProgress> _verifyAll;

    public AuditClient(GrpcChannel channel)
    {
        var client = new GrpcClient(channel, AuditReflection.Descriptor, "platform.audit.v1.Audit");
        _readStream = client.Unary<ReadStreamRequest, ReadStreamResponse>("ReadStream");
        _readAll = client.ServerStreaming<ReadAllRequest, AuditEvent>("ReadAll");
        _verifyStream = client.Unary<VerifyStreamRequest, VerifyStreamResponse>("VerifyStream");
        _verifyAll = client.ServerStreaming<VerifyAllRequest, VerifyAllProgress>("VerifyAll");
    }

    public Task<ReadStreamResponse> ReadStreamAsync(ReadStreamRequest request, CallOptions options = default) =>
        _readStream.InvokeAsync(request, options with { IsIdempotent = true });

    public Task<VerifyStreamResponse> VerifyStreamAsync(VerifyStreamRequest request, CallOptions options = default) =>
        _verifyStream.InvokeAsync(request, options with { IsIdempotent = true });

    public IAsyncEnumerable<AuditEvent> ReadAllAsync(ReadAllRequest request, CallOptions options = default) =>
        ReadAsync(_readAll.Start(request, options), options.CancellationToken);

    public IAsyncEnumerable<VerifyAllProgress> VerifyAllAsync(VerifyAllRequest request, CallOptions options = default) =>
        ReadAsync(_verifyAll.Start(request, options), options.CancellationToken);

    private static async IAsyncEnumerable<T> ReadAsync<T>(ServerStreamingCall<T> call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (call)
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken)) yield return message;
        }
    }
}
