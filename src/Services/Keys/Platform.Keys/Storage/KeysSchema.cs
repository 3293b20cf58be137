using Npgsql;
using Platform.EventStore;

namespace Platform.Keys.Storage;

/// <summary>
/// The service's own tables (public schema): <c>keys</c>, the read model written by <see cref="KeyProjection"/>
/// inline with every append, and <c>key_secrets</c>, the SHA-256 of each secret, written by the commands in the
/// same transaction (events never carry secret hashes, so the secrets table cannot be projected from them).
/// </summary>
public sealed class KeysSchema(NpgsqlDataSource dataSource) : IHostedService
{
    private const string Ddl = """
        create table if not exists keys (
            hash text primary key,
            account_id uuid not null,
            kind text not null,
            name text not null,
            label text not null,
            disabled bool not null,
            disabled_reason text,
            credit_limit numeric,
            limit_reset text,
            expires_at timestamptz,
            created_at timestamptz not null,
            updated_at timestamptz not null,
            creator_user_id text not null,
            rotation_count int not null,
            previous_secret_valid_until timestamptz,
            expiry_recorded bool not null,
            deleted bool not null);
        create index if not exists keys_account on keys (account_id, created_at, hash);
        create index if not exists keys_expiring on keys (expires_at) where not expiry_recorded and not deleted;
        create index if not exists keys_in_grace on keys (previous_secret_valid_until) where previous_secret_valid_until is not null;
        create table if not exists key_secrets (
            secret_hash bytea primary key,
            key_hash text not null,
            rotation int not null,
            valid_until timestamptz);
        create index if not exists key_secrets_key on key_secrets (key_hash);
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Instances starting together: the second waits here and finds the tables made.
        await using var command = new NpgsqlCommand($"select pg_advisory_xact_lock({EventStoreSchema.LockKey("keys:tables")}); {Ddl}", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
