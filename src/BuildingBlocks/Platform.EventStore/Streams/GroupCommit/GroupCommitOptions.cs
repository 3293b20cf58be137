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

    internal void Validate()
    {
        if (Connections is < 1 or > 64) throw new ArgumentException("GroupCommit.Connections is 1 to 64.", nameof(Connections));
        if (MaxAppends is < 1 or > 1_000) throw new ArgumentException("GroupCommit.MaxAppends is 1 to 1,000.", nameof(MaxAppends));
    }
}
