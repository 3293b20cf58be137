using Google.Protobuf;
using Platform.Audit.V1;
using Platform.Grpc;

namespace Platform.Cli.Tests.Fakes;

/// <summary>An Audit service whose stream "key-broken" has a broken chain, and whose VerifyAll reports it after progress.</summary>
[GrpcService(typeof(AuditReflection), "platform.audit.v1.Audit")]
public sealed class FakeAudit
{
    private static readonly ChainBreak Break = new()
    {
        StreamId = "key-broken", Version = 2, Reason = "hash mismatch",
        ExpectedHash = ByteString.CopyFrom(new byte[32]), FoundHash = ByteString.CopyFrom(Enumerable.Repeat((byte)0xab, 32).ToArray()),
    };

    public Task<ReadStreamResponse> ReadStream(ReadStreamRequest request, ServerCallContext context) =>
        Task.FromResult(new ReadStreamResponse
        {
            StreamType = "key", StreamVersion = 1,
            Events = { new AuditEvent { StreamId = request.StreamId, Version = 1, Type = "keys.key-created", DataJson = "{\"name\":\"ci\"}", MetadataJson = "{\"actor\":\"user:u-1\"}", Hash = ByteString.CopyFrom(new byte[32]) } },
        });

    public Task ReadAll(ReadAllRequest request, IServerStreamWriter<AuditEvent> responses, ServerCallContext context) => throw FakeKeys.Unused;

    public Task<VerifyStreamResponse> VerifyStream(VerifyStreamRequest request, ServerCallContext context) =>
        Task.FromResult(request.StreamId == "key-broken"
            ? new VerifyStreamResponse { Valid = false, EventsChecked = 2, StreamVersion = 3, Break = Break }
            : new VerifyStreamResponse { Valid = true, EventsChecked = 3, StreamVersion = 3 });

    public async Task VerifyAll(VerifyAllRequest request, IServerStreamWriter<VerifyAllProgress> responses, ServerCallContext context)
    {
        await responses.WriteAsync(new VerifyAllProgress { EventsChecked = 10_000, StreamsChecked = 40, Position = 10_000 }, context.CancellationToken);
        await responses.WriteAsync(new VerifyAllProgress { EventsChecked = 12_345, StreamsChecked = 50, Position = 12_345, Done = true, Valid = false, Breaks = { Break } },
            context.CancellationToken);
    }
}
