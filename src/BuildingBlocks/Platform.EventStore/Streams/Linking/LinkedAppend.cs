namespace Platform.EventStore;

/// <summary>
/// An append linked to the head it follows: its events' versions, recorded time and chain links (format 2, computed
/// here, docs/audit-hash.md). The append statement writes it only if that head is still the stream's head.
/// </summary>
internal sealed record LinkedAppend(PendingAppend Append, ChainHead? Previous, DateTimeOffset Recorded, byte[][] Hashes)
{
    /// <summary>How many times an append whose stream keeps moving (expected version "any") is linked again.</summary>
    public const int MaxAttempts = 50;

    /// <summary>The stream's version before the append: 0 for a new stream.</summary>
    public long PreviousVersion => Previous?.Version ?? 0;

    public long Version => PreviousVersion + Append.Ids.Length;

    /// <summary>The stream's head once the append is written.</summary>
    public ChainHead Head => new(Append.StreamType, Version, Hashes[^1], Recorded);

    /// <summary>Links <paramref name="append"/> after <paramref name="head"/> (null: a new stream), which must fit it (<see cref="HeadCheck"/>).</summary>
    public static LinkedAppend Link(PendingAppend append, ChainHead? head)
    {
        // "updated" never goes back, so neither do recorded times within a stream ("state as of an instant" is a prefix).
        var recorded = head is not null && head.Updated > append.Recorded ? head.Updated : append.Recorded;
        var previous = head?.Hash is { } hash ? hash : EventHash.Genesis;
        var hashes = new byte[append.Ids.Length][];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = EventHash.Compute(previous, new HashedFields(EventHash.CurrentFormat, 0, append.Ids[i], append.StreamId,
                append.StreamType, (head?.Version ?? 0) + i + 1, append.Types[i], recorded, append.Data[i], append.Metadata));
            previous = hashes[i];
        }
        return new LinkedAppend(append, head, recorded, hashes);
    }
}
