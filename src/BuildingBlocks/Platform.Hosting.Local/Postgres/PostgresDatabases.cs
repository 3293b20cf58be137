using Npgsql;

namespace Platform.Hosting.Local.Postgres;

/// <summary>Creates the databases and login roles that services and tests use.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Makes sure <paramref name="database"/> exists, owned by a login role of the same name whose password is
    /// (re)set to <paramref name="password"/>; returns that role's connection string.
    /// </summary>
    public static async Task<string> EnsureDatabaseAsync(this PostgresServer server, string database, string password,
        CancellationToken cancellationToken = default)
    {
        if (!IsIdentifier(database)) throw new ArgumentException($"'{database}' is not a plain lower-case database name.", nameof(database));
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);

        var roleExists = await ExistsAsync(connection, "select 1 from pg_roles where rolname = @name", database, cancellationToken);
        // Identifiers cannot be parameters; IsIdentifier above keeps them plain. The password is a literal the server hashes.
        var passwordLiteral = "'" + password.Replace("'", "''") + "'";
        await ExecuteAsync(connection, roleExists
            ? $"alter role {database} with login password {passwordLiteral}"
            : $"create role {database} with login password {passwordLiteral}", cancellationToken);
        if (!await ExistsAsync(connection, "select 1 from pg_database where datname = @name", database, cancellationToken))
            await ExecuteAsync(connection, $"create database {database} owner {database}", cancellationToken);
        return server.ConnectionString(database, database, password);
    }

    /// <summary>Creates a fresh database owned by the superuser (tests: one per class) and returns its connection string.</summary>
    public static async Task<string> CreateScratchDatabaseAsync(this PostgresServer server, string prefix, CancellationToken cancellationToken = default)
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        var name = $"{(clean.Length > 0 && char.IsAsciiLetter(clean[0]) ? clean : "db")}_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"create database {name}", cancellationToken);
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= 63 && name[0] is >= 'a' and <= 'z' && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
