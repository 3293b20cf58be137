using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace Platform.ServiceDefaults.Health;

/// <summary>Healthy while the service's broker connection is open (or can be opened again).</summary>
internal sealed class RabbitMqHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await broker.EnsureOpenAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"RabbitMQ {broker.Target} connected")
                : HealthCheckResult.Unhealthy($"RabbitMQ {broker.Target} connection is closed");
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or ConnectFailureException
                                       or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ {broker.Target} is unreachable ({ex.GetType().Name})");
        }
    }
}
