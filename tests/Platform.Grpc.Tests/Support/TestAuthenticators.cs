using System.Security.Claims;

namespace Platform.Grpc.Tests.Support;

/// <summary>Accepts "good-token" as alice. Registered first.</summary>
public sealed class AliceAuthenticator : IBearerAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken) =>
        ValueTask.FromResult(credential == "good-token" ? Principal("alice") : null);

    public static ClaimsPrincipal Principal(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], authenticationType: "Bearer"));
}

/// <summary>Accepts "good-token" as mallory (never reached: the first authenticator wins) and "second-token" as bob.</summary>
public sealed class BobAuthenticator : IBearerAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(string credential, CancellationToken cancellationToken) =>
        ValueTask.FromResult(credential switch
        {
            "good-token" => AliceAuthenticator.Principal("mallory"),
            "second-token" => AliceAuthenticator.Principal("bob"),
            _ => null,
        });
}
