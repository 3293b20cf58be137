namespace Platform.EventStore;

/// <summary>An append validated and serialized, ready to be linked: event ids, types, JSON, metadata and the time it was made.</summary>
internal sealed record PendingAppend(string StreamId, string StreamType, ExpectedVersion Expected, IReadOnlyList<object> Events,
    Guid[] Ids, string[] Types, string[] Data, string Metadata, DateTimeOffset Recorded);

/// <summary>What an append wrote: the stream's new version, the events' positions and hashes, and their recorded time.</summary>
internal sealed record WrittenEvents(long Version, long[] Positions, byte[][] Hashes, DateTimeOffset Recorded);
