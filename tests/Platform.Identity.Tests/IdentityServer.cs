using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Clients;
using Platform.Contracts.Identity.V1;
using Platform.Grpc;
using Platform.Identity;
using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>
/// The Identity service as the AppHost runs it (IdentityApplication.Create), on free ports, with its own database and
/// virtual host, a generated development signing key and a manual clock registered as the TimeProvider.
/// </summary>
public sealed class IdentityServer : IAsyncDisposable
{
    private readonly ServiceHost _host;

    private IdentityServer(ServiceHost host, string database, string broker, ManualClock clock)
    {
        _host = host;
        Database = database;
        Broker = broker;
        Clock = clock;
        Organizations = new OrganizationsClient(Channel);
        Issuer = new DevelopmentIssuerClient(Channel);
    }

    public string Address => _host.GrpcAddress;
    public string Database { get; }
    public string Broker { get; }
    public ManualClock Clock { get; }
    public LogCapture Logs => _host.Logs;
    public GrpcChannel Channel => _host.Channel;
    public OrganizationsClient Organizations { get; }
    public DevelopmentIssuerClient Issuer { get; }
    public IServiceProvider Services => _host.Services;

    public string SigningKey => _host.App.Configuration["Authentication:Jwt:SigningKey"]!;

    public static async Task<IdentityServer> StartAsync(string database, string broker, bool developmentIssuer = true,
        string? signingKey = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new ManualClock();
        var host = await ServiceHost.StartAsync(builder => IdentityApplication.Create([], builder), "identity", database, broker,
            "http://identity.test", signingKey ?? Credentials.NewSigningKey(),
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Identity:DevelopmentIssuer:Enabled"] = developmentIssuer ? "true" : "false",
            },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        return new IdentityServer(host, database, broker, clock);
    }

    /// <summary>Signs in a new person through the development issuer (a fresh email, so tests never share users).</summary>
    public async Task<TestUser> SignInAsync(string name = "user", bool emailVerified = true, string? platformRole = null, string? email = null)
    {
        email ??= $"{name}-{Guid.NewGuid():N}@example.com";
        var issued = await Issuer.IssueTokenAsync(new IssueTokenRequest
        {
            Email = email, Name = name, EmailUnverified = !emailVerified, PlatformRole = platformRole ?? "",
        }, new CallOptions { CancellationToken = TestContext.Current.CancellationToken });
        return new TestUser(issued.UserId, email, () => _host.Tokens.IssueUserToken(issued.UserId, email, name, emailVerified, platformRole).AccessToken);
    }

    public CallOptions AsService(string service = "keys") => Credentials.Bearer(_host.Tokens.IssueServiceToken(service).AccessToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

/// <summary>A signed-in person: <see cref="Call"/> carries a fresh token of theirs.</summary>
public sealed record TestUser(string UserId, string Email, Func<string> Token)
{
    public CallOptions Call => Credentials.Bearer(Token());
}
