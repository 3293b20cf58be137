using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Authentication.Tokens;
using Platform.Contracts.Clients;
using Platform.EventStore.Audit;
using Platform.Grpc;
using Platform.Hosting.Local;
using Platform.Identity;
using Platform.Testing;

namespace Platform.Keys.Tests.Hosting;

/// <summary>
/// The real Identity service and one or more Keys instances (one database each service, one virtual host), as the
/// AppHost runs them (IdentityApplication.Create / KeysApplication.Create), on free ports, sharing a development
/// signing key. Keys instances share their database, as replicas do.
/// </summary>
public class KeysEnvironment(LocalServers servers) : IAsyncLifetime
{
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<ServiceHost> _keys = [];
    private DevelopmentTokenIssuer? _tokens;

    protected virtual int KeysInstances => 1;

    /// <summary>The Keys instances' clock (real time unless a subclass makes it manual).</summary>
    public virtual TimeProvider KeysClock => TimeProvider.System;

    public ServiceHost Identity { get; private set; } = null!;
    public IReadOnlyList<ServiceHost> KeysHosts => _keys;
    public OrganizationsClient Organizations { get; private set; } = null!;
    public KeysClient Keys { get; private set; } = null!;
    public AuditClient Audit { get; private set; } = null!;

    public KeysClient KeysOn(int instance) => new(_keys[instance].Channel);

    public virtual async ValueTask InitializeAsync()
    {
        var identityDb = await servers.CreateDatabaseAsync("identity");
        var keysDb = await servers.CreateDatabaseAsync("keys");
        var broker = await servers.CreateVirtualHostAsync("keys");
        Identity = await StartAsync("identity", identityDb, broker, null, app => IdentityApplication.Create([], app));
        _tokens = new DevelopmentTokenIssuer(Identity.Services.GetRequiredService<IOptions<JwtSettings>>(), TimeProvider.System);
        for (var i = 0; i < KeysInstances; i++)
            _keys.Add(await StartAsync("keys", keysDb, broker, Identity.GrpcAddress, app => KeysApplication.Create([], app)));
        Organizations = new OrganizationsClient(Identity.Channel);
        Keys = new KeysClient(_keys[0].Channel);
        Audit = new AuditClient(_keys[0].Channel);
    }

    private async Task<ServiceHost> StartAsync(string service, string database, string broker, string? identity,
        Func<Action<WebApplicationBuilder>, WebApplication> create)
    {
        var (http, grpc) = (FreePort.Next(), FreePort.Next());
        var logs = new LogCapture();
        var app = create(builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
            var settings = new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{service}db"] = database,
                ["ConnectionStrings:messaging"] = broker,
                ["OTEL_SERVICE_NAME"] = service,
                ["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{http}",
                ["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{grpc}",
                ["Authentication:Jwt:Issuer"] = "http://platform.test",
                ["Authentication:Jwt:SigningKey"] = _signingKey,
                ["Identity:DevelopmentIssuer:Enabled"] = "true",
            };
            if (identity is not null)
            {
                settings["services:identity:grpc:0"] = identity;
                // Minted on real time: a manual clock far ahead must not make Identity refuse the service's token.
                settings["Authentication:ServiceToken"] = _tokens!.IssueServiceToken("keys").AccessToken;
                builder.Services.AddSingleton(KeysClock);
                // Far beyond any test's patience: when a cache forgets something, it is because it was told to.
                settings["Keys:Access:CacheLifetime"] = "01:00:00";
                settings["Keys:Authentication:CacheLifetime"] = "01:00:00";
            }
            builder.Configuration.AddInMemoryCollection(settings);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServiceHost(app, $"http://127.0.0.1:{grpc}", logs);
    }

    /// <summary>A platform service's token (the gateway's, say): the only caller Authenticate accepts.</summary>
    public CallOptions AsService(string service = "gateway") => Bearer(_tokens!.IssueServiceToken(service).AccessToken);

    public static CallOptions Bearer(string? credential) => new()
    {
        CancellationToken = TestContext.Current.CancellationToken,
        Credentials = credential is null ? null : _ => ValueTask.FromResult(credential),
    };

    internal DevelopmentTokenIssuer Tokens => _tokens!;

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _keys) await host.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
    }
}

/// <summary>Keys instances on a manual clock, for expiry and grace periods.</summary>
public class ClockedKeysEnvironment(LocalServers servers) : KeysEnvironment(servers)
{
    public ManualClock Clock { get; } = new();
    public override TimeProvider KeysClock => Clock;
}

/// <summary>Two Keys instances on one database: cache invalidation across instances.</summary>
public sealed class TwoKeysInstances(LocalServers servers) : KeysEnvironment(servers)
{
    protected override int KeysInstances => 2;
}
