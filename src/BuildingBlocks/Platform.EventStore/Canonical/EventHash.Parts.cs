using System.Text;

namespace Platform.EventStore;

public static partial class EventHash
{
    /// <summary>
    /// The canonical bytes of one event cut where the database fills in what only it knows (docs/audit-hash.md):
    /// format byte and position, then <c>Identity</c> (id, stream id, stream type), then the version, then <c>Type</c>,
    /// then the recorded time, then <c>Body</c> (data, metadata). The one-event append statement hashes
    /// previous || 0x01 || position || Identity || version || Type || recorded || Body.
    /// </summary>
    internal static (byte[] Identity, byte[] Type, byte[] Body) Parts(Guid id, string streamId, string streamType, string type,
        string data, string metadata)
    {
        var identity = new byte[16 + StringLength(streamId) + StringLength(streamType)];
        id.TryWriteBytes(identity, bigEndian: true, out _);
        var at = 16 + WriteString(streamId, identity.AsSpan(16));
        WriteString(streamType, identity.AsSpan(at));

        var typeBytes = new byte[StringLength(type)];
        WriteString(type, typeBytes);

        var body = new byte[StringLength(data) + StringLength(metadata)];
        WriteString(metadata, body.AsSpan(WriteString(data, body)));
        return (identity, typeBytes, body);
    }

    private static int StringLength(string value) => 4 + Encoding.UTF8.GetByteCount(value);
}
