using Dapper;
using Npgsql;

namespace Platform.Keys.Storage;

/// <summary>Reads of the read model (listing, lookups, the sweeper's due work).</summary>
public sealed class KeyQueries(NpgsqlDataSource dataSource)
{
    public async Task<KeyRow?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            $"select {KeyRow.Columns} from keys where hash = @hash and not deleted", new { hash }, cancellationToken: cancellationToken));
    }

    /// <summary>A page of an account's keys, newest first; <paramref name="creatorUserId"/> narrows to one creator's keys.</summary>
    public async Task<(IReadOnlyList<KeyRow> Keys, int Total)> ListAsync(Guid accountId, string? creatorUserId, bool includeDisabled,
        int offset, int limit, CancellationToken cancellationToken)
    {
        const string Where = "account_id = @accountId and not deleted and (@creator::text is null or creator_user_id = @creator) and (@includeDisabled or not disabled)";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var args = new { accountId, creator = creatorUserId, includeDisabled, offset, limit };
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"select count(*)::int from keys where {Where}", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            $"select {KeyRow.Columns} from keys where {Where} order by created_at desc, hash offset @offset limit @limit", args, cancellationToken: cancellationToken));
        return (rows.AsList(), total);
    }

    /// <summary>Hashes of keys the sweeper should look at: expiry passed but not recorded, or a grace period over.</summary>
    public async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition("""
            select hash from keys where expires_at <= @now and not expiry_recorded and not deleted
            union
            select hash from keys where previous_secret_valid_until <= @now
            limit 500
            """, new { now }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Keys a user created in an account that are still enabled (for a member's removal).</summary>
    public async Task<IReadOnlyList<string>> EnabledKeysOfCreatorAsync(NpgsqlTransaction transaction, Guid accountId, string creatorUserId, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            "select hash from keys where account_id = @accountId and creator_user_id = @creatorUserId and not deleted and not disabled order by hash",
            new { accountId, creatorUserId }, transaction, cancellationToken: cancellationToken))).AsList();
}
