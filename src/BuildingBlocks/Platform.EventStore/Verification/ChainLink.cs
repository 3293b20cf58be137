namespace Platform.EventStore;

/// <summary>Walks one stream's chain event by event (in version order or in the stream's share of position order).</summary>
internal sealed class ChainLink(string streamId)
{
    private long _position;

    public string StreamId { get; } = streamId;
    public long Version { get; private set; }
    public byte[] Hash { get; private set; } = EventHash.Genesis.ToArray();
    public long EventsChecked { get; private set; }
    public ChainBreak? Break { get; private set; }

    /// <summary>Checks the next event of the stream; false (and <see cref="Break"/> set) on the first broken link.</summary>
    public bool Next(RecordedEvent recorded) => Next(recorded.HashedFields, recorded.Hash);

    public bool Next(in HashedFields fields, byte[] storedHash)
    {
        if (Break is not null) return false;
        EventsChecked++;
        var expected = EventHash.Compute(Hash, fields);
        if (fields.Version != Version + 1)
            return Broken(Version + 1, $"version {Version + 1} is missing or out of place: found version {fields.Version}", expected, storedHash);
        if (!expected.AsSpan().SequenceEqual(storedHash))
            return Broken(fields.Version, "the stored hash does not match the event's content and the previous link", expected, storedHash);
        // Format 2 links do not cover positions; a stream's events must still come in its order in the global log.
        if (fields.Position <= _position)
            return Broken(fields.Version, $"its position {fields.Position} is not after version {Version}'s ({_position})", expected, storedHash);
        Version = fields.Version;
        _position = fields.Position;
        Hash = storedHash;
        return true;
    }

    /// <summary>Compares the walk's end with the stream row's version (catches events removed from the end).</summary>
    public bool MatchesHead(long headVersion)
    {
        if (Break is not null) return false;
        if (headVersion == Version) return true;
        return Broken(Version + 1, $"the stream row says version {headVersion}, the events end at version {Version}", [], Hash);
    }

    private bool Broken(long version, string reason, byte[] expected, byte[] found)
    {
        Break = new ChainBreak(StreamId, version, reason, expected, found);
        return false;
    }
}
