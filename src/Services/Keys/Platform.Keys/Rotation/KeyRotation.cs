using Platform.Authentication.Callers;
using Platform.Contracts.Keys.V1;
using Platform.Domain;
using Platform.EventStore;
using Platform.Keys.Access;
using Platform.Keys.Authentication;
using Platform.Keys.Lifecycle;
using Platform.Keys.Storage;

namespace Platform.Keys.Rotation;

/// <summary>
/// A new secret for the same key id. The previous secret keeps working until now + grace (0: retired at once); a
/// rotation during an earlier grace ends that grace at once, so at most two secrets ever work.
/// </summary>
public sealed class KeyRotation(KeyAccess access, KeyWriter writer, KeyQueries queries, IEventStore store, TimeProvider time)
{
    public async Task<(KeyRow Key, string Secret, DateTimeOffset? PreviousValidUntil)> RotateAsync(Caller caller, RotateKeyRequest request,
        CancellationToken cancellationToken)
    {
        KeyAccess.RequireManager(caller);
        var v = new Validation();
        var hash = KeyValidation.KeyHash(v, request.Hash);
        var grace = KeyValidation.GracePeriod(v, request.GracePeriod);
        v.ThrowIfInvalid();

        var (row, _) = await access.ForKeyAsync(caller, hash, cancellationToken);
        var key = await store.AggregateAsync<ApiKeyState>(KeyWriter.StreamId(hash), cancellationToken: cancellationToken);
        var now = KeyWriter.Truncate(time.GetUtcNow());
        var events = new List<object>();
        if (key.State.PreviousSecretValidUntil is { } open)
            events.Add(new KeyRotationGraceEnded(hash, row.AccountId, key.State.RotationCount, open < now ? open : now));
        DateTimeOffset? validUntil = grace > TimeSpan.Zero ? now + grace : null;
        var secret = KeySecret.New();
        var rotation = key.State.RotationCount + 1;
        events.Add(new KeyRotated(hash, row.AccountId, rotation, KeySecret.Label(secret), validUntil));

        await writer.AppendAsync(hash, key.Expected, events, caller.ActorId, async transaction =>
        {
            await KeyWriter.ExecuteAsync(transaction, "update key_secrets set valid_until = @now where key_hash = @hash and valid_until > @now",
                cancellationToken, ("hash", hash), ("now", now));
            await KeyWriter.ExecuteAsync(transaction, "update key_secrets set valid_until = @until where key_hash = @hash and valid_until is null",
                cancellationToken, ("hash", hash), ("until", validUntil ?? now));
            await KeyWriter.ExecuteAsync(transaction,
                "insert into key_secrets (secret_hash, key_hash, rotation, valid_until) values (@secret, @hash, @rotation, null)",
                cancellationToken, ("secret", KeySecret.Hash(secret)), ("hash", hash), ("rotation", rotation));
        }, cancellationToken);
        var rotated = await queries.GetAsync(hash, cancellationToken) ?? throw new NotFoundException("No such key or account.");
        return (rotated, secret, validUntil);
    }
}
