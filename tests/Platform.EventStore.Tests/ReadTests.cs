using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class ReadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_stream_reads_forward_from_a_version_and_backward_from_the_end()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        for (var i = 1; i <= 5; i++) await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note($"n{i}")], null, Ct);

        var forward = await test.Store.ReadStreamAsync("s", ReadDirection.Forward, fromVersion: 3, cancellationToken: Ct).ToListAsync(Ct);
        var backward = await test.Store.ReadStreamAsync("s", ReadDirection.Backward, maxCount: 2, cancellationToken: Ct).ToListAsync(Ct);
        var missing = await test.Store.ReadStreamAsync("nope", cancellationToken: Ct).ToListAsync(Ct);

        Assert.Equal([3L, 4L, 5L], forward.Select(e => e.Version));
        Assert.Equal([5L, 4L], backward.Select(e => e.Version));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_global_log_reads_from_a_position_with_stream_type_event_type_and_time_filters()
    {
        var time = new ManualClock(Start);
        await using var test = await TestStore.CreateAsync(database.ConnectionString, time: time);
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("k1", "key", ExpectedVersion.Any, [new KeyCreated(key, "a", 1m)], null, Ct);
        time.Advance(TimeSpan.FromHours(1));
        await test.Store.AppendAsync("n1", "note", ExpectedVersion.Any, [new Note("x")], null, Ct);
        time.Advance(TimeSpan.FromHours(1));
        var renamed = await test.Store.AppendAsync("k1", "key", ExpectedVersion.Any, [new KeyRenamed(key, "b"), new KeyRevoked(key, "r")], null, Ct);

        var all = await test.Store.ReadAllAsync(new ReadAllQuery(), Ct).ToListAsync(Ct);
        var keysOnly = await test.Store.ReadAllAsync(new ReadAllQuery { StreamTypes = ["key"] }, Ct).ToListAsync(Ct);
        var revoked = await test.Store.ReadAllAsync(new ReadAllQuery { EventTypes = ["test.key-revoked"] }, Ct).ToListAsync(Ct);
        var secondHour = await test.Store.ReadAllAsync(new ReadAllQuery { RecordedFrom = Start.AddHours(1), RecordedTo = Start.AddHours(2) }, Ct).ToListAsync(Ct);
        var afterFirst = await test.Store.ReadAllAsync(new ReadAllQuery { AfterPosition = all[0].Position, MaxCount = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(4, all.Count);
        Assert.Equal(["k1", "k1", "k1"], keysOnly.Select(e => e.StreamId));
        Assert.Equal(renamed.Events[1].Position, Assert.Single(revoked).Position);
        Assert.Equal("n1", Assert.Single(secondHour).StreamId);
        Assert.Equal(all.Skip(1).Take(2).Select(e => e.Position), afterFirst.Select(e => e.Position));
        Assert.Equal(Start, all[0].Recorded);
    }

    [Fact]
    public async Task An_aggregate_loads_with_its_version_and_as_of_a_version_or_an_instant()
    {
        var time = new ManualClock(Start);
        await using var test = await TestStore.CreateAsync(database.ConnectionString, time: time);
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("key-a", "key", ExpectedVersion.NoStream, [new KeyCreated(key, "first", 5m)], null, Ct);
        time.Advance(TimeSpan.FromDays(1));
        await test.Store.AppendAsync("key-a", "key", ExpectedVersion.Exactly(1), [new KeyRenamed(key, "second")], null, Ct);
        time.Advance(TimeSpan.FromDays(1));
        await test.Store.AppendAsync("key-a", "key", ExpectedVersion.Exactly(2), [new KeyRevoked(key, "done")], null, Ct);

        var now = await test.Store.AggregateAsync<KeyState>("key-a", cancellationToken: Ct);
        var atTwo = await test.Store.AggregateAsync<KeyState>("key-a", asOfVersion: 2, cancellationToken: Ct);
        var dayOne = await test.Store.AggregateAsync<KeyState>("key-a", asOf: Start.AddHours(12), cancellationToken: Ct);
        var none = await test.Store.AggregateAsync<KeyState>("key-none", cancellationToken: Ct);

        Assert.Equal(new KeyState(key, "second", 5m, true, 1), now.State);
        Assert.Equal(3, now.Version);
        Assert.Equal((2L, "second", false), (atTwo.Version, atTwo.State.Name, atTwo.State.Revoked));
        Assert.Equal((1L, "first"), (dayOne.Version, dayOne.State.Name));
        Assert.False(none.Exists);
        Assert.Equal(ExpectedVersion.NoStream, none.Expected);
    }

    [Fact]
    public async Task An_event_type_this_process_does_not_know_reads_as_unregistered()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("x")], null, Ct);
        await test.ExecuteAsync("update @schema.events set type = 'future.thing'");

        var read = Assert.Single(await test.Store.ReadStreamAsync("s", cancellationToken: Ct).ToListAsync(Ct));

        Assert.Equal(new UnregisteredEvent("future.thing", read.Json), read.Data);
    }
}
