using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Authentication.Tokens;

/// <summary>
/// The keys tokens may be signed with: the development key, an inline JWKS, or a JWKS fetched from a URL
/// (cached for an hour; fetched again, at most once a minute, when a token names a key we do not know).
/// </summary>
public sealed class SigningKeySource(IOptions<JwtSettings> options, IHttpClientFactory httpClients, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRefetch = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private IReadOnlyList<SecurityKey> _fetched = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private IReadOnlyList<SecurityKey>? _static;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _static ??= StaticKeys(settings);
        if (string.IsNullOrWhiteSpace(settings.JwksUri)) return _static;

        var age = time.GetUtcNow() - _fetchedAt;
        if (age < CacheFor && !(refresh && age > MinimumRefetch)) return [.. _static, .. _fetched];
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            age = time.GetUtcNow() - _fetchedAt;
            if (age >= CacheFor || (refresh && age > MinimumRefetch))
            {
                var json = await httpClients.CreateClient(nameof(SigningKeySource)).GetStringAsync(settings.JwksUri, cancellationToken);
                _fetched = new JsonWebKeySet(json).GetSigningKeys().ToArray();
                _fetchedAt = time.GetUtcNow();
            }
        }
        finally
        {
            _fetch.Release();
        }
        return [.. _static, .. _fetched];
    }

    private static IReadOnlyList<SecurityKey> StaticKeys(JwtSettings settings)
    {
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrWhiteSpace(settings.SigningKey)) keys.Add(DevelopmentKey(settings.SigningKey));
        if (!string.IsNullOrWhiteSpace(settings.Jwks)) keys.AddRange(new JsonWebKeySet(settings.Jwks).GetSigningKeys());
        return keys;
    }

    public static SymmetricSecurityKey DevelopmentKey(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length < 32)
            throw new InvalidOperationException($"{JwtSettings.SectionName}:SigningKey must be at least 32 bytes (base64); it has {bytes.Length}.");
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16] };
    }

}
