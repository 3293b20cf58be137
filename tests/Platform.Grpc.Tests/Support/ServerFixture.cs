
namespace Platform.Grpc.Tests.Support;

/// <summary>One server and one channel shared by the test assembly, for tests that do not change server state.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public EchoClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync("shared");
        Channel = Server.CreateChannel();
        Client = new EchoClient(Channel);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
    }
}
