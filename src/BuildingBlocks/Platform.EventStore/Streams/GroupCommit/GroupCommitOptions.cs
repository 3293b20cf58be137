namespace Platform.EventStore;

/// <summary>
/// Group commit (docs/event-store.md, "Group commit"): appends made while others are in flight are committed together,
/// each still atomic and failing alone. Appends in a caller's transaction, or with inline projections, never join one.
/// </summary>
public sealed class GroupCommitOptions
{
    /// <summary>Off: every append is its own transaction.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many groups may be committing at once (each on its own connection).</summary>
    public int Connections { get; set; } = 2;

    /// <summary>The most appends one commit takes.</summary>
    public int MaxAppends { get; set; } = 64;

    /// <summary>
    /// How long a group waits for a stream row another transaction holds before it gives up and its appends are made
    /// alone (so one long transaction holds up only the appends to its streams). Infinite: wait as long as it takes.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    internal void Validate()
    {
        if (LockTimeout != Timeout.InfiniteTimeSpan && (LockTimeout < TimeSpan.FromMilliseconds(1) || LockTimeout > TimeSpan.FromMinutes(10)))
            throw new ArgumentException("GroupCommit.LockTimeout is 1 ms to 10 minutes, or infinite.", nameof(LockTimeout));
        if (Connections is < 1 or > 64) throw new ArgumentException("GroupCommit.Connections is 1 to 64.", nameof(Connections));
        if (MaxAppends is < 1 or > 1_000) throw new ArgumentException("GroupCommit.MaxAppends is 1 to 1,000.", nameof(MaxAppends));
    }
}
