using Platform.Authentication.Callers;
using Platform.Contracts.Identity.V1;
using Platform.Domain;
using Platform.Keys.Storage;

namespace Platform.Keys.Access;

/// <summary>
/// Who may manage which keys. Users: admins of the account see all its keys, members only the keys they created
/// (Identity decides the role). Management keys: all keys of their own account. Inference keys: nothing here
/// (PERMISSION_DENIED); services only Authenticate. Anything the caller cannot see is NOT_FOUND, never revealed.
/// </summary>
public sealed class KeyAccess(IdentityAccess identity, KeyQueries queries)
{
    /// <summary>The caller must be able to manage keys at all (checked before the request is even looked at).</summary>
    public static Caller RequireManager(Caller caller) => caller.RequireAuthenticated().Kind switch
    {
        CallerKind.User or CallerKind.ManagementKey => caller,
        CallerKind.InferenceKey => throw new PermissionDeniedException("An inference key may only read its own key."),
        _ => throw new PermissionDeniedException("Keys are managed by users and management keys."),
    };

    public async Task<AccountAccess> ForAccountAsync(Caller caller, Guid accountId, CancellationToken cancellationToken)
    {
        RequireManager(caller);
        if (caller.Kind == CallerKind.ManagementKey)
            return caller.AccountId == accountId ? new AccountAccess(accountId, true, caller.UserId) : throw NotFound();
        return await identity.GetRoleAsync(caller.UserId!, accountId, cancellationToken) switch
        {
            Role.Admin => new AccountAccess(accountId, true, caller.UserId),
            Role.Member => new AccountAccess(accountId, false, caller.UserId),
            _ => throw NotFound(),
        };
    }

    /// <summary>The key, when the caller may manage it; NOT_FOUND when it does not exist, is deleted or is not theirs to see.</summary>
    public async Task<(KeyRow Key, AccountAccess Access)> ForKeyAsync(Caller caller, string hash, CancellationToken cancellationToken)
    {
        RequireManager(caller);
        var key = await queries.GetAsync(hash, cancellationToken) ?? throw NotFound();
        var access = await ForAccountAsync(caller, key.AccountId, cancellationToken);
        return access.CanSee(key.CreatorUserId) ? (key, access) : throw NotFound();
    }

    private static NotFoundException NotFound() => new("No such key or account.");
}
