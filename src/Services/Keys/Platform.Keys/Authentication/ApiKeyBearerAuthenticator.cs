using System.Security.Claims;
using Platform.Authentication;
using Platform.Grpc;

namespace Platform.Keys.Authentication;

/// <summary>
/// Accepts API key secrets as bearer credentials on the Keys service (same cache as Authenticate). The principal
/// carries the key's claims, so <c>Caller.From</c> yields a management or inference key. A refused secret makes the
/// call UNAUTHENTICATED before any handler runs.
/// </summary>
public sealed class ApiKeyBearerAuthenticator(KeyAuthenticator keys) : IBearerAuthenticator
{
    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken)
    {
        if (!credential.StartsWith(KeySecret.Prefix, StringComparison.Ordinal)) return null;
        if (await keys.AuthenticateAsync(credential, cancellationToken) is not { } key) return null;
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(PlatformClaims.KeyHash, key.KeyHash),
            new Claim(PlatformClaims.KeyKind, key.Kind),
            new Claim(PlatformClaims.AccountId, key.AccountId.ToString()),
            new Claim(PlatformClaims.CreatorUserId, key.CreatorUserId),
        ], PlatformClaims.AuthenticationType));
    }
}
