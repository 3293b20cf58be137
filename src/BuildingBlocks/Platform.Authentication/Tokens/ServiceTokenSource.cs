using Microsoft.Extensions.Configuration;

namespace Platform.Authentication.Tokens;

/// <summary>
/// The token a service presents when it calls another platform service. In development it is minted with the
/// development key and renewed before it expires; elsewhere it comes from configuration
/// (<c>Authentication:ServiceToken</c>, for example a Kubernetes secret kept fresh by the identity provider).
/// </summary>
public sealed class ServiceTokenSource(DevelopmentTokenIssuer issuer, IConfiguration configuration, TimeProvider time)
{
    private readonly Lock _lock = new();
    private IssuedToken? _current;

    public string GetToken()
    {
        if (configuration["Authentication:ServiceToken"] is { Length: > 0 } configured) return configured;
        lock (_lock)
        {
            if (_current is null || _current.ExpiresAt - time.GetUtcNow() < TimeSpan.FromMinutes(5))
            {
                var serviceName = configuration["OTEL_SERVICE_NAME"] ?? AppDomain.CurrentDomain.FriendlyName;
                _current = issuer.IsAvailable
                    ? issuer.IssueServiceToken(serviceName)
                    : throw new InvalidOperationException("No service token: set Authentication:ServiceToken, or the development signing key.");
            }
            return _current.AccessToken;
        }
    }
}
