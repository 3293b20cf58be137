namespace Platform.EventStore;

/// <summary>The outcome of an append: the stream's new version and each appended event as stored.</summary>
public sealed record AppendResult(string StreamId, long Version, IReadOnlyList<RecordedEvent> Events)
{
    /// <summary>The expected version to pass to the next append on this stream.</summary>
    public ExpectedVersion NextExpectedVersion => ExpectedVersion.Exactly(Version);
}
