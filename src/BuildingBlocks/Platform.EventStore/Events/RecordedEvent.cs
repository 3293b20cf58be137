namespace Platform.EventStore;

/// <summary>An event as stored: its place in its stream and in the global log, and the link of the hash chain.</summary>
public sealed class RecordedEvent(
    long position, Guid id, string streamId, string streamType, long version, string type,
    string json, string metadataJson, DateTimeOffset recorded, byte[] hash, byte hashFormat, Func<string, string, object> deserialize)
{
    private object? _data;
    private EventMetadata? _metadata;

    /// <summary>Position in the global log (increasing, with gaps where appends rolled back).</summary>
    public long Position { get; } = position;

    public Guid Id { get; } = id;
    public string StreamId { get; } = streamId;
    public string StreamType { get; } = streamType;

    /// <summary>1 for the first event of a stream, then contiguous.</summary>
    public long Version { get; } = version;

    public string Type { get; } = type;

    /// <summary>The event's data exactly as stored and hashed: canonical JSON (see docs/audit-hash.md).</summary>
    public string Json { get; } = json;

    /// <summary>The metadata exactly as stored and hashed (canonical JSON).</summary>
    public string MetadataJson { get; } = metadataJson;

    public DateTimeOffset Recorded { get; } = recorded;

    /// <summary>SHA-256 chain link of this event (docs/audit-hash.md).</summary>
    public byte[] Hash { get; } = hash;

    /// <summary>Which canonical bytes <see cref="Hash"/> covers: 1 (with the position) or 2 (docs/audit-hash.md).</summary>
    public byte HashFormat { get; } = hashFormat;

    /// <summary>The event record (deserialized on first use); <see cref="UnregisteredEvent"/> for unknown type names.</summary>
    public object Data => _data ??= deserialize(Type, Json);

    public EventMetadata Metadata => _metadata ??= EventSerializer.DeserializeMetadata(MetadataJson);

    public HashedFields HashedFields => new(HashFormat, Position, Id, StreamId, StreamType, Version, Type, Recorded, Json, MetadataJson);
}
