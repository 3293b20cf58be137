using Platform.Audit.V1;
using Platform.Grpc;

namespace Platform.EventStore.Audit;

/// <summary>
/// <c>platform.audit.v1.Audit</c> over gRPC: every event-sourced service maps it with
/// <c>app.MapGrpcService&lt;AuditService&gt;()</c>. The work and the role check are in <see cref="AuditQueries"/>.
/// </summary>
[GrpcService(typeof(AuditReflection), "platform.audit.v1.Audit")]
public sealed class AuditService(AuditQueries audit)
{
    public Task<ReadStreamResponse> ReadStream(ReadStreamRequest request, ServerCallContext context) =>
        audit.ReadStreamAsync(request, context.User, context.CancellationToken);

    public async Task ReadAll(ReadAllRequest request, IServerStreamWriter<AuditEvent> responses, ServerCallContext context)
    {
        await foreach (var e in audit.ReadAllAsync(request, context.User, context.CancellationToken))
            await responses.WriteAsync(e, context.CancellationToken);
    }

    public Task<VerifyStreamResponse> VerifyStream(VerifyStreamRequest request, ServerCallContext context) =>
        audit.VerifyStreamAsync(request, context.User, context.CancellationToken);

    public async Task VerifyAll(VerifyAllRequest request, IServerStreamWriter<VerifyAllProgress> responses, ServerCallContext context)
    {
        await foreach (var progress in audit.VerifyAllAsync(request, context.User, context.CancellationToken))
            await responses.WriteAsync(progress, context.CancellationToken);
    }
}
