using Platform.Testing;

namespace Platform.Cli.Tests.EndToEnd;

/// <summary>One set of real services per test class: starting them is the slow part, and each test signs in its own people.</summary>
public sealed class PlatformFixture(LocalServers servers) : IAsyncLifetime
{
    public PlatformServices Services { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Services = await PlatformServices.StartAsync(servers);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
