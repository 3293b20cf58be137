using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Runs one subscription: holds its advisory lock (one instance of a service runs it, the others stand by),
/// reads gap-safely from the checkpoint, hands batches to the subscriber and moves the checkpoint after it
/// returned. Any failure restarts from the stored checkpoint.
/// </summary>
public sealed class SubscriptionRunner(
    SubscriptionRegistration registration, IServiceProvider services, NpgsqlDataSource dataSource, EventStoreSchema schema,
    EventSerializer serializer, Checkpoints checkpoints, EventStoreOptions options, ILogger<SubscriptionRunner> logger)
{
    public string Name => registration.Name;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var subscriber = registration.Factory(services);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schema.EnsureAsync(stoppingToken);
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                if (!await TryLeadAsync(connection, stoppingToken))
                {
                    Log.StandingBy(logger, Name);
                    await Task.Delay(options.PollInterval * 10, stoppingToken);
                    continue;
                }
                try
                {
                    await RunAsLeaderAsync(connection, subscriber, stoppingToken);
                }
                finally
                {
                    await ReleaseAsync(connection);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.SubscriptionFailed(logger, e, Name, _position);
                try { await Task.Delay(options.PollInterval * 5, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private long _position = -1;

    private async Task RunAsLeaderAsync(NpgsqlConnection connection, ISubscriber subscriber, CancellationToken stoppingToken)
    {
        _position = await checkpoints.LoadAsync(connection, Name, stoppingToken);
        Log.SubscriptionStarted(logger, Name, _position);
        var reader = new GapSafeReader(schema.Name, Name, registration.Filter, serializer.Deserialize, logger);
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = await reader.ReadAsync(connection, _position, options.BatchSize, stoppingToken);
            if (read.LastPosition > _position)
            {
                var batch = new SubscriptionBatch(Name, read.Events, _position, read.LastPosition, checkpoints);
                if (read.Events.Count > 0) await subscriber.HandleAsync(batch, stoppingToken);
                if (!batch.CheckpointSaved) await checkpoints.MoveAsync(connection, null, Name, _position, read.LastPosition, stoppingToken);
                EventStoreTelemetry.EventsDelivered.Add(read.Events.Count, new KeyValuePair<string, object?>("eventstore.subscription", Name));
                _position = read.LastPosition;
            }
            if (!read.More) await Task.Delay(options.PollInterval, stoppingToken);
        }
    }

    // The pool keeps a returned connection open, so the lock would outlive the runner: release it explicitly.
    private async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is broken, and the lock went with it.
        }
    }

    private long LockKey => EventStoreSchema.LockKey($"subscription:{schema.Name}:{Name}");

    // Session-level lock on the connection the runner reads with: if that connection dies, the lock goes with it
    // and the next read fails, so a runner never goes on without it.
    private async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
