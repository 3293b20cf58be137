namespace Platform.EventStore;

/// <summary>An append validated and serialized, ready to be written: event ids, types, JSON and the recorded time.</summary>
internal sealed record PendingAppend(string StreamId, string StreamType, ExpectedVersion Expected, IReadOnlyList<object> Events,
    Guid[] Ids, string[] Types, string[] Data, string[] Metadata, DateTimeOffset Recorded);

/// <summary>What the database assigned to an append's events: the stream's new version, positions, hashes, recorded time.</summary>
internal sealed record WrittenEvents(long Version, long[] Positions, byte[][] Hashes, DateTimeOffset Recorded);
