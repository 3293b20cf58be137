using System.Security.Claims;
using Platform.Grpc;

namespace Platform.Authentication.Tokens;

/// <summary>Lets user and service JWTs through the gRPC server's bearer hook; other credentials are left to other authenticators.</summary>
public sealed class JwtBearerAuthenticator(JwtTokenValidator validator) : IBearerAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken) =>
        validator.ValidateAsync(credential, cancellationToken);
}
