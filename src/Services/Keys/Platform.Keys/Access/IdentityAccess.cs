using System.Collections.Concurrent;
using Platform.Authentication.Tokens;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;

namespace Platform.Keys.Access;

/// <summary>
/// "Is this user admin, member or nothing in this account?", asked of Identity (<c>GetAccess</c>, with this
/// service's JWT) and cached briefly (<c>Keys:Access:CacheLifetime</c>, default 30 s). Member events drop entries
/// at once (see <see cref="Caching.CacheInvalidationConsumer"/>).
/// </summary>
public sealed class IdentityAccess(
    [FromKeyedServices("identity")] GrpcChannel identity, ServiceTokenSource tokens, IConfiguration configuration)
{
    private readonly UnaryMethod<GetAccessRequest, GetAccessResponse> _getAccess =
        new GrpcClient(identity, OrganizationsReflection.Descriptor, "platform.identity.v1.Organizations")
            .Unary<GetAccessRequest, GetAccessResponse>("GetAccess");
    private readonly ConcurrentDictionary<(string User, Guid Account), Entry> _entries = new();
    // Ages on Environment.TickCount64, not the TimeProvider: a safety net in real elapsed time, which must not jump when
    // the wall clock (or a test's manual clock) does. Business time (expiry, grace) is judged on the TimeProvider.
    private readonly TimeSpan _lifetime = configuration.GetValue("Keys:Access:CacheLifetime", TimeSpan.FromSeconds(30));
    private long _generation;

    public async Task<Role> GetRoleAsync(string userId, Guid accountId, CancellationToken cancellationToken)
    {
        var key = (userId, accountId);
        if (_entries.TryGetValue(key, out var cached) && Environment.TickCount64 < cached.ExpiresAtTicks) return cached.Role;

        var generation = Volatile.Read(ref _generation);
        var response = await _getAccess.InvokeAsync(new GetAccessRequest { UserId = userId, AccountId = accountId.ToString() }, new CallOptions
        {
            IsIdempotent = true,
            Timeout = TimeSpan.FromSeconds(5),
            CancellationToken = cancellationToken,
            Credentials = _ => ValueTask.FromResult(tokens.GetToken()),
        });
        var entry = new Entry(response.Role, Environment.TickCount64 + (long)_lifetime.TotalMilliseconds);
        _entries[key] = entry;
        // An invalidation during the call may concern the answer we got: do not keep it (same pattern as the key cache).
        if (Volatile.Read(ref _generation) != generation) _entries.TryRemove(new KeyValuePair<(string, Guid), Entry>(key, entry));
        return response.Role;
    }

    public void Invalidate(string userId, Guid accountId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove((userId, accountId), out _);
    }

    private sealed record Entry(Role Role, long ExpiresAtTicks);
}
