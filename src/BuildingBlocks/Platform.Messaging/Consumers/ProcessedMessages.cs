using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.EventStore;

namespace Platform.Messaging;

/// <summary>The ids of messages each consumer has processed (table <c>processed_messages</c> in the service's database).</summary>
public sealed class ProcessedMessages(NpgsqlDataSource dataSource, MessagingOptions options, TimeProvider timeProvider, ILogger<ProcessedMessages> logger)
{
    private readonly Lazy<Task> _schema = new(() => CreateSchemaAsync(dataSource, options.Schema));

    /// <summary>Creates the table when missing (at start-up, and before the first message at the latest).</summary>
    public Task EnsureSchemaAsync() => _schema.Value;

    /// <summary>Runs <paramref name="handle"/> and records the id in one transaction; false (and nothing done) for a duplicate.</summary>
    public async Task<bool> ProcessOnceAsync(string consumer, Guid messageId, Func<NpgsqlTransaction, Task> handle, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A concurrent delivery of the same id waits here on the unique key until the first one commits or rolls back.
        await using (var record = new NpgsqlCommand(
            $"insert into {options.Schema}.processed_messages (consumer, message_id, processed) values ($1, $2, $3) on conflict do nothing",
            connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = consumer });
            record.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
            if (await record.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                MessagingTelemetry.Duplicates.Add(1, new KeyValuePair<string, object?>("messaging.consumer", consumer));
                Log.Duplicate(logger, messageId, consumer);
                return false;
            }
        }
        await handle(transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task CreateSchemaAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            select pg_advisory_xact_lock({EventStoreSchema.LockKey("messaging:" + schema)});
            create schema if not exists {schema};
            create table if not exists {schema}.processed_messages (
                consumer text not null,
                message_id uuid not null,
                processed timestamptz not null,
                primary key (consumer, message_id));
            -- For the retention sweep (ProcessedMessagesRetention).
            create index if not exists processed_messages_processed on {schema}.processed_messages (processed);
            """, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
