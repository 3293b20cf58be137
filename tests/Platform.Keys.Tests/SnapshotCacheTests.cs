using Microsoft.Extensions.Configuration;
using Platform.Keys.Authentication;
using Platform.Keys.Caching;

namespace Platform.Keys.Tests;

/// <summary>The Authenticate cache never keeps what a load read before an invalidation, and drops every secret of a key.</summary>
public sealed class SnapshotCacheTests
{
    private readonly KeySnapshotCache _cache = new(new ConfigurationBuilder().Build());

    [Fact]
    public void A_load_that_raced_with_an_invalidation_is_not_kept()
    {
        var key = Key(1);
        var generation = _cache.Generation;          // the load starts
        _cache.Invalidate("k1");                     // the key changes meanwhile
        _cache.Add(key, Snapshot("k1"), generation); // the load ends with what it read before the change

        Assert.False(_cache.TryGet(key, out _));
    }

    [Fact]
    public void Invalidating_a_key_drops_its_current_and_previous_secret_and_nothing_else()
    {
        var (current, previous, other) = (Key(2), Key(3), Key(4));
        _cache.Add(current, Snapshot("k2"), _cache.Generation);
        _cache.Add(previous, Snapshot("k2") with { SecretValidUntil = DateTimeOffset.UtcNow.AddHours(1) }, _cache.Generation);
        _cache.Add(other, Snapshot("k3"), _cache.Generation);

        _cache.Invalidate("k2");

        Assert.False(_cache.TryGet(current, out _));
        Assert.False(_cache.TryGet(previous, out _));
        Assert.True(_cache.TryGet(other, out var kept));
        Assert.Equal("k3", kept!.KeyHash);
    }

    private static SecretHashKey Key(byte seed) => SecretHashKey.From(Enumerable.Repeat(seed, 32).ToArray());

    private static KeySnapshot Snapshot(string keyHash) =>
        new(new byte[32], keyHash, "inference", Guid.CreateVersion7(), "u", null, null, null, false, false, null);
}
