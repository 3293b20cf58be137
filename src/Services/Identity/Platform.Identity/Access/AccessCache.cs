using System.Collections.Concurrent;
using Platform.Contracts.Identity.V1;

namespace Platform.Identity.Access;

/// <summary>
/// GetAccess answers in memory. This instance drops a user's entries the moment it commits a membership change of
/// theirs. Changes made by OTHER instances are picked up by a short time to live (<see cref="TimeToLive"/>, a few
/// seconds) rather than by consuming our own integration events on an instance queue: simpler, and bounded staleness.
/// Keys additionally drops its own cache on MemberRemoved / MemberRoleChanged / MemberJoined.
/// </summary>
public sealed class AccessCache
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(3);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(string UserId, Guid AccountId), Entry> _entries = new();

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

    public void Set(string userId, Guid accountId, GetAccessResponse response)
    {
        if (_entries.Count >= MaxEntries) _entries.Clear(); // crude bound; entries are cheap to recompute
        _entries[(userId, accountId)] = new Entry(response, Environment.TickCount64 + (long)TimeToLive.TotalMilliseconds);
    }

    /// <summary>Drops every cached answer about <paramref name="userId"/>.</summary>
    public void Invalidate(string userId)
    {
        foreach (var key in _entries.Keys)
            if (key.UserId == userId) _entries.TryRemove(key, out _);
    }

    private sealed record Entry(GetAccessResponse Response, long ExpiresAt);
}
