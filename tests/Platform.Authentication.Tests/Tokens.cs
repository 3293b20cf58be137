using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Testing;
using Platform.Authentication.Tokens;

namespace Platform.Authentication.Tests;

/// <summary>A host with platform authentication configured, and a clock the test moves.</summary>
internal sealed class Tokens : IDisposable
{
    public const string Issuer = "http://platform.test/dev";
    private readonly IHost _host;

    public Tokens(string? signingKey = null, IDictionary<string, string?>? extra = null)
    {
        SigningKey = signingKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Jwt:Issuer"] = Issuer,
            ["Authentication:Jwt:SigningKey"] = SigningKey,
        });
        builder.Configuration.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddPlatformAuthentication();
        _host = builder.Build();
    }

    public ManualClock Clock { get; } = new();

    public string SigningKey { get; }

    public JwtTokenValidator Validator => _host.Services.GetRequiredService<JwtTokenValidator>();

    public DevelopmentTokenIssuer DevelopmentIssuer => _host.Services.GetRequiredService<DevelopmentTokenIssuer>();

    public ServiceTokenSource ServiceTokens => _host.Services.GetRequiredService<ServiceTokenSource>();

    public void Dispose() => _host.Dispose();
}
