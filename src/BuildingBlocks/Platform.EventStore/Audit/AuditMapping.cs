using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Audit.V1;

namespace Platform.EventStore.Audit;

internal static class AuditMapping
{
    public static AuditEvent ToAuditEvent(this RecordedEvent e) => new()
    {
        Position = e.Position,
        EventId = e.Id.ToString(),
        StreamId = e.StreamId,
        StreamType = e.StreamType,
        Version = e.Version,
        Type = e.Type,
        DataJson = e.Json,
        MetadataJson = e.MetadataJson,
        Recorded = Timestamp.FromDateTimeOffset(e.Recorded),
        Hash = ByteString.CopyFrom(e.Hash),
        HashFormat = e.HashFormat,
    };

    public static Platform.Audit.V1.ChainBreak ToMessage(this Platform.EventStore.ChainBreak b) => new()
    {
        StreamId = b.StreamId,
        Version = b.Version,
        Reason = b.Reason,
        ExpectedHash = ByteString.CopyFrom(b.ExpectedHash),
        FoundHash = ByteString.CopyFrom(b.FoundHash),
    };
}
