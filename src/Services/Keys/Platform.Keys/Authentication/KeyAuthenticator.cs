using System.Security.Cryptography;
using System.Text;
using Platform.Keys.Caching;

namespace Platform.Keys.Authentication;

/// <summary>
/// The hot path behind Authenticate and API-key bearer credentials: hash the secret, find its snapshot (cache,
/// else one indexed query), compare the hashes in constant time, and judge it against the clock. Null means
/// UNAUTHENTICATED: unknown, disabled, deleted, expired or retired, without saying which.
/// </summary>
public sealed class KeyAuthenticator(KeySnapshotCache cache, SecretLookup lookup, TimeProvider time)
{
    public ValueTask<KeySnapshot?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!KeySecret.IsWellFormed(secret)) return ValueTask.FromResult<KeySnapshot?>(null);
        Span<byte> hash = stackalloc byte[32];
        Span<byte> utf8 = stackalloc byte[KeySecret.Length];
        Encoding.ASCII.GetBytes(secret, utf8);
        SHA256.HashData(utf8, hash);
        var key = SecretHashKey.From(hash);
        // The hot path (a cached secret) allocates nothing and never awaits.
        return cache.TryGet(key, out var snapshot)
            ? ValueTask.FromResult(Judge(snapshot, hash))
            : LoadAsync(key, hash.ToArray(), cancellationToken);
    }

    private async ValueTask<KeySnapshot?> LoadAsync(SecretHashKey key, byte[] hash, CancellationToken cancellationToken)
    {
        var generation = cache.Generation;
        var snapshot = await lookup.FindAsync(hash, cancellationToken);
        cache.Add(key, snapshot, generation);
        return Judge(snapshot, hash);
    }

    // The lookup was by hash; the final comparison must not leak, through timing, how much of it matched.
    private KeySnapshot? Judge(KeySnapshot? snapshot, ReadOnlySpan<byte> hash) =>
        snapshot is not null && CryptographicOperations.FixedTimeEquals(snapshot.SecretHash, hash) && snapshot.IsUsableAt(time.GetUtcNow())
            ? snapshot
            : null;
}
