using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Hosting.Local;
using Platform.Identity;
using Platform.Keys;
using Platform.Testing;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>
/// The real services as the AppHost runs them (their Create entries), in-process on free ports, with a fresh database
/// each and one virtual host, sharing one development signing key; Identity's development issuer enabled.
/// </summary>
public sealed class PlatformServices(IReadOnlyList<WebApplication> apps, string identityGrpc, string keysGrpc, string keysDatabase) : IAsyncDisposable
{
    public string IdentityGrpc => identityGrpc;

    public string KeysGrpc => keysGrpc;

    /// <summary>Superuser connection string to the Keys service's database (for tests that tamper with its events).</summary>
    public string KeysDatabase => keysDatabase;

    public static async Task<PlatformServices> StartAsync(LocalServers servers)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var (identityDb, broker) = (await servers.CreateDatabaseAsync("identity"), await servers.CreateVirtualHostAsync("platform"));
        var identityPorts = (Http: FreePort.Next(), Grpc: FreePort.Next());
        var identityGrpc = $"http://127.0.0.1:{identityPorts.Grpc}";

        var identity = IdentityApplication.Create([], b => Configure(b, "identity", identityPorts, signingKey, new()
        {
            ["ConnectionStrings:identitydb"] = identityDb,
            ["ConnectionStrings:messaging"] = broker,
            ["Identity:DevelopmentIssuer:Enabled"] = "true",
        }));
        await identity.StartAsync(TestContext.Current.CancellationToken);

        var keysPorts = (Http: FreePort.Next(), Grpc: FreePort.Next());
        var keysDb = await servers.CreateDatabaseAsync("keys");
        var keys = KeysApplication.Create([], b => Configure(b, "keys", keysPorts, signingKey, new()
        {
            ["ConnectionStrings:keysdb"] = keysDb,
            // Keys consumes Identity's membership events: one broker, as under the AppHost.
            ["ConnectionStrings:messaging"] = broker,
            ["services:identity:grpc:0"] = identityGrpc,
        }));
        await keys.StartAsync(TestContext.Current.CancellationToken);
        return new PlatformServices([identity, keys], identityGrpc, $"http://127.0.0.1:{keysPorts.Grpc}", keysDb);
    }

    private static void Configure(WebApplicationBuilder builder, string name, (int Http, int Grpc) ports, string signingKey, Dictionary<string, string?> settings)
    {
        builder.Logging.ClearProviders();
        settings["OTEL_SERVICE_NAME"] = name;
        settings["Kestrel:Endpoints:http:Url"] = $"http://127.0.0.1:{ports.Http}";
        settings["Kestrel:Endpoints:grpc:Url"] = $"http://127.0.0.1:{ports.Grpc}";
        settings["Authentication:Jwt:Issuer"] = "http://platform.test";
        settings["Authentication:Jwt:SigningKey"] = signingKey;
        builder.Configuration.AddInMemoryCollection(settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Reverse())
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
