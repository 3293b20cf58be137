namespace Platform.EventStore;

/// <summary>A stream's row: its type, current version and the hash of its last event (its head; an auditor may anchor it).</summary>
public sealed record StreamHead(string StreamId, string StreamType, long Version, byte[] Hash, DateTimeOffset Created, DateTimeOffset Updated);
