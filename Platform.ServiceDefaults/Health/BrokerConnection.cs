using RabbitMQ.Client;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// One AMQP connection kept open for health checks. It does not recover by itself: a closed connection is
/// reported as such, and the next check opens a new one.
/// </summary>
internal sealed class BrokerConnection(Uri uri, string applicationName) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public string Target { get; } = $"{uri.Host}:{uri.Port}{(uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : "/")}";

    /// <summary>True when the connection is open, opening it if it is not.</summary>
    public async Task<bool> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true }) return true;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true }) return true;
            if (_connection is not null) await _connection.DisposeAsync();
            _connection = null;
            var factory = new ConnectionFactory
            {
                Uri = uri,
                AutomaticRecoveryEnabled = false,
                TopologyRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                ClientProvidedName = $"{applicationName} (health)",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection.IsOpen;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _gate.Dispose();
    }
}
