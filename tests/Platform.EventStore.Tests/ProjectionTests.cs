using Npgsql;
using Platform.Domain;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.EventStore.Tests;

public sealed class ProjectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The projections' tables live in the test's own schema, found through search_path as in a service.</summary>
    private async Task<TestStore> StoreAsync()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
        var test = await TestStore.CreateAsync(connectionString, o => o.Projections.Inline<KeyListProjection>().Async<NoteCountProjection>(), schema);
        await test.ExecuteAsync(KeyListProjection.Ddl);
        await test.ExecuteAsync(NoteCountProjection.Ddl);
        return test;
    }

    [Fact]
    public async Task An_inline_projection_changes_with_the_append_and_not_without_it()
    {
        await using var test = await StoreAsync();
        var key = Guid.CreateVersion7();
        await test.Store.AppendAsync("k", "key", ExpectedVersion.NoStream, [new KeyCreated(key, "a", 10m), new KeyRenamed(key, "b")], null, Ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            test.Store.AppendAsync("k", "key", ExpectedVersion.Exactly(1), [new KeyRevoked(key, "stale")], null, Ct));
        await using (var connection = await test.DataSource.OpenConnectionAsync(Ct))
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await test.Store.AppendAsync(transaction, "k", "key", ExpectedVersion.Exactly(2), [new KeyRevoked(key, "rolled back")], null, Ct);
            Assert.True(await ScalarAsync<bool>(transaction, "select revoked from key_list"));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal("b|10|false", await test.ScalarAsync<string>("select name || '|' || credit_limit || '|' || revoked from key_list"));
    }

    [Fact]
    public async Task An_async_projection_catches_up_and_a_rebuild_equals_the_live_tables()
    {
        await using var test = await StoreAsync();
        await test.StartAsync();
        await SeedAsync(test);
        await Eventually.HoldsAsync(async () => await test.ScalarAsync<long>("select coalesce(sum(notes), 0) from note_count") == 20, "the async projection catches up");
        var rebuilder = test.Services.GetRequiredService<ProjectionRebuilder>();

        var inline = await rebuilder.RebuildAsync("key-list", cancellationToken: Ct);
        var async = await rebuilder.RebuildAsync("note-count", cancellationToken: Ct);

        Assert.True(inline.Matches);
        Assert.Equal((10L, 10L), (inline.Tables[0].LiveRows, inline.Tables[0].RebuiltRows));
        Assert.Equal(20, inline.EventsReplayed);
        Assert.True(async.Matches);
        Assert.Equal(20, async.EventsReplayed);
    }

    [Fact]
    public async Task A_rebuild_finds_a_live_table_that_drifted_and_replace_repairs_it()
    {
        await using var test = await StoreAsync();
        await SeedAsync(test);
        await test.ExecuteAsync("update key_list set credit_limit = 999 where name = 'key-3'; delete from key_list where name = 'key-7'");
        var rebuilder = test.Services.GetRequiredService<ProjectionRebuilder>();

        var compared = await rebuilder.RebuildAsync("key-list", cancellationToken: Ct);
        var stillDrifted = await test.ScalarAsync<long>("select count(*) from key_list");
        var replaced = await rebuilder.RebuildAsync("key-list", replace: true, cancellationToken: Ct);
        var after = await rebuilder.RebuildAsync("key-list", cancellationToken: Ct);

        Assert.False(compared.Matches);
        Assert.Equal((1L, 2L), (compared.Tables[0].OnlyInLive, compared.Tables[0].OnlyInRebuilt));
        Assert.Equal(9L, stillDrifted); // comparing changes nothing
        Assert.True(replaced.Replaced);
        Assert.True(after.Matches);
        Assert.Equal(10L, await test.ScalarAsync<long>("select count(*) from key_list"));
    }

    private static async Task SeedAsync(TestStore test)
    {
        for (var i = 0; i < 10; i++)
        {
            var key = Guid.CreateVersion7();
            await test.Store.AppendAsync($"key-{i}", "key", ExpectedVersion.NoStream, [new KeyCreated(key, $"key-{i}", i + 0.5m)], null, Ct);
            await test.Store.AppendAsync($"notes-{i % 4}", "log", ExpectedVersion.Any, [new Note("a"), new Note("b")], null, Ct);
            if (i % 2 == 0) await test.Store.AppendAsync($"key-{i}", "key", ExpectedVersion.Exactly(1), [new KeyRenamed(key, $"key-{i}"), new KeyRevoked(key, "r")], null, Ct);
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
