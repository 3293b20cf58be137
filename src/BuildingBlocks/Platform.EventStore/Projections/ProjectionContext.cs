using Npgsql;

namespace Platform.EventStore;

/// <summary>What a projection handler gets: the event as recorded and the transaction to write in.</summary>
public sealed class ProjectionContext(NpgsqlTransaction transaction, RecordedEvent recorded, CancellationToken cancellationToken)
{
    public RecordedEvent Event { get; } = recorded;
    public NpgsqlTransaction Transaction { get; } = transaction;
    public NpgsqlConnection Connection { get; } = transaction.Connection!;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs one statement with named parameters (<c>@name</c>) in the projection's transaction.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, Connection, Transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(CancellationToken);
    }
}
