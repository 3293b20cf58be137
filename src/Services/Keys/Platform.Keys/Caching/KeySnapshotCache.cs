using System.Collections.Concurrent;
using Platform.Keys.Authentication;

namespace Platform.Keys.Caching;

/// <summary>
/// Authenticate's in-process cache: secret hash to key snapshot (null: no such secret). Dropped per key at once by
/// the instance that changed it, and by every other instance when the Key* integration event reaches its own queue.
/// Entries also age out (<c>Keys:Authentication:CacheLifetime</c>, default 5 minutes) as a safety net.
/// </summary>
public sealed class KeySnapshotCache(IConfiguration configuration)
{
    private const int MaxEntries = 200_000;
    private readonly ConcurrentDictionary<SecretHashKey, Entry> _entries = new();
    // Ages on Environment.TickCount64, not the TimeProvider: a safety net in real elapsed time, which must not jump when
    // the wall clock (or a test's manual clock) does. Business time (expiry, grace) is judged on the TimeProvider.
    private readonly TimeSpan _lifetime = configuration.GetValue("Keys:Authentication:CacheLifetime", TimeSpan.FromMinutes(5));
    private long _generation;

    /// <summary>Read before loading from the database; pass to <see cref="Add"/>.</summary>
    public long Generation => Volatile.Read(ref _generation);

    public bool TryGet(SecretHashKey key, out KeySnapshot? snapshot)
    {
        snapshot = null;
        if (!_entries.TryGetValue(key, out var entry)) return false;
        if (Environment.TickCount64 > entry.ExpiresAtTicks)
        {
            _entries.TryRemove(new KeyValuePair<SecretHashKey, Entry>(key, entry));
            return false;
        }
        snapshot = entry.Snapshot;
        return true;
    }

    /// <summary>
    /// Caches what a load found, unless an invalidation happened since <paramref name="generation"/>: the load may have
    /// read the state from before that change. Inserting first and checking after closes the race with a concurrent
    /// invalidation (which bumps the generation before it scans).
    /// </summary>
    public void Add(SecretHashKey key, KeySnapshot? snapshot, long generation)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear();
        var entry = new Entry(snapshot, Environment.TickCount64 + (long)_lifetime.TotalMilliseconds);
        _entries[key] = entry;
        if (Generation != generation) _entries.TryRemove(new KeyValuePair<SecretHashKey, Entry>(key, entry));
    }

    /// <summary>
    /// Drops every cached secret of the key. Call it only once the change is committed: the generation guard in
    /// <see cref="Add"/> covers loads that began before this call, not a load that begins after it and still reads
    /// the old, committed row.
    /// </summary>
    public void Invalidate(string keyHash)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
            if (entry.Snapshot?.KeyHash == keyHash) _entries.TryRemove(new KeyValuePair<SecretHashKey, Entry>(key, entry));
    }

    public int Count => _entries.Count;

    private sealed record Entry(KeySnapshot? Snapshot, long ExpiresAtTicks);
}
