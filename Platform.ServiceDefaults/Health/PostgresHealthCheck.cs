using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.ServiceDefaults.Health;

/// <summary>Opens a connection to the database and runs <c>select 1</c>.</summary>
internal sealed class PostgresHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, ApplicationName = "health" }.ConnectionString);

    private string Target { get; } = new NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : "";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PostgreSQL {Target} answered");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Broken pooled connections would fail the next check too: start afresh.
            _dataSource.Clear();
            return HealthCheckResult.Unhealthy($"PostgreSQL {Target} is unreachable ({ex.GetType().Name})");
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
