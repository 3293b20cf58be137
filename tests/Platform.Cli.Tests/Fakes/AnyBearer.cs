using System.Security.Claims;
using Platform.Grpc;

namespace Platform.Cli.Tests.Fakes;

/// <summary>Accepts every bearer except "refused", so the fakes see what the command line sends.</summary>
public sealed class AnyBearer : IBearerAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken) =>
        ValueTask.FromResult(credential == "refused" ? null : new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", credential)], "fake")));
}
