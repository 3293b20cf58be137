using Xunit;

namespace Platform.Testing;

/// <summary>A class fixture: one fresh RabbitMQ virtual host per test class.</summary>
public sealed class RabbitMqVirtualHost(LocalServers servers) : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>An AMQP URI whose path is this class's virtual host.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The virtual host is not created yet.");

    public async ValueTask InitializeAsync() => _connectionString = await servers.CreateVirtualHostAsync("test");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
