using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Authentication.Tokens;
using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;
using Platform.Hosting.Local;
using Platform.Identity;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>
/// The Identity service as the AppHost runs it (IdentityApplication.Create), on free ports, with its own database and
/// virtual host, a generated development signing key and a manual clock registered as the TimeProvider.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevelopmentTokenIssuer _tokens;

    private IdentityServer(WebApplication app, string address, string database, string broker, ManualClock clock, LogCapture logs)
    {
        _app = app;
        Address = address;
        Database = database;
        Broker = broker;
        Clock = clock;
        Logs = logs;
        Channel = GrpcChannel.ForAddress(address);
        Organizations = new OrganizationsClient(Channel);
        Issuer = new DevelopmentIssuerClient(Channel);
        // Test tokens are minted on real time: the manual clock may be days ahead, and JWT lifetimes are checked on real time.
        _tokens = new DevelopmentTokenIssuer(app.Services.GetRequiredService<IOptions<JwtSettings>>(), TimeProvider.System);
    }

    public string Address { get; }
    public string Database { get; }
    public string Broker { get; }
    public ManualClock Clock { get; }
    public LogCapture Logs { get; }
    public GrpcChannel Channel { get; }
    public OrganizationsClient Organizations { get; }
    public DevelopmentIssuerClient Issuer { get; }
    public IServiceProvider Services => _app.Services;

    public string SigningKey => _app.Configuration["Authentication:Jwt:SigningKey"]!;

    public static async Task<IdentityServer> StartAsync(string database, string broker, bool developmentIssuer = true,
        string? signingKey = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        var clock = new ManualClock();
        var logs = new LogCapture();
        var app = IdentityApplication.Create([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:identitydb"] = database,
                ["ConnectionStrings:messaging"] = broker,
                ["OTEL_SERVICE_NAME"] = "identity",
                ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpc}",
                ["Authentication:Jwt:Issuer"] = "http://identity.test",
                ["Authentication:Jwt:SigningKey"] = signingKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Identity:DevelopmentIssuer:Enabled"] = developmentIssuer ? "true" : "false",
            });
            if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new IdentityServer(app, $"http://127.0.0.1:{grpc}", database, broker, clock, logs);
    }

    /// <summary>Signs in a new person through the development issuer (a fresh email, so tests never share users).</summary>
    public async Task<TestUser> SignInAsync(string name = "user", bool emailVerified = true, string? platformRole = null, string? email = null)
    {
        email ??= $"{name}-{Guid.NewGuid():N}@example.com";
        var issued = await Issuer.IssueTokenAsync(new IssueTokenRequest
        {
            Email = email, Name = name, EmailUnverified = !emailVerified, PlatformRole = platformRole ?? "",
        }, new CallOptions { CancellationToken = TestContext.Current.CancellationToken });
        return new TestUser(issued.UserId, email, () => _tokens.IssueUserToken(issued.UserId, email, name, emailVerified, platformRole).AccessToken);
    }

    public CallOptions AsService(string service = "keys") => Bearer(_tokens.IssueServiceToken(service).AccessToken);

    public static CallOptions Bearer(string? credential) => new()
    {
        CancellationToken = TestContext.Current.CancellationToken,
        Credentials = credential is null ? null : _ => ValueTask.FromResult(credential),
    };

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

/// <summary>A signed-in person: <see cref="Call"/> carries a fresh token of theirs.</summary>
public sealed record TestUser(string UserId, string Email, Func<string> Token)
{
    public CallOptions Call => IdentityServer.Bearer(Token());
}
