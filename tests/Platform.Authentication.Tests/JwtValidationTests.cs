using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Authentication.Callers;

namespace Platform.Authentication.Tests;

public sealed class JwtValidationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_development_user_token_validates_into_a_user_caller()
    {
        using var tokens = new Tokens();
        var issued = tokens.DevelopmentIssuer.IssueUserToken("0190-user", "ada@example.com", "Ada", emailVerified: true, platformRole: null);

        var caller = Caller.From(await tokens.Validator.ValidateAsync(issued.AccessToken, Cancel));

        Assert.Equal(new Caller(CallerKind.User, "0190-user", "ada@example.com", true, "Ada", null, null, null), caller);
        Assert.Equal("user:0190-user", caller.ActorId);
    }

    [Fact]
    public async Task Support_role_and_unverified_email_come_through()
    {
        using var tokens = new Tokens();
        var issued = tokens.DevelopmentIssuer.IssueUserToken("u2", "sam@example.com", "Sam", emailVerified: false, platformRole: "support");

        var caller = Caller.From(await tokens.Validator.ValidateAsync(issued.AccessToken, Cancel));

        Assert.True(caller.IsSupport);
        Assert.False(caller.EmailVerified);
    }

    [Fact]
    public async Task A_service_token_is_a_service_caller()
    {
        using var tokens = new Tokens();
        var caller = Caller.From(await tokens.Validator.ValidateAsync(tokens.DevelopmentIssuer.IssueServiceToken("keys").AccessToken, Cancel));

        Assert.Equal(CallerKind.Service, caller.Kind);
        Assert.Equal("service:keys", caller.ActorId);
    }

    [Fact]
    public async Task Expired_tokens_are_refused_after_the_clock_skew()
    {
        using var tokens = new Tokens();
        var issued = tokens.DevelopmentIssuer.IssueServiceToken("keys");
        Assert.NotNull(await tokens.Validator.ValidateAsync(issued.AccessToken, Cancel));

        // The validator checks lifetime against real time, so issue the token in the past instead of moving forward.
        tokens.Clock.Advance(-(Platform.Authentication.Tokens.DevelopmentTokenIssuer.ServiceTokenLifetime + TimeSpan.FromMinutes(2)));
        var stale = tokens.DevelopmentIssuer.IssueServiceToken("keys");

        Assert.Null(await tokens.Validator.ValidateAsync(stale.AccessToken, Cancel));
    }

    [Fact]
    public async Task Tokens_signed_with_another_key_or_for_another_issuer_or_audience_are_refused()
    {
        using var tokens = new Tokens();
        using var otherKey = new Tokens();
        using var otherIssuer = new Tokens(tokens.SigningKey, new Dictionary<string, string?> { ["Authentication:Jwt:Issuer"] = "http://elsewhere" });
        using var otherAudience = new Tokens(tokens.SigningKey, new Dictionary<string, string?> { ["Authentication:Jwt:Audience"] = "billing-only" });

        Assert.Null(await tokens.Validator.ValidateAsync(otherKey.DevelopmentIssuer.IssueServiceToken("x").AccessToken, Cancel));
        Assert.Null(await tokens.Validator.ValidateAsync(otherIssuer.DevelopmentIssuer.IssueServiceToken("x").AccessToken, Cancel));
        Assert.Null(await tokens.Validator.ValidateAsync(otherAudience.DevelopmentIssuer.IssueServiceToken("x").AccessToken, Cancel));
    }

    [Fact]
    public async Task An_unsigned_token_and_a_non_jwt_credential_are_not_accepted()
    {
        using var tokens = new Tokens();
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Tokens.Issuer, Audience = "platform", Subject = new ClaimsIdentity([new Claim("sub", "mallory")]),
            Expires = DateTime.UtcNow.AddHours(1),
        });

        Assert.Null(await tokens.Validator.ValidateAsync(unsigned, Cancel));
        Assert.Null(await tokens.Validator.ValidateAsync("sk-plt-v1-" + new string('a', 64), Cancel));
    }

    [Fact]
    public async Task Tokens_from_an_identity_provider_validate_against_its_inline_jwks()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "idp-1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = "idp-1" });
        var jwks = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, n = jwk.N, e = jwk.E, use = "sig", alg = "RS256" } } });
        using var tokens = new Tokens(extra: new Dictionary<string, string?> { ["Authentication:Jwt:SigningKey"] = "", ["Authentication:Jwt:Jwks"] = jwks });
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Tokens.Issuer, Audience = "platform", Subject = new ClaimsIdentity([new Claim("sub", "idp-user"), new Claim("email", "lin@example.com")]),
            Expires = DateTime.UtcNow.AddMinutes(5), SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        var caller = Caller.From(await tokens.Validator.ValidateAsync(token, Cancel));

        Assert.Equal(("idp-user", CallerKind.User), (caller.UserId, caller.Kind));
    }

    [Fact]
    public void Without_a_development_key_no_service_token_can_be_minted_and_the_message_says_what_to_set()
    {
        using var tokens = new Tokens(extra: new Dictionary<string, string?> { ["Authentication:Jwt:SigningKey"] = "" });
        var error = Assert.Throws<InvalidOperationException>(() => tokens.ServiceTokens.GetToken());
        Assert.Contains("Authentication:ServiceToken", error.Message);
    }
}
