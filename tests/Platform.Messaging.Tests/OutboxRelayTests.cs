using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.EventStore;
using Platform.Testing;

namespace Platform.Messaging.Tests;

public sealed class OutboxRelayTests(LocalServers servers, PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _schema = "t" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Mapped_events_are_published_with_the_stored_event_id_as_message_id_and_applied_once()
    {
        var broker = await servers.CreateVirtualHostAsync("relay");
        await ServiceHost.PrepareAsync(database.ConnectionString, _schema);
        await using var service = await ServiceHost.StartAsync(database.ConnectionString, _schema, broker, new LogCapture());
        var keys = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();
        var revoked = new List<RecordedEvent>();
        foreach (var key in keys)
        {
            await service.Store.AppendAsync($"key-{key}", "key", ExpectedVersion.NoStream, [new KeyCreated(key, "ci")], null, Ct);
            revoked.AddRange((await service.Store.AppendAsync($"key-{key}", "key", ExpectedVersion.Exactly(1), [new KeyRevoked(key, "leaked")], null, Ct)).Events);
        }

        await Eventually.HoldsAsync(async () => await ScalarAsync<long>($"select count(*) from {_schema}.revocations") == 3, "three revocations applied");

        Assert.Equal(3L, await ScalarAsync<long>($"select count(*) from {_schema}.revocations where applied = 1"));
        Assert.Equal(revoked.Select(e => e.Id).Order(), (await ProcessedIdsAsync()).Order());
    }

    [Fact]
    public async Task A_crash_between_publish_and_checkpoint_republishes_and_the_consumer_applies_each_event_once()
    {
        var broker = await servers.CreateVirtualHostAsync("crash");
        await ServiceHost.PrepareAsync(database.ConnectionString, _schema);
        var logs = new LogCapture();
        var keys = Enumerable.Range(0, 5).Select(_ => Guid.CreateVersion7()).ToList();

        await using (var first = await ServiceHost.StartAsync(database.ConnectionString, _schema, broker, logs))
        {
            // The relay's checkpoint write fails after the broker confirmed: the process "dies" before recording it.
            await ExecuteAsync($"""
                create function {_schema}.refuse_checkpoint() returns trigger language plpgsql as $$
                begin raise exception 'simulated crash before the checkpoint'; end $$;
                create trigger refuse before update on {_schema}.subscriptions for each row
                when (new.name = 'outbox-relay') execute function {_schema}.refuse_checkpoint();
                """);
            foreach (var key in keys) await first.Store.AppendAsync($"key-{key}", "key", ExpectedVersion.Any, [new KeyRevoked(key, "crash")], null, Ct);
            await Eventually.HoldsAsync(async () => await ScalarAsync<long>($"select count(*) from {_schema}.revocations") == 5, "the first run's publishes are consumed");
            Assert.Equal(0L, await ScalarAsync<long>($"select position from {_schema}.subscriptions where name = 'outbox-relay'"));
        }
        await ExecuteAsync($"drop trigger refuse on {_schema}.subscriptions");
        var duplicatesBefore = logs.Count(nameof(ProcessedMessages), 2);

        await using var restarted = await ServiceHost.StartAsync(database.ConnectionString, _schema, broker, logs);
        await Eventually.HoldsAsync(async () => await ScalarAsync<long>($"select position from {_schema}.subscriptions where name = 'outbox-relay'") == 5,
            "the restarted relay re-publishes and checkpoints");
        await Eventually.HoldsAsync(() => Task.FromResult(logs.Count(nameof(ProcessedMessages), 2) >= duplicatesBefore + 5),
            "the re-published messages reach the consumer as duplicates");

        Assert.Equal(5L, await ScalarAsync<long>($"select count(*) from {_schema}.revocations where applied = 1"));
        Assert.Equal(5, (await ProcessedIdsAsync()).Count);
    }

    [Fact]
    public async Task The_same_message_delivered_many_times_at_once_takes_effect_once()
    {
        var broker = await servers.CreateVirtualHostAsync("dupes");
        await ServiceHost.PrepareAsync(database.ConnectionString, _schema);
        var logs = new LogCapture();
        await using var service = await ServiceHost.StartAsync(database.ConnectionString, _schema, broker, logs);
        var bus = service.Services.GetRequiredService<IBus>();
        var message = new KeyRevokedIntegrationEvent(Guid.CreateVersion7(), "dup", "key-x");
        var messageId = Guid.CreateVersion7();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => bus.Publish(message, context => context.MessageId = messageId, Ct)));
        await Eventually.HoldsAsync(() => Task.FromResult(logs.Count(nameof(ProcessedMessages), 2) == 5), "five deliveries are recognised as duplicates");

        Assert.Equal(1, await ScalarAsync<int>($"select applied from {_schema}.revocations where key_id = '{message.KeyId}'"));
        Assert.Equal([messageId], await ProcessedIdsAsync());
        // The after-commit hook ran for the one delivery that committed, and saw its change committed; not for duplicates.
        var observations = service.Services.GetRequiredService<CommitObservations>();
        await Eventually.HoldsAsync(() => Task.FromResult(observations.For(message.KeyId).Count > 0), "the after-commit hook ran");
        Assert.Equal([1], observations.For(message.KeyId));
    }

    [Fact]
    public async Task A_consumer_that_fails_after_writing_leaves_nothing_behind_and_the_retry_applies_the_change_once()
    {
        var broker = await servers.CreateVirtualHostAsync("retry");
        await ServiceHost.PrepareAsync(database.ConnectionString, _schema);
        var key = Guid.CreateVersion7();
        var faults = new FaultPlan { FailOnce = { key } };
        await using var service = await ServiceHost.StartAsync(database.ConnectionString, _schema, broker, new LogCapture(), faults);

        await service.Store.AppendAsync($"key-{key}", "key", ExpectedVersion.NoStream, [new KeyRevoked(key, "retry")], null, Ct);
        await Eventually.HoldsAsync(async () => (await ProcessedIdsAsync()).Count == 1, "the retried delivery is processed");

        Assert.Equal(2, faults.Attempts(key));
        Assert.Equal(1, await ScalarAsync<int>($"select applied from {_schema}.revocations where key_id = '{key}'"));
        // The failed attempt rolled back, so its after-commit hook never ran; the retry's did, once.
        var observations = service.Services.GetRequiredService<CommitObservations>();
        await Eventually.HoldsAsync(() => Task.FromResult(observations.For(key).Count > 0), "the after-commit hook ran");
        Assert.Equal([1], observations.For(key));
    }

    private async Task<List<Guid>> ProcessedIdsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"select message_id from {_schema}_m.processed_messages where consumer = 'KeyRevokedConsumer'", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(Ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
