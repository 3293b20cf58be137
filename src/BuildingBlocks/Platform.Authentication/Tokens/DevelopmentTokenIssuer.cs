using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Authentication.Tokens;

/// <summary>
/// Signs user and service JWTs with the development key. Only development and tests configure that key;
/// without it, this refuses to issue anything.
/// </summary>
public sealed class DevelopmentTokenIssuer(IOptions<JwtSettings> options, TimeProvider time)
{
    public static readonly TimeSpan UserTokenLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan ServiceTokenLifetime = TimeSpan.FromHours(1);
    private static readonly JsonWebTokenHandler Handler = new();

    public bool IsAvailable => options.Value is { IsConfigured: true, SigningKey: not null and not "" };

    public IssuedToken IssueUserToken(string subject, string email, string name, bool emailVerified, string? platformRole)
    {
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Email] = email,
            [PlatformClaims.EmailVerified] = emailVerified,
            [PlatformClaims.Name] = name,
        };
        if (!string.IsNullOrEmpty(platformRole)) claims[PlatformClaims.PlatformRole] = platformRole;
        return Issue(subject, claims, UserTokenLifetime);
    }

    public IssuedToken IssueServiceToken(string serviceName) =>
        Issue($"service:{serviceName}", new Dictionary<string, object> { [PlatformClaims.Scope] = PlatformClaims.ServiceScope }, ServiceTokenLifetime);

    private IssuedToken Issue(string subject, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var settings = options.Value;
        if (!IsAvailable) throw new InvalidOperationException("The development issuer needs Authentication:Jwt:Issuer and :SigningKey.");
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity([new Claim(PlatformClaims.Subject, subject)]),
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKeySource.DevelopmentKey(settings.SigningKey!), SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, subject, expires);
    }
}

/// <summary>A signed token, its subject and when it stops being accepted.</summary>
public sealed record IssuedToken(string AccessToken, string Subject, DateTimeOffset ExpiresAt);
