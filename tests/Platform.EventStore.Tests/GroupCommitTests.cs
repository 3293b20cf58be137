using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Domain;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>
/// Group commit, made deterministic: a transaction of the test holds the row of stream "held", so the append alone and
/// the first group wait on it, and every append made meanwhile waits in the queue for the one committer.
/// </summary>
public sealed class GroupCommitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Appends_made_while_a_group_commits_share_the_next_commit_and_keep_their_own_results()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString, Blocking);
        await using var held = await HoldAsync(test);

        var appends = Enumerable.Range(0, 10).Select(i => test.Store.AppendAsync($"s-{i % 4}", "ledger", ExpectedVersion.Any,
            Enumerable.Range(0, 1 + i % 3).Select(j => (object)new Note($"{i}-{j}")).ToArray(), null, Ct)).ToList();
        await WaitAsync(() => Task.FromResult(Queue(test).Waiting == 10));
        await held.ReleaseAsync();
        var results = await Task.WhenAll(appends);

        // One transaction wrote all ten appends, and each caller got its own events' versions, positions and hashes.
        Assert.Equal(1L, await test.ScalarAsync<long>("select count(distinct xmin::text) from @schema.events where stream_id like 's-%'"));
        Assert.Equal(19L, await test.ScalarAsync<long>("select count(*) from @schema.events where stream_id like 's-%'"));
        foreach (var recorded in results.SelectMany(r => r.Events))
        {
            var stored = await test.Store.ReadStreamAsync(recorded.StreamId, fromVersion: recorded.Version, maxCount: 1, cancellationToken: Ct).SingleAsync(Ct);
            Assert.Equal((recorded.Position, recorded.Id, Convert.ToHexString(recorded.Hash)), (stored.Position, stored.Id, Convert.ToHexString(stored.Hash)));
        }
        // A stream's appends keep the order they were made in.
        for (var stream = 0; stream < 4; stream++)
            Assert.Equal(results.Where(r => r.StreamId == $"s-{stream}").SelectMany(r => r.Events).Select(e => e.Version),
                Enumerable.Range(1, results.Where(r => r.StreamId == $"s-{stream}").Sum(r => r.Events.Count)).Select(v => (long)v));
        Assert.True((await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task An_append_that_cannot_be_made_fails_alone_and_the_rest_of_its_group_is_written()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString, Blocking);
        await test.Store.AppendAsync("at-one", "ledger", ExpectedVersion.NoStream, [new Note("first")], null, Ct);
        await using var held = await HoldAsync(test);

        var good = Enumerable.Range(0, 5).Select(i => test.Store.AppendAsync($"good-{i}", "ledger", ExpectedVersion.Any,
            [new Note($"{i}-a"), new Note($"{i}-b")], null, Ct)).ToList();
        var conflict = test.Store.AppendAsync("at-one", "ledger", ExpectedVersion.Exactly(7), [new Note("x"), new Note("y")], null, Ct);
        var wrongType = test.Store.AppendAsync("at-one", "keys", ExpectedVersion.Any, [new Note("z")], null, Ct);
        await WaitAsync(() => Task.FromResult(Queue(test).Waiting == 7));
        await held.ReleaseAsync();

        Assert.All(await Task.WhenAll(good), r => Assert.Equal(2, r.Version));
        Assert.Contains("is at version 1", (await Assert.ThrowsAsync<ConflictException>(() => conflict)).Message);
        Assert.Equal("streamType", (await Assert.ThrowsAsync<ValidationException>(() => wrongType)).Violations.Single().Field);
        Assert.Equal(1L, await test.ScalarAsync<long>("select count(*) from @schema.events where stream_id = 'at-one'"));
    }

    [Fact]
    public async Task With_group_commit_off_every_append_is_its_own_transaction()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString, o => o.GroupCommit.Enabled = false);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            test.Store.AppendAsync($"s-{i % 3}", "ledger", ExpectedVersion.Any, [new Note($"{i}")], null, Ct)));

        Assert.Equal(20L, await test.ScalarAsync<long>("select count(distinct xmin::text) from @schema.events"));
        Assert.Equal(0, Queue(test).Waiting);
    }

    [Fact]
    public async Task Stopping_the_store_commits_the_appends_already_waiting()
    {
        var test = await TestStore.CreateAsync(database.ConnectionString, Blocking);
        await using var held = await HoldAsync(test);
        var appends = Enumerable.Range(0, 3).Select(i => test.Store.AppendAsync($"s-{i}", "ledger", ExpectedVersion.Any, [new Note($"{i}")], null, Ct)).ToList();
        await WaitAsync(() => Task.FromResult(Queue(test).Waiting == 3));

        var stopping = Task.Run(() => test.DisposeAsync().AsTask(), Ct); // disposing waits for the committer
        await held.ReleaseAsync();
        await stopping;

        Assert.All(await Task.WhenAll(appends), r => Assert.Equal(1, r.Version));
    }

    [Fact]
    public async Task An_append_whose_cached_head_another_instance_moved_is_relinked_by_its_group_even_while_the_store_stops()
    {
        var test = await TestStore.CreateAsync(database.ConnectionString, Blocking);
        await using var other = await TestStore.CreateAsync(database.ConnectionString, schema: test.Schema);
        await test.Store.AppendAsync("moved", "ledger", ExpectedVersion.NoStream, [new Note("1")], null, Ct);
        await other.Store.AppendAsync("moved", "ledger", ExpectedVersion.Exactly(1), [new Note("2")], null, Ct);
        await using var held = await HoldAsync(test);
        var append = test.Store.AppendAsync("moved", "ledger", ExpectedVersion.Any, [new Note("3")], null, Ct);
        await WaitAsync(() => Task.FromResult(Queue(test).Waiting == 1));

        var stopping = Task.Run(() => test.DisposeAsync().AsTask(), Ct); // the store's connections go with it
        await held.ReleaseAsync();
        await stopping;

        Assert.Equal(3, (await append).Version);
        Assert.True((await other.Verifier.VerifyStreamAsync("moved", Ct))!.IsValid);
    }

    [Fact]
    public async Task An_append_cancelled_while_it_waits_is_left_out_of_the_group()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString, Blocking);
        await using var held = await HoldAsync(test);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelled = test.Store.AppendAsync("cancelled", "ledger", ExpectedVersion.Any, [new Note("never")], null, cancel.Token);
        var kept = test.Store.AppendAsync("kept", "ledger", ExpectedVersion.Any, [new Note("kept")], null, Ct);
        await WaitAsync(() => Task.FromResult(Queue(test).Waiting == 2));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await held.ReleaseAsync();

        Assert.Equal(1, (await kept).Version);
        Assert.Equal(0L, await test.ScalarAsync<long>("select count(*) from @schema.events where stream_id = 'cancelled'"));
        Assert.Equal(0L, await test.ScalarAsync<long>("select count(*) from @schema.streams where id = 'cancelled'"));
    }

    [Fact]
    public async Task A_stream_held_by_a_long_transaction_holds_up_only_the_appends_to_it()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString, o =>
        {
            o.GroupCommit.Connections = 1;
            o.GroupCommit.LockTimeout = TimeSpan.FromMilliseconds(50);
        });
        // The first append to "held" waits alone; the second queues, and the group holding it gives up its wait.
        await using var held = await HoldAsync(test, groupWaits: false);
        var others = Enumerable.Range(0, 5).Select(i => test.Store.AppendAsync($"free-{i}", "ledger", ExpectedVersion.Any, [new Note($"{i}")], null, Ct)).ToList();

        // Liveness, not speed: the bound only keeps a regression from hanging the run.
        Assert.All(await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(60), Ct), r => Assert.Equal(1, r.Version));
        Assert.All(held.Appends, t => Assert.False(t.IsCompleted));
        await held.ReleaseAsync();
    }

    /// <summary>One committer that waits for held rows as long as it takes, so a held stream blocks it.</summary>
    private static void Blocking(EventStoreOptions options)
    {
        options.GroupCommit.Connections = 1;
        options.GroupCommit.LockTimeout = Timeout.InfiniteTimeSpan;
    }

    private static AppendQueue Queue(TestStore test) => test.Services.GetRequiredService<AppendQueue>();

    /// <summary>
    /// Locks stream "held" in a transaction of the test, then puts an append alone and a group of one behind it
    /// (waiting until that group waits too, unless <paramref name="groupWaits"/> is false).
    /// </summary>
    private static async Task<HeldStream> HoldAsync(TestStore test, bool groupWaits = true)
    {
        await test.Store.AppendAsync("held", "ledger", ExpectedVersion.NoStream, [new Note("held")], null, Ct);
        var connection = await test.DataSource.OpenConnectionAsync(Ct);
        var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var lockRow = new NpgsqlCommand($"update {test.Schema}.streams set updated = updated where id = 'held'", connection, transaction))
            await lockRow.ExecuteNonQueryAsync(Ct);

        var waiting = new List<Task<AppendResult>> { test.Store.AppendAsync("held", "ledger", ExpectedVersion.Any, [new Note("alone")], null, Ct) };
        await WaitAsync(async () => await LockWaitsAsync(test) == 1);
        waiting.Add(test.Store.AppendAsync("held", "ledger", ExpectedVersion.Any, [new Note("grouped")], null, Ct));
        if (groupWaits) await WaitAsync(async () => await LockWaitsAsync(test) == 2);
        return new HeldStream(connection, transaction, waiting);
    }

    private static Task<long> LockWaitsAsync(TestStore test) => test.ScalarAsync<long>(
        "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        while (!await condition()) await Task.Delay(10, Ct);
    }

    private sealed class HeldStream(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Task<AppendResult>> waiting) : IAsyncDisposable
    {
        public IReadOnlyList<Task<AppendResult>> Appends => waiting;

        public async Task ReleaseAsync()
        {
            await transaction.CommitAsync(Ct);
            var versions = (await Task.WhenAll(waiting)).Select(r => r.Version).Order();
            Assert.Equal([2L, 3L], versions);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
