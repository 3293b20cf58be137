using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.Authentication.Tokens;
using Platform.Contracts.Clients;
using Platform.EventStore.Audit;
using Platform.Grpc;
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
    private readonly string _signingKey = Credentials.NewSigningKey();
    private readonly List<ServiceHost> _keys = [];

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
        for (var i = 0; i < KeysInstances; i++)
            _keys.Add(await StartAsync("keys", keysDb, broker, Identity.GrpcAddress, app => KeysApplication.Create([], app)));
        Organizations = new OrganizationsClient(Identity.Channel);
        Keys = new KeysClient(_keys[0].Channel);
        Audit = new AuditClient(_keys[0].Channel);
    }

    private async Task<ServiceHost> StartAsync(string service, string database, string broker, string? identity,
        Func<Action<WebApplicationBuilder>, WebApplication> create)
    {
        var settings = new Dictionary<string, string?> { ["Identity:DevelopmentIssuer:Enabled"] = "true" };
        if (identity is not null)
        {
            settings["services:identity:grpc:0"] = identity;
            // Minted on real time: a manual clock far ahead must not make Identity refuse the service's token.
            settings["Authentication:ServiceToken"] = Tokens.IssueServiceToken("keys").AccessToken;
            // Far beyond any test's patience: when a cache forgets something, it is because it was told to.
            settings["Keys:Access:CacheLifetime"] = "01:00:00";
            settings["Keys:Authentication:CacheLifetime"] = "01:00:00";
        }
        return await ServiceHost.StartAsync(create, service, database, broker, "http://platform.test", _signingKey, settings,
            builder =>
            {
                if (identity is not null) builder.Services.AddSingleton(KeysClock);
            });
    }

    /// <summary>A platform service's token (the gateway's, say): the only caller Authenticate accepts.</summary>
    public CallOptions AsService(string service = "gateway") => Credentials.Bearer(Tokens.IssueServiceToken(service).AccessToken);

    internal DevelopmentTokenIssuer Tokens => Identity.Tokens;

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
