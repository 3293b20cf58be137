using Npgsql;
using Platform.Domain;
using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class AppendTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_stream_gets_versions_from_one_and_increasing_positions()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        var key = Guid.CreateVersion7();

        var first = await test.Store.AppendAsync("key-1", "key", ExpectedVersion.NoStream,
            [new KeyCreated(key, "ci", 12.50m), new KeyRenamed(key, "ci-2")], EventMetadata.For("user:1", "req-1"), Ct);
        var second = await test.Store.AppendAsync("key-1", "key", first.NextExpectedVersion, [new KeyRevoked(key, "leaked")], null, Ct);

        Assert.Equal(2, first.Version);
        Assert.Equal(3, second.Version);
        var events = await test.Store.ReadStreamAsync("key-1", cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Position < p.Second.Position));
        Assert.Equal(new KeyCreated(key, "ci", 12.50m), events[0].Data);
        Assert.Equal("test.key-created", events[0].Type);
        Assert.Equal("user:1", events[0].Metadata.Actor);
        Assert.Equal("req-1", events[0].Metadata.CorrelationId);
        Assert.Contains("\"limit\":\"12.50\"", events[0].Json); // money is an exact decimal string
        Assert.All(events, e => Assert.Equal(7, e.Id.Version));
        Assert.Equal(events[2].Hash, (await test.Store.GetStreamAsync("key-1", Ct))!.Hash);
    }

    [Fact]
    public async Task A_wrong_expected_version_is_a_conflict_and_changes_nothing()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.Store.AppendAsync("s", "key", ExpectedVersion.NoStream, [new Note("a"), new Note("b")], null, Ct);

        var stale = await Assert.ThrowsAsync<ConflictException>(() =>
            test.Store.AppendAsync("s", "key", ExpectedVersion.Exactly(1), [new Note("c")], null, Ct));
        await Assert.ThrowsAsync<ConflictException>(() => test.Store.AppendAsync("s", "key", ExpectedVersion.NoStream, [new Note("c")], null, Ct));
        await Assert.ThrowsAsync<ConflictException>(() => test.Store.AppendAsync("missing", "key", ExpectedVersion.Exactly(1), [new Note("c")], null, Ct));

        Assert.Contains("version 2", stale.Message);
        Assert.Equal(2, (await test.Store.GetStreamAsync("s", Ct))!.Version);
        Assert.Null(await test.Store.GetStreamAsync("missing", Ct));
        Assert.Equal(2L, await test.ScalarAsync<long>("select count(*) from @schema.events"));
    }

    [Fact]
    public async Task Of_concurrent_appends_expecting_the_same_version_exactly_one_wins()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.Store.AppendAsync("race", "key", ExpectedVersion.NoStream, [new Note("start")], null, Ct);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try { await test.Store.AppendAsync("race", "key", ExpectedVersion.Exactly(1), [new Note($"w{i}")], null, Ct); return true; }
            catch (ConflictException) { return false; }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal(2, (await test.Store.GetStreamAsync("race", Ct))!.Version);
    }

    [Fact]
    public async Task An_append_in_the_callers_transaction_commits_or_rolls_back_with_the_callers_changes()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);
        await test.ExecuteAsync("create table @schema.key_names (key_id uuid primary key, name text not null)");
        var kept = Guid.CreateVersion7();
        var dropped = Guid.CreateVersion7();

        await AppendWithReadModelAsync(test, kept, commit: true);
        await AppendWithReadModelAsync(test, dropped, commit: false);

        Assert.NotNull(await test.Store.GetStreamAsync($"key-{kept}", Ct));
        Assert.Null(await test.Store.GetStreamAsync($"key-{dropped}", Ct));
        Assert.Equal(1L, await test.ScalarAsync<long>("select count(*) from @schema.key_names"));
        Assert.Equal(1L, await test.ScalarAsync<long>("select count(*) from @schema.events"));
    }

    private static async Task AppendWithReadModelAsync(TestStore test, Guid key, bool commit)
    {
        await using var connection = await test.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var command = new NpgsqlCommand($"insert into {test.Schema}.key_names values (@k, 'ci')", connection, transaction))
        {
            command.Parameters.AddWithValue("k", key);
            await command.ExecuteNonQueryAsync(Ct);
        }
        await test.Store.AppendAsync(transaction, $"key-{key}", "key", ExpectedVersion.NoStream, [new KeyCreated(key, "ci", 1m)], null, Ct);
        if (commit) await transaction.CommitAsync(Ct);
        else await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_stores_nothing()
    {
        await using var test = await TestStore.CreateAsync(database.ConnectionString);

        var empty = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("s", "key", ExpectedVersion.Any, [], null, Ct));
        var badId = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("", "key", ExpectedVersion.Any, [new Note("x")], null, Ct));
        var badType = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("s", "Key Type", ExpectedVersion.Any, [new Note("x")], null, Ct));
        var unregistered = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("s", "key", ExpectedVersion.Any, [new { A = 1 }], null, Ct));
        var hugeNumber = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("s", "key", ExpectedVersion.Any, [new Note("x", Count: long.MaxValue)], null, Ct));
        await test.Store.AppendAsync("typed", "key", ExpectedVersion.Any, [new Note("x")], null, Ct);
        var otherType = await Assert.ThrowsAsync<ValidationException>(() => test.Store.AppendAsync("typed", "billing", ExpectedVersion.Any, [new Note("y")], null, Ct));

        Assert.Equal("events", empty.Violations.Single().Field);
        Assert.Equal("streamId", badId.Violations.Single().Field);
        Assert.Equal("streamType", badType.Violations.Single().Field);
        Assert.Equal("events", unregistered.Violations.Single().Field);
        Assert.Equal("$.count", hugeNumber.Violations.Single().Field);
        Assert.Equal("streamType", otherType.Violations.Single().Field);
        Assert.Equal(1L, await test.ScalarAsync<long>("select count(*) from @schema.events"));
    }

    [Fact]
    public async Task Starting_many_instances_at_once_creates_the_schema_once()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TestStore.CreateAsync(database.ConnectionString, schema: schema)));
        try
        {
            await Task.WhenAll(stores.Select(s => s.Store.AppendAsync("s", "key", ExpectedVersion.Any, [new Note("x")], null, Ct)));

            // Every migration recorded once, and every append applied.
            Assert.Equal(Migrations.All.Select(m => m.Version), await stores[0].ScalarAsync<int[]>("select array_agg(version order by version) from @schema.schema_versions"));
            Assert.Equal(6, (await stores[0].Store.GetStreamAsync("s", Ct))!.Version);
        }
        finally
        {
            foreach (var store in stores) await store.DisposeAsync();
        }
    }
}
