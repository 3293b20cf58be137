namespace Platform.EventStore;

/// <summary>
/// What an append links to: the stream's type, version, head hash (null when its last event went missing) and the
/// recorded time of its last append (recorded times never go back within a stream).
/// </summary>
internal sealed record ChainHead(string StreamType, long Version, byte[]? Hash, DateTimeOffset Updated);
