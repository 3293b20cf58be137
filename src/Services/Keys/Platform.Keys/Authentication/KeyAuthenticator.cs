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
    public async ValueTask<KeySnapshot?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!KeySecret.IsWellFormed(secret)) return null;
        var hash = new byte[32];
        Span<byte> utf8 = stackalloc byte[KeySecret.Length];
        Encoding.ASCII.GetBytes(secret, utf8);
        SHA256.HashData(utf8, hash);
        var key = SecretHashKey.From(hash);

        if (!cache.TryGet(key, out var snapshot))
        {
            var generation = cache.Generation;
            snapshot = await lookup.FindAsync(hash, cancellationToken);
            cache.Add(key, snapshot, generation);
        }
        // The lookup was by hash; the final comparison must not leak, through timing, how much of it matched.
        if (snapshot is null || !CryptographicOperations.FixedTimeEquals(snapshot.SecretHash, hash)) return null;
        return snapshot.IsUsableAt(time.GetUtcNow()) ? snapshot : null;
    }
}
