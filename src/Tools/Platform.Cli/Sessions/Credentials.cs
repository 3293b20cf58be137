using Platform.Cli.Output;
using Platform.Grpc;

namespace Platform.Cli.Sessions;

/// <summary>
/// The bearer credential of a call. Identity takes user tokens: <c>--token</c>, else <c>PLATFORM_TOKEN</c>, else the
/// saved login. The Keys service also takes API keys: <c>--api-key</c> or <c>PLATFORM_API_KEY</c> come first there.
/// </summary>
internal sealed class Credentials(CliEnvironment environment, CredentialsStore store, string? tokenFlag, string? apiKeyFlag, TimeProvider clock)
{
    public BearerTokenProvider ForIdentity() => Provider(UserToken());

    public BearerTokenProvider ForKeys() => Provider(ApiKey() ?? UserToken());

    private string? ApiKey() => Blank(apiKeyFlag) ?? environment.Variable("PLATFORM_API_KEY");

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
