using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>
/// Two appends where the later position commits first: a subscriber must wait for the earlier one, never pass it
/// (docs/event-store.md, "Global order").
/// </summary>
public sealed class GlobalOrderTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reader_waits_at_an_uncommitted_position_then_delivers_both_in_order()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.Store.AppendAsync("first", "log", ExpectedVersion.Any, [new Note("0")], null, Ct);
        var reader = NewReader(test);
        await using var readConnection = await test.DataSource.OpenConnectionAsync(Ct);
        var start = (await reader.ReadAsync(readConnection, 0, 100, Ct)).LastPosition;

        await using var slow = await test.DataSource.OpenConnectionAsync(Ct);
        await using var slowTransaction = await slow.BeginTransactionAsync(Ct);
        var early = await test.Store.AppendAsync(slowTransaction, "a", "log", ExpectedVersion.Any, [new Note("early position, late commit")], null, Ct);
        var late = await test.Store.AppendAsync("b", "log", ExpectedVersion.Any, [new Note("late position, early commit")], null, Ct);
        Assert.True(early.Events[0].Position < late.Events[0].Position);

        var whileOpen = await reader.ReadAsync(readConnection, start, 100, Ct);
        await slowTransaction.CommitAsync(Ct);
        var afterCommit = await reader.ReadAsync(readConnection, start, 100, Ct);

        Assert.Empty(whileOpen.Events);
        Assert.Equal(start, whileOpen.LastPosition);
        Assert.Equal([early.Events[0].Position, late.Events[0].Position], afterCommit.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task A_position_whose_transaction_rolled_back_is_skipped_once_no_older_transaction_runs()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var reader = NewReader(test);
        await using var readConnection = await test.DataSource.OpenConnectionAsync(Ct);

        await using var slow = await test.DataSource.OpenConnectionAsync(Ct);
        await using var slowTransaction = await slow.BeginTransactionAsync(Ct);
        var rolledBack = await test.Store.AppendAsync(slowTransaction, "a", "log", ExpectedVersion.Any, [new Note("never")], null, Ct);
        var committed = await test.Store.AppendAsync("b", "log", ExpectedVersion.Any, [new Note("kept")], null, Ct);
        var whileOpen = await reader.ReadAsync(readConnection, 0, 100, Ct);
        await slowTransaction.RollbackAsync(Ct);
        // Transactions of other test classes on the same server may hold the horizon back for a moment.
        GapSafeReader.Result afterRollback = whileOpen;
        await Eventually.HoldsAsync(async () => (afterRollback = await reader.ReadAsync(readConnection, 0, 100, Ct)).Events.Count > 0,
            "the rolled-back position is skipped");

        Assert.Empty(whileOpen.Events);
        Assert.Equal(rolledBack.Events[0].Position + 1, committed.Events[0].Position);
        Assert.Equal([committed.Events[0].Position], afterRollback.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task A_running_subscription_seen_waiting_at_the_gap_delivers_every_event_in_position_order()
    {
        var logs = new LogCapture();
        var recorder = new RecordingSubscriber();
        await using var test = await TestStore.CreateAsync(database.ConnectionString, o => o.Subscriptions.Add<RecordingSubscriber>("recorder"),
            services: s => s.AddSingleton(recorder), logs: logs);
        await test.StartAsync();
        await test.Store.AppendAsync("first", "log", ExpectedVersion.Any, [new Note("0")], null, Ct);
        await Eventually.HoldsAsync(() => recorder.Received.Count == 1, "the first event is delivered");

        await using var slow = await test.DataSource.OpenConnectionAsync(Ct);
        await using var slowTransaction = await slow.BeginTransactionAsync(Ct);
        var early = await test.Store.AppendAsync(slowTransaction, "a", "log", ExpectedVersion.Any, [new Note("early")], null, Ct);
        await test.Store.AppendAsync("b", "log", ExpectedVersion.Any, [new Note("late")], null, Ct);
        await test.Store.AppendAsync("c", "log", ExpectedVersion.Any, [new Note("later")], null, Ct);
        await Eventually.HoldsAsync(() => logs.Entries.Any(e => e.Id.Id == 13 && e.Message.Contains($"position {early.Events[0].Position}")),
            "the subscription saw the gap and waits");
        var deliveredWhileOpen = recorder.Received.Count;
        await slowTransaction.CommitAsync(Ct);
        await Eventually.HoldsAsync(() => recorder.Received.Count == 4, "all four events are delivered");

        Assert.Equal(1, deliveredWhileOpen);
        Assert.Equal(["first", "a", "b", "c"], recorder.Received.Select(e => e.StreamId));
        Assert.True(recorder.Received.Zip(recorder.Received.Skip(1)).All(p => p.First.Position < p.Second.Position));
    }

    private static GapSafeReader NewReader(TestStore test) => new(test.Schema, "probe", SubscriptionFilter.All,
        test.Services.GetRequiredService<EventSerializer>().Deserialize, NullLogger.Instance);
}
