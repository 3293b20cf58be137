using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Creates and upgrades the store's schema, once per process, idempotently: every start takes a
/// transaction-scoped advisory lock, so instances starting together apply each migration exactly once.
/// </summary>
public sealed class EventStoreSchema(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger<EventStoreSchema> logger)
{
    private readonly Lock _gate = new();
    private Task? _ensured;

    public string Name => options.Schema;

    /// <summary>Ensures the schema; cached after the first success.</summary>
    public Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _ensured) is { IsCompletedSuccessfully: true } ensured) return ensured; // every append asks: no lock then
        lock (_gate)
        {
            if (_ensured is null || _ensured.IsFaulted || _ensured.IsCanceled) _ensured = MigrateAsync(cancellationToken);
            return _ensured;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "select pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey(Name)));
        await ExecuteAsync(connection, transaction, $"""
            create schema if not exists {Name};
            create table if not exists {Name}.schema_versions (
                version int primary key, description text not null, applied timestamptz not null default now());
            """, cancellationToken);
        await using var read = new NpgsqlCommand($"select coalesce(max(version), 0) from {Name}.schema_versions", connection, transaction);
        var current = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        foreach (var (version, description, sql) in Migrations.All.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, sql.Replace("@schema", Name), cancellationToken);
            await ExecuteAsync(connection, transaction, $"insert into {Name}.schema_versions (version, description) values (@v, @d)",
                cancellationToken, ("v", version), ("d", description));
            Log.SchemaMigrated(logger, Name, version, description);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A stable 64-bit advisory lock key for a purpose (hash of its text, the same in every process).</summary>
    public static long LockKey(string purpose) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("Platform.EventStore:" + purpose)));

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
