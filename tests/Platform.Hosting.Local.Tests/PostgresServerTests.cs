using Npgsql;
using Platform.Hosting.Local.Postgres;
using Platform.Testing;

namespace Platform.Hosting.Local.Tests;

public sealed class PostgresServerTests(LocalServers servers)
{
    [Fact]
    public async Task A_service_database_gets_its_own_login_that_can_create_tables()
    {
        var server = await servers.PostgresAsync();
        var connectionString = await server.EnsureDatabaseAsync("keys", "first-password", TestContext.Current.CancellationToken);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("create table probe (id int); insert into probe values (42); select current_user || ':' || current_database() || ':' || (select id from probe)", connection);
        Assert.Equal("keys:keys:42", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Ensuring_a_database_again_keeps_its_data_and_sets_the_new_password()
    {
        var server = await servers.PostgresAsync();
        var first = await server.EnsureDatabaseAsync("billing", "old-password", TestContext.Current.CancellationToken);
        await ExecuteAsync(first, "create table kept (id int); insert into kept values (7)");

        var second = await server.EnsureDatabaseAsync("billing", "new-password", TestContext.Current.CancellationToken);

        Assert.Equal(7, await ExecuteAsync(second, "select id from kept"));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(first + ";Pooling=false", "select 1"));
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_over_tcp()
    {
        var server = await servers.PostgresAsync();
        var wrong = server.ConnectionString("postgres", "postgres", "not-the-password") + ";Pooling=false";
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(wrong, "select 1"));
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task Scratch_databases_are_separate()
    {
        var a = await servers.CreateDatabaseAsync("alpha");
        var b = await servers.CreateDatabaseAsync("alpha");
        await ExecuteAsync(a, "create table only_in_a (id int)");

        Assert.NotEqual(a, b);
        Assert.Equal(0L, await ExecuteAsync(b, "select count(*) from information_schema.tables where table_name = 'only_in_a'"));
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
