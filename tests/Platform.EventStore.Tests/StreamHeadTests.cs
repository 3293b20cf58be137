using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>
/// The store links appends to the heads it last saw; these tests make those heads stale (another instance wrote, or
/// the caller's transaction rolled back) and check that the claim's compare-and-swap sends the append back to be
/// linked again instead of forking the chain.
/// </summary>
public sealed class StreamHeadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_appending_to_the_same_streams_at_once_leave_contiguous_versions_and_valid_chains()
    {
        await using var first = await TestStore.CreateAsync(database.ConnectionString);
        await using var second = await TestStore.CreateAsync(database.ConnectionString, schema: first.Schema);

        var appends = Enumerable.Range(0, 400).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Store.AppendAsync(
            $"s{i % 10}", "log", ExpectedVersion.Any, [new Note($"{i}-a"), new Note($"{i}-b")], null, Ct), Ct));
        await Task.WhenAll(appends);

        Assert.Equal(10L, await first.ScalarAsync<long>("select count(*) from @schema.streams where version = 80"));
        var verified = await second.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);
        Assert.True(verified.IsValid);
        Assert.Equal((800L, 10L), (verified.EventsChecked, verified.StreamsChecked));
    }

    [Fact]
    public async Task An_instance_whose_head_is_stale_appends_after_the_other_instances_events()
    {
        await using var first = await TestStore.CreateAsync(database.ConnectionString);
        await using var second = await TestStore.CreateAsync(database.ConnectionString, schema: first.Schema);
        await first.Store.AppendAsync("s", "log", ExpectedVersion.NoStream, [new Note("1")], null, Ct);
        await second.Store.AppendAsync("s", "log", ExpectedVersion.Exactly(1), [new Note("2"), new Note("3")], null, Ct);

        // The first instance still holds version 1 as the head: each kind of expectation must see version 3.
        var any = await first.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("4")], null, Ct);
        await second.Store.AppendAsync("s", "log", ExpectedVersion.Exactly(4), [new Note("5")], null, Ct);
        var exact = await first.Store.AppendAsync("s", "log", ExpectedVersion.Exactly(5), [new Note("6")], null, Ct);
        await Assert.ThrowsAsync<Platform.Domain.ConflictException>(() =>
            second.Store.AppendAsync("s", "log", ExpectedVersion.Exactly(5), [new Note("lost")], null, Ct));

        Assert.Equal((4L, 6L), (any.Version, exact.Version));
        Assert.True((await first.Verifier.VerifyStreamAsync("s", Ct))!.IsValid);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], await first.Store.ReadStreamAsync("s", cancellationToken: Ct).Select(e => ((Note)e.Data).Text).ToListAsync(Ct));
    }

    [Fact]
    public async Task Loading_a_stream_to_decide_an_append_leaves_its_head_ready_for_that_append()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await using var other = await TestStore.CreateAsync(database.ConnectionString, schema: test.Schema);
        await test.Store.AppendAsync("k", "key", ExpectedVersion.NoStream, [new KeyCreated(Guid.CreateVersion7(), "ci", 1m)], null, Ct);
        await other.Store.AppendAsync("k", "key", ExpectedVersion.Exactly(1), [new Note("renamed elsewhere")], null, Ct);

        var loaded = await test.Store.AggregateAsync<KeyState>("k", cancellationToken: Ct);
        var cached = test.Services.GetRequiredService<HeadCache>().TryGet("k", out var head) ? head : null;
        var stored = await other.Store.GetStreamAsync("k", Ct);
        var appended = await test.Store.AppendAsync("k", "key", ExpectedVersion.Exactly(loaded.Version), [new Note("next")], null, Ct);

        Assert.Equal(2, loaded.Version);
        Assert.Equal(2L, cached!.Version);
        Assert.Equal(stored!.Hash, cached.Hash);
        Assert.Equal(3, appended.Version);
        Assert.True((await test.Verifier.VerifyStreamAsync("k", Ct))!.IsValid);
    }

    [Fact]
    public async Task An_append_rolled_back_with_the_callers_transaction_leaves_no_fork_when_another_instance_takes_its_version()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await using var other = await TestStore.CreateAsync(database.ConnectionString, schema: test.Schema);
        await test.Store.AppendAsync("s", "log", ExpectedVersion.NoStream, [new Note("1")], null, Ct);
        await using (var connection = await test.DataSource.OpenConnectionAsync(Ct))
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await test.Store.AppendAsync(transaction, "s", "log", ExpectedVersion.Exactly(1), [new Note("rolled back")], null, Ct);
            await transaction.RollbackAsync(Ct);
        }

        // Version 2 now exists with another hash than the rolled-back one this instance saw last: only the head
        // compare-and-swap (not the version alone) stops the next append from chaining to the rolled-back link.
        await other.Store.AppendAsync("s", "log", ExpectedVersion.Exactly(1), [new Note("2")], null, Ct);
        var appended = await test.Store.AppendAsync("s", "log", ExpectedVersion.Any, [new Note("3")], null, Ct);

        Assert.Equal(3L, appended.Version);
        Assert.True((await test.Verifier.VerifyStreamAsync("s", Ct))!.IsValid);
        Assert.Equal(appended.Events[0].Hash, (await test.Store.GetStreamAsync("s", Ct))!.Hash);
        Assert.Equal(["1", "2", "3"], await test.Store.ReadStreamAsync("s", cancellationToken: Ct).Select(e => ((Note)e.Data).Text).ToListAsync(Ct));
    }
}
