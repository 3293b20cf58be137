namespace Platform.EventStore;

public enum ReadDirection { Forward, Backward }

/// <summary>A read of the global log, in position order, from <see cref="AfterPosition"/> (exclusive).</summary>
public sealed record ReadAllQuery
{
    public long AfterPosition { get; init; }

    /// <summary>Stop after this position (inclusive); for reads "to the end as of now".</summary>
    public long UpToPosition { get; init; } = long.MaxValue;

    /// <summary>Only these stream types (none: all).</summary>
    public IReadOnlyList<string> StreamTypes { get; init; } = [];

    /// <summary>Only these event type names (none: all).</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];

    /// <summary>Recorded at or after this instant.</summary>
    public DateTimeOffset? RecordedFrom { get; init; }

    /// <summary>Recorded before this instant.</summary>
    public DateTimeOffset? RecordedTo { get; init; }

    public long MaxCount { get; init; } = long.MaxValue;
}
