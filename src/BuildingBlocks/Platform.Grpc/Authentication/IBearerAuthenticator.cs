using System.Security.Claims;

namespace Platform.Grpc;

/// <summary>
/// Turns the bearer credential of a call (<c>authorization: Bearer …</c>) into a principal. Register any number
/// in DI; they are tried in registration order and the first non-null principal wins. When none accepts the
/// credential the call fails with UNAUTHENTICATED before the handler runs.
/// </summary>
public interface IBearerAuthenticator
{
    /// <summary>The principal for <paramref name="credential"/>, or null when this authenticator does not accept it.</summary>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken);
}
