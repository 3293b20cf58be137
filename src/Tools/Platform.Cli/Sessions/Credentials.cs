using Platform.Cli.Output;
using Platform.Grpc;

namespace Platform.Cli.Sessions;

/// <summary>
/// The bearer credential of a call. Identity takes user tokens: <c>--token</c>, else <c>PLATFORM_TOKEN</c>, else the
/// saved login. The Keys service also takes API keys; there flags beat variables, and an API key beats a user token
/// of the same kind: <c>--api-key</c>, <c>--token</c>, <c>PLATFORM_API_KEY</c>, <c>PLATFORM_TOKEN</c>, the saved login.
/// </summary>
internal sealed class Credentials(CliEnvironment environment, CredentialsStore store, string? tokenFlag, string? apiKeyFlag, TimeProvider clock)
{
    public BearerTokenProvider ForIdentity() => Provider(UserToken());

    public BearerTokenProvider ForKeys() => Provider(ApiKey() ?? UserToken());

    /// <summary>Keys calls go with an API key, which Identity does not take.</summary>
    public bool UsesApiKey => ApiKey() is not null;

    private string? ApiKey() => Blank(apiKeyFlag) ?? (Blank(tokenFlag) is null ? environment.Variable("PLATFORM_API_KEY") : null);

    private string UserToken()
    {
        if ((Blank(tokenFlag) ?? environment.Variable("PLATFORM_TOKEN")) is { } given) return given;
        var saved = store.Load() ?? throw new CliException(
            "Not signed in: run `platform login --email you@example.com` (development platforms), or pass --token / set PLATFORM_TOKEN.",
            ExitCodes.Unauthenticated);
        if (saved.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
            throw new CliException($"The saved sign-in of {saved.Email} expired at {expires:yyyy-MM-dd HH:mm:ss}Z: run `platform login` again.",
                ExitCodes.Unauthenticated);
        return saved.AccessToken;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static BearerTokenProvider Provider(string token) => _ => ValueTask.FromResult(token);
}
