using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Messaging;

/// <summary>
/// Deletes processed message ids older than <see cref="RetentionOptions.KeepFor"/>, every
/// <see cref="RetentionOptions.SweepInterval"/>, in batches so no sweep holds many row locks at once. A message
/// delivered again after its id was deleted is processed again: the window must outlast every redelivery (see
/// docs/event-store.md). Several instances may sweep at once; they only delete the same rows.
/// </summary>
public sealed class ProcessedMessagesRetention(ProcessedMessages processed, NpgsqlDataSource dataSource, MessagingOptions options,
    TimeProvider timeProvider, ILogger<ProcessedMessagesRetention> logger) : BackgroundService
{
    private readonly string _deleteBatch = $"""
        delete from {options.Schema}.processed_messages
        where (consumer, message_id) in (
            select consumer, message_id from {options.Schema}.processed_messages where processed < $1 limit $2)
        """;

    private RetentionOptions Retention => options.Retention;

    /// <summary>One sweep: deletes every expired id and returns how many it deleted.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken)
    {
        if (Retention.KeepFor == Timeout.InfiniteTimeSpan) return 0;
        await processed.EnsureSchemaAsync();
        var before = timeProvider.GetUtcNow() - Retention.KeepFor;
        long deleted = 0, batch;
        do
        {
            await using var command = dataSource.CreateCommand(_deleteBatch);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Retention.BatchSize });
            deleted += batch = await command.ExecuteNonQueryAsync(cancellationToken);
        } while (batch == Retention.BatchSize);
        if (deleted > 0)
        {
            MessagingTelemetry.ProcessedIdsDeleted.Add(deleted);
            Log.ProcessedIdsDeleted(logger, deleted, before);
        }
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Retention.KeepFor == Timeout.InfiniteTimeSpan) return;
        using var timer = new PeriodicTimer(Retention.SweepInterval, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                Log.SweepFailed(logger, e); // the ids stay until the next sweep; nothing is lost
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
