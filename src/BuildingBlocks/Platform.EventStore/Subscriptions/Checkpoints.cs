using Npgsql;
using Platform.Domain;

namespace Platform.EventStore;

/// <summary>Durable subscription positions (table <c>subscriptions</c>): the last position a subscription has handled.</summary>
public sealed class Checkpoints(EventStoreSchema schema, TimeProvider timeProvider)
{
    /// <summary>Creates the checkpoint at 0 when missing and returns the stored position.</summary>
    public async Task<long> LoadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {schema.Name}.subscriptions (name, position, updated) values (@name, 0, @now) on conflict (name) do nothing;
            select position from {schema.Name}.subscriptions where name = @name;
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long?> GetAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select position from {schema.Name}.subscriptions where name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>Moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>; a conflict if it is no longer at <paramref name="from"/>.</summary>
    public async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, long from, long to,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"update {schema.Name}.subscriptions set position = $3, updated = $4 where name = $1 and position = $2", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            throw new ConflictException($"The checkpoint of subscription '{name}' is no longer at {from}.");
    }
}
