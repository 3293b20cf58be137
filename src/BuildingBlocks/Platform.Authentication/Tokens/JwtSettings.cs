namespace Platform.Authentication.Tokens;

/// <summary>
/// Configuration section <c>Authentication:Jwt</c>. Tokens are accepted from one issuer, signed either by a
/// symmetric development key (base64, at least 32 bytes) or by keys from a JWKS (inline JSON or a URL).
/// </summary>
public sealed class JwtSettings
{
    public const string SectionName = "Authentication:Jwt";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "platform";

    /// <summary>Base64 HMAC-SHA256 key for development and tests; never set it in production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A JSON Web Key Set document.</summary>
    public string? Jwks { get; set; }

    /// <summary>Where to fetch the JSON Web Key Set (refreshed hourly, and when a token names an unknown key).</summary>
    public string? JwksUri { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer) &&
                                (!string.IsNullOrWhiteSpace(SigningKey) || !string.IsNullOrWhiteSpace(Jwks) || !string.IsNullOrWhiteSpace(JwksUri));
}
