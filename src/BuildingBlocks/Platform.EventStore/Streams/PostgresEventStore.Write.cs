using Npgsql;
using NpgsqlTypes;
using Platform.Domain;

namespace Platform.EventStore;

internal sealed partial class PostgresEventStore
{
    private string? _appendStatement;

    /// <summary>
    /// One event: runs the append statement; when it wrote nothing (expected version or stream type not matched, or a
    /// stream created concurrently), the <c>append_linked</c> function decides: it raises the precise error or, after a
    /// race, appends. A statement that returned no row changed nothing, so the event is written at most once.
    /// Several events: the function (a claim-then-insert pair with the chain hashed here was measured and cost more,
    /// docs/figures/event-store.md).
    /// </summary>
    private async Task<(long Version, long[] Positions, byte[][] Hashes, DateTimeOffset Recorded)> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, PendingAppend append, CancellationToken cancellationToken)
    {
        if (append.Ids.Length == 1)
        {
            await using var statement = new NpgsqlCommand(_appendStatement ??= AppendStatement.For(schema.Name), connection, transaction);
            AppendStatement.Bind(statement, append.StreamId, append.StreamType, append.Expected.Value, append.Ids[0], append.Types[0],
                append.Data[0], append.Metadata[0], append.Recorded);
            await using var reader = await statement.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
                return (reader.GetInt64(0), [reader.GetInt64(1)], [reader.GetFieldValue<byte[]>(2)], reader.GetFieldValue<DateTimeOffset>(3));
        }
        return await CallAppendFunctionAsync(connection, transaction, append, cancellationToken);
    }

    private async Task<(long, long[], byte[][], DateTimeOffset)> CallAppendFunctionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        PendingAppend append, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select stream_version, positions, hashes, recorded from {schema.Name}.append_linked($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            connection, transaction);
        var parts = append.Ids.Select((id, i) => EventHash.Parts(id, append.StreamId, append.StreamType, append.Types[i], append.Data[i], append.Metadata[i])).ToArray();
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = append.StreamType, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = append.Expected.Value });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = append.Ids });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = append.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = append.Recorded });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Identity).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Type).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = parts.Select(p => p.Body).ToArray() });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (reader.GetInt64(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<byte[][]>(2), reader.GetFieldValue<DateTimeOffset>(3));
        }
        catch (PostgresException e) when (e.SqlState == "PE409")
        {
            EventStoreTelemetry.Conflicts.Add(1);
            Log.AppendConflict(logger, append.StreamId, append.Expected.ToString(), e.MessageText);
            throw new ConflictException($"Stream '{append.StreamId}' is at version {e.MessageText}; the append expected {append.Expected}.");
        }
        catch (PostgresException e) when (e.SqlState == "PE422")
        {
            throw new ValidationException("streamType", $"Stream '{append.StreamId}' has the stream type '{e.MessageText}', not '{append.StreamType}'.");
        }
    }
}
