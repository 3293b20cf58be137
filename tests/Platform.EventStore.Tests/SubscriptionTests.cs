using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class SubscriptionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restarted_subscription_continues_from_its_checkpoint()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        var first = new RecordingSubscriber();
        await using (var test = await StoreAsync(schema, first))
        {
            await test.StartAsync();
            for (var i = 0; i < 10; i++) await test.Store.AppendAsync($"s{i % 3}", "log", ExpectedVersion.Any, [new Note($"{i}")], null, Ct);
            await Eventually.HoldsAsync(async () => await test.CheckpointAsync("recorder") == 10,
                "the checkpoint reaches the tenth event");
        }

        var second = new RecordingSubscriber();
        await using var restarted = await StoreAsync(schema, second);
        for (var i = 10; i < 15; i++) await restarted.Store.AppendAsync("s0", "log", ExpectedVersion.Any, [new Note($"{i}")], null, Ct);
        await restarted.StartAsync();
        await Eventually.HoldsAsync(() => second.Received.Count == 5, "the five new events are delivered");

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Received.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(11, 5).Select(i => (long)i), second.Received.Select(e => e.Position));
    }

    [Fact]
    public async Task A_batch_that_failed_before_its_checkpoint_is_delivered_again_in_order()
    {
        var recorder = new RecordingSubscriber { FailuresLeft = 2 };
        await using var test = await StoreAsync(null, recorder);
        for (var i = 0; i < 5; i++) await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note($"{i}")], null, Ct);
        await test.StartAsync();

        await Eventually.HoldsAsync(async () => await test.CheckpointAsync("recorder") == 5,
            "the checkpoint reaches the last event");

        var positions = recorder.Received.Select(e => e.Position).ToList();
        Assert.Equal(15, positions.Count); // delivered three times: twice failed, once checkpointed
        Assert.Equal(Enumerable.Repeat(Enumerable.Range(1, 5).Select(i => (long)i), 3).SelectMany(p => p), positions);
    }

    [Fact]
    public async Task A_filtered_subscription_gets_only_its_events_and_its_checkpoint_still_moves_past_the_rest()
    {
        var recorder = new RecordingSubscriber();
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var test = await TestStore.CreateAsync(database.ConnectionString,
            o => o.Subscriptions.Add<RecordingSubscriber>("recorder", SubscriptionFilter.ForEventTypes("test.key-revoked")),
            schema, services: s => s.AddSingleton(recorder));
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("k", "key", ExpectedVersion.Any, [new KeyCreated(key, "a", 1m), new KeyRevoked(key, "x"), new KeyRenamed(key, "b")], null, Ct);
        await test.StartAsync();

        await Eventually.HoldsAsync(async () => await test.CheckpointAsync("recorder") == 3,
            "the checkpoint passes the events the filter left out");

        Assert.Equal(["test.key-revoked"], recorder.Received.Select(e => e.Type));
    }

    [Fact]
    public async Task Of_two_instances_only_one_runs_a_subscription_and_the_other_takes_over_when_it_stops()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        var one = new RecordingSubscriber();
        var two = new RecordingSubscriber();
        await using var first = await StoreAsync(schema, one);
        await using var second = await StoreAsync(schema, two);
        await first.StartAsync();
        await first.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("1")], null, Ct);
        await Eventually.HoldsAsync(() => one.Received.Count == 1, "the first instance delivers");
        await second.StartAsync();
        await first.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("2")], null, Ct);
        await Eventually.HoldsAsync(async () => await first.CheckpointAsync("recorder") == 2,
            "the first instance keeps delivering");

        await first.StopAsync();
        await second.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("3")], null, Ct);
        await Eventually.HoldsAsync(() => two.Received.Count >= 1, "the second instance takes over");

        Assert.Equal([3L], two.Received.Select(e => e.Position));
    }

    private Task<TestStore> StoreAsync(string? schema, RecordingSubscriber recorder) =>
        TestStore.CreateAsync(database.ConnectionString, o => o.Subscriptions.Add<RecordingSubscriber>("recorder"), schema,
            services: s => s.AddSingleton(recorder));
}
