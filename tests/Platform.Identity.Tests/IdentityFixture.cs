using Platform.Testing;

namespace Platform.Identity.Tests;

/// <summary>A class fixture: one Identity service with a fresh database and virtual host for the test class.</summary>
public sealed class IdentityFixture(LocalServers servers) : IAsyncLifetime
{
    private IdentityServer? _server;

    public IdentityServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public LocalServers Servers => servers;

    public async ValueTask InitializeAsync()
    {
        var database = await servers.CreateDatabaseAsync("identity");
        var broker = await servers.CreateVirtualHostAsync("identity");
        _server = await IdentityServer.StartAsync(database, broker);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
