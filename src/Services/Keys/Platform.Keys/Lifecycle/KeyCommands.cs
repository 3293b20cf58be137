using Platform.Authentication.Callers;
using Platform.Contracts.Keys.V1;
using Platform.Domain;
using Platform.EventStore;
using Platform.Keys.Access;
using Platform.Keys.Authentication;
using Platform.Keys.Storage;

namespace Platform.Keys.Lifecycle;

/// <summary>Create, update and delete. Each validates everything first, then checks access, then appends.</summary>
public sealed class KeyCommands(KeyAccess access, KeyWriter writer, KeyQueries queries, IEventStore store, TimeProvider time)
{
    public async Task<(KeyRow Key, string Secret)> CreateAsync(Caller caller, CreateKeyRequest request, CancellationToken cancellationToken)
    {
        KeyAccess.RequireManager(caller);
        var v = new Validation();
        var accountId = v.Uuid("account_id", request.AccountId);
        var name = KeyValidation.Name(v, request.Name);
        v.When(!Enum.IsDefined(request.Kind), "kind", "The kind must be inference or management.");
        var limit = request.HasLimit ? KeyValidation.Limit(v, request.Limit) : null;
        var reset = KeyValidation.LimitReset(v, request.LimitReset);
        var expiresAt = KeyValidation.ExpiresAt(v, request.ExpiresAt, time.GetUtcNow());
        v.ThrowIfInvalid();

        var account = await access.ForAccountAsync(caller, accountId, cancellationToken);
        var kind = KeyKinds.From(request.Kind);
        // A management key manages every key of the account: a member must not be able to mint one.
        if (kind == KeyKinds.Management && !account.AllKeys)
            throw new PermissionDeniedException("Only admins of the account and its management keys create management keys.");

        var secret = KeySecret.New();
        var hash = KeySecret.NewKeyHash();
        var created = new KeyCreated(hash, accountId, kind, name!, KeySecret.Label(secret), limit, reset, expiresAt, caller.UserId!);
        await writer.AppendAsync(hash, ExpectedVersion.NoStream, [created], caller.ActorId, transaction => KeyWriter.ExecuteAsync(transaction,
            "insert into key_secrets (secret_hash, key_hash, rotation, valid_until) values (@secret, @hash, 0, null)", cancellationToken,
            ("secret", KeySecret.Hash(secret)), ("hash", hash)), cancellationToken);
        return (await queries.GetAsync(hash, cancellationToken) ?? throw new InvalidOperationException("The created key is not in the read model."), secret);
    }

    public async Task<KeyRow> UpdateAsync(Caller caller, UpdateKeyRequest request, CancellationToken cancellationToken)
    {
        KeyAccess.RequireManager(caller);
        var v = new Validation();
        var hash = KeyValidation.KeyHash(v, request.Hash);
        var name = request.HasName ? KeyValidation.Name(v, request.Name) : null;
        var limit = request.HasLimit ? KeyValidation.Limit(v, request.Limit) : null;
        var reset = request.HasLimitReset ? KeyValidation.LimitReset(v, request.LimitReset) : null;
        v.ThrowIfInvalid();

        var (row, _) = await access.ForKeyAsync(caller, hash, cancellationToken);
        var key = await store.AggregateAsync<ApiKeyState>(KeyWriter.StreamId(hash), cancellationToken: cancellationToken);
        var state = key.State;
        var events = new List<object>();
        if (request.HasName && name != state.Name) events.Add(new KeyRenamed(hash, row.AccountId, name!));
        var newLimit = request.HasLimit ? limit : state.Limit;
        var newReset = request.HasLimitReset ? reset : state.LimitReset;
        if (newLimit != state.Limit || newReset != state.LimitReset) events.Add(new KeyLimitChanged(hash, row.AccountId, newLimit, newReset));
        if (request.HasDisabled && request.Disabled && !state.Disabled) events.Add(new KeyDisabled(hash, row.AccountId, $"disabled by {caller.ActorId}"));
        if (request.HasDisabled && !request.Disabled && state.Disabled) events.Add(new KeyEnabled(hash, row.AccountId));
        if (events.Count == 0) return row;

        await writer.AppendAsync(hash, key.Expected, events, caller.ActorId, null, cancellationToken);
        return await queries.GetAsync(hash, cancellationToken) ?? throw new NotFoundException("No such key or account.");
    }

    public async Task DeleteAsync(Caller caller, DeleteKeyRequest request, CancellationToken cancellationToken)
    {
        KeyAccess.RequireManager(caller);
        var v = new Validation();
        var hash = KeyValidation.KeyHash(v, request.Hash);
        v.ThrowIfInvalid();

        var (row, _) = await access.ForKeyAsync(caller, hash, cancellationToken);
        var key = await store.AggregateAsync<ApiKeyState>(KeyWriter.StreamId(hash), cancellationToken: cancellationToken);
        // The secrets go with the key: nothing is left that could authenticate.
        await writer.AppendAsync(hash, key.Expected, [new KeyDeleted(hash, row.AccountId)], caller.ActorId, transaction =>
            KeyWriter.ExecuteAsync(transaction, "delete from key_secrets where key_hash = @hash", cancellationToken, ("hash", hash)), cancellationToken);
    }
}
