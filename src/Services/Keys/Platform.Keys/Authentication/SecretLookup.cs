using Npgsql;

namespace Platform.Keys.Authentication;

/// <summary>The database side of Authenticate: one indexed lookup by the secret's SHA-256.</summary>
public sealed class SecretLookup(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        select s.secret_hash, s.valid_until, k.hash, k.kind, k.account_id, k.creator_user_id, k.credit_limit, k.limit_reset,
               k.expires_at, k.disabled, k.deleted
        from key_secrets s join keys k on k.hash = s.key_hash
        where s.secret_hash = $1
        """;

    public async Task<KeySnapshot?> FindAsync(byte[] secretHash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = secretHash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new KeySnapshot(
            SecretHash: reader.GetFieldValue<byte[]>(0),
            KeyHash: reader.GetString(2),
            Kind: reader.GetString(3),
            AccountId: reader.GetGuid(4),
            CreatorUserId: reader.GetString(5),
            Limit: reader.IsDBNull(6) ? null : reader.GetDecimal(6),
            LimitReset: reader.IsDBNull(7) ? null : reader.GetString(7),
            ExpiresAt: reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            Disabled: reader.GetBoolean(9),
            Deleted: reader.GetBoolean(10),
            SecretValidUntil: reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}
