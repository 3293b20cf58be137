using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Authentication.Tokens;

/// <summary>Validates user and service JWTs: issuer, audience, signature, lifetime. Anything else is not ours (null).</summary>
public sealed class JwtTokenValidator(IOptions<JwtSettings> options, SigningKeySource keys)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };
    private static readonly string[] Algorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    public async ValueTask<ClaimsPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured || !LooksLikeJwt(token)) return null;

        var result = await ValidateAsync(token, settings, await keys.GetAsync(refresh: false, cancellationToken));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && settings.JwksUri is not null)
            result = await ValidateAsync(token, settings, await keys.GetAsync(refresh: true, cancellationToken));
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }

    private static Task<TokenValidationResult> ValidateAsync(string token, JwtSettings settings, IReadOnlyList<SecurityKey> signingKeys) =>
        Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = Algorithms,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = settings.ClockSkew,
            AuthenticationType = PlatformClaims.AuthenticationType,
            NameClaimType = PlatformClaims.Name,
            RoleClaimType = PlatformClaims.PlatformRole,
        });

    // Three base64url segments; API keys (sk-plt-v1-...) and other credentials are someone else's to judge.
    private static bool LooksLikeJwt(string token) => token.Length > 20 && token.Count(c => c == '.') == 2 && token.StartsWith("eyJ", StringComparison.Ordinal);
}
