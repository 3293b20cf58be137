using Npgsql;

namespace Platform.EventStore;

/// <summary>Reads streams' heads from their rows (in the caller's transaction when there is one).</summary>
internal static class HeadQuery
{
    public static async Task<Dictionary<string, ChainHead>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string schema, string[] streamIds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select id, type, version, head, updated from {schema}.streams where id = any($1)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streamIds });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new Dictionary<string, ChainHead>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            heads[reader.GetString(0)] = new ChainHead(reader.GetString(1), reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<DateTimeOffset>(4));
        return heads;
    }
}
