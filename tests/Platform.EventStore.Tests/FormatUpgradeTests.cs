using Npgsql;
using Platform.Testing;

namespace Platform.EventStore.Tests;

/// <summary>
/// A log written before schema version 3 (format 1 links, made by the database's append function) is upgraded at
/// start-up: its chains still verify, its streams' heads come from their last events, and appends continue in format 2.
/// </summary>
public sealed class FormatUpgradeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Format_1_chains_still_verify_after_the_upgrade_and_appends_continue_them_in_format_2()
    {
        var schema = "t" + Guid.NewGuid().ToString("N")[..12];
        await WriteVersion2LogAsync(schema);

        await using var test = await TestStore.CreateAsync(database.ConnectionString, schema: schema);
        var appended = await test.Store.AppendAsync("s1", "log", ExpectedVersion.Exactly(3), [new Note("d"), new Note("e")], null, Ct);
        var s1 = await test.Verifier.VerifyStreamAsync("s1", Ct);
        var all = await test.Verifier.VerifyAllAsync(cancellationToken: Ct).LastAsync(Ct);
        var formats = await test.Store.ReadStreamAsync("s1", cancellationToken: Ct).Select(e => e.HashFormat).ToListAsync(Ct);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            test.Store.AppendAsync("gone", "log", ExpectedVersion.Any, [new Note("x")], null, Ct));

        Assert.Equal(5, appended.Version);
        Assert.True(s1!.IsValid);
        Assert.Equal([1, 1, 1, 2, 2], formats.Select(f => (int)f));
        // The stream whose last event was deleted before the upgrade has no head: appends refuse to chain to a guess.
        Assert.Contains("lost its last event (version 2)", refused.Message);
        Assert.Equal([("gone", 2L)], all.Breaks.Select(b => (b.StreamId, b.Version)));
        Assert.Equal(2, await test.ScalarAsync<long>("select version from @schema.streams where id = 'gone'"));
    }

    /// <summary>Schema versions 1 and 2 as released, and events appended through their plpgsql function.</summary>
    private async Task WriteVersion2LogAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, $"""
            create schema {schema};
            create table {schema}.schema_versions (version int primary key, description text not null, applied timestamptz not null default now());
            """);
        foreach (var (version, description, sql) in Migrations.All.Where(m => m.Version <= 2))
        {
            await ExecuteAsync(connection, sql.Replace("@schema", schema));
            await ExecuteAsync(connection, $"insert into {schema}.schema_versions (version, description) values ({version}, '{description}')");
        }
        foreach (var (stream, text) in new[] { ("s1", "a"), ("gone", "x"), ("s1", "b"), ("gone", "y"), ("s1", "c") })
            await ExecuteAsync(connection, $$"""
                select * from {{schema}}.append('{{stream}}', 'log', -1, array['{{Guid.CreateVersion7()}}'::uuid], array['test.note'],
                    array['{"text":"{{text}}"}'], array['{}'], now())
                """);
        await ExecuteAsync(connection, $"delete from {schema}.events where stream_id = 'gone' and version = 2");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
