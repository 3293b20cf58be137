using System.Collections.Concurrent;

namespace Platform.EventStore;

/// <summary>
/// The heads this process last wrote or read, so that an append can be linked without reading its stream first. Only a
/// hint: the append statement claims the stream with a compare-and-swap on (version, head), so a stale or uncommitted
/// head fails the claim and the head is read again (docs/event-store.md, "Appending").
/// </summary>
internal sealed class HeadCache(int capacity = HeadCache.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<string, ChainHead> _heads = new(StringComparer.Ordinal);

    public bool TryGet(string streamId, out ChainHead head) => _heads.TryGetValue(streamId, out head!);

    public void Set(string streamId, ChainHead head)
    {
        // Bounded the simple way: a full cache starts over; the heads come back on the streams in use.
        if (_heads.Count >= capacity && !_heads.ContainsKey(streamId)) _heads.Clear();
        _heads[streamId] = head;
    }

    public void Remove(string streamId) => _heads.TryRemove(streamId, out _);

    /// <summary>After an append statement: its new head when it wrote, otherwise the stream's head is unknown here.</summary>
    public void Update(LinkedAppend linked, WrittenEvents? written)
    {
        if (written is null) Remove(linked.Append.StreamId);
        else Set(linked.Append.StreamId, linked.Head);
    }
}
