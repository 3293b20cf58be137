using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// The AppHost's own AMQP connection to the broker, kept open: healthy while it is. Probing with a fresh connection
/// every few seconds would fill the broker's log with "client unexpectedly closed TCP connection".
/// </summary>
internal sealed class BrokerProbe : IAsyncDisposable
{
    private IConnection? _connection;

    public async Task<bool> IsHealthyAsync(string connectionString, CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true }) return true;
        await DisposeAsync();
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                ClientProvidedName = "apphost (health)",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection.IsOpen;
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null) await connection.DisposeAsync();
    }
}
