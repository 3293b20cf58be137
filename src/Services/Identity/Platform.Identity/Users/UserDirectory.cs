using Dapper;
using Npgsql;
using Platform.Authentication.Callers;
using Platform.Domain;

namespace Platform.Identity.Users;

/// <summary>A known user: the JWT subject, the latest email and name their token carried, and their personal account.</summary>
public sealed record UserRecord(string UserId, string Email, string Name, Guid PersonalAccountId);

/// <summary>
/// The users table. Users are not event sourced: a user row is registration bookkeeping (subject to personal account),
/// refreshed from each token; organizations' streams hold every change that matters to an audit.
/// </summary>
public sealed class UserDirectory(NpgsqlDataSource dataSource, TimeProvider time, ILogger<UserDirectory> logger)
{
    private const string Upsert = """
        insert into users (user_id, email, name, personal_account_id, created_at) values (@UserId, @Email, @Name, @Account, @Now)
        on conflict (user_id) do update set email = excluded.email, name = excluded.name
            where users.email is distinct from excluded.email or users.name is distinct from excluded.name
        returning user_id as UserId, email as Email, name as Name, personal_account_id as PersonalAccountId, (xmax = 0) as Inserted
        """;

    /// <summary>Registers the caller on first sight (a new personal account, UUID v7), otherwise refreshes email and name.</summary>
    public async Task<UserRecord> EnsureAsync(Caller caller, NpgsqlTransaction? transaction = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(caller.UserId)) throw new UnauthenticatedException("The token has no subject.");
        var connection = transaction?.Connection;
        await using var owned = connection is null ? await dataSource.OpenConnectionAsync(cancellationToken) : null;
        connection ??= owned!;
        var parameters = new { caller.UserId, Email = caller.Email ?? "", Name = caller.Name ?? "", Account = Guid.CreateVersion7(), Now = time.GetUtcNow() };
        var row = await connection.QuerySingleOrDefaultAsync<UpsertRow>(new CommandDefinition(Upsert, parameters, transaction, cancellationToken: cancellationToken));
        if (row is null) // unchanged: the conditional update wrote nothing
            return (await FindAsync(caller.UserId!, connection, transaction, cancellationToken))!;
        if (row.Inserted) Log.UserRegistered(logger, row.UserId, row.PersonalAccountId);
        return new UserRecord(row.UserId, row.Email, row.Name, row.PersonalAccountId);
    }

    public async Task<UserRecord?> FindByPersonalAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            "select user_id as UserId, email as Email, name as Name, personal_account_id as PersonalAccountId from users where personal_account_id = @accountId",
            new { accountId }, cancellationToken: cancellationToken));
    }

    private static Task<UserRecord?> FindAsync(string userId, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            "select user_id as UserId, email as Email, name as Name, personal_account_id as PersonalAccountId from users where user_id = @userId",
            new { userId }, transaction, cancellationToken: cancellationToken));

    private sealed record UpsertRow(string UserId, string Email, string Name, Guid PersonalAccountId, bool Inserted);
}
