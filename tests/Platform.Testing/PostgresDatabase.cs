using Xunit;

namespace Platform.Testing;

/// <summary>A class fixture: one fresh database per test class, on the assembly's <see cref="LocalServers"/>.</summary>
public sealed class PostgresDatabase(LocalServers servers) : IAsyncLifetime
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    public LocalServers Servers => servers;

    public async ValueTask InitializeAsync() => _connectionString = await servers.CreateDatabaseAsync("test");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
