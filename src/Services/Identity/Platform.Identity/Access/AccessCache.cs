using System.Collections.Concurrent;
using Platform.Contracts.Identity.V1;

namespace Platform.Identity.Access;

/// <summary>
/// GetAccess answers in memory. This instance drops a user's entries the moment it commits a membership change of
/// theirs (<see cref="OrganizationStreams"/>); every other instance drops them when our own MemberJoined /
/// MemberRoleChanged / MemberRemoved integration events reach its instance-specific queue
/// (<see cref="MembershipChangedConsumer"/>, typically within ~100 ms). The time to live
/// (<c>Identity:Access:CacheTimeToLive</c>, default 5 s) only bounds staleness if the broker is down.
/// </summary>
public sealed class AccessCache(IConfiguration configuration)
{
    private const int MaxEntries = 100_000;
    // Ages on Environment.TickCount64, not the TimeProvider: a safety net in real elapsed time, which must not jump when
    // the wall clock (or a test's manual clock) does. Business time (invitation expiry) uses the TimeProvider.
    private readonly long _timeToLiveMs = (long)configuration.GetValue("Identity:Access:CacheTimeToLive", TimeSpan.FromSeconds(5)).TotalMilliseconds;
    private readonly ConcurrentDictionary<(string UserId, Guid AccountId), Entry> _entries = new();
    private long _generation;

    /// <summary>Read it before loading an answer, and pass it to <see cref="Set"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string userId, Guid accountId, out GetAccessResponse response)
    {
        if (_entries.TryGetValue((userId, accountId), out var entry) && Environment.TickCount64 < entry.ExpiresAt)
        {
            response = entry.Response;
            return true;
        }
        response = null!;
        return false;
    }

    /// <summary>Caches an answer unless an invalidation happened since <paramref name="generation"/> (the answer may predate it).</summary>
    public void Set(string userId, Guid accountId, GetAccessResponse response, long generation)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear(); // crude bound; answers are cheap to recompute
        _entries[(userId, accountId)] = new Entry(response, Environment.TickCount64 + _timeToLiveMs);
        if (Generation != generation) _entries.TryRemove((userId, accountId), out _);
    }

    /// <summary>Drops every cached answer about <paramref name="userId"/>.</summary>
    public void Invalidate(string userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _entries.Keys)
            if (key.UserId == userId) _entries.TryRemove(key, out _);
    }

    private sealed record Entry(GetAccessResponse Response, long ExpiresAt);
}
