using Npgsql;
using Platform.Domain;

namespace Platform.EventStore;

internal sealed partial class PostgresEventStore
{
    private string? _appendStatement;
    private string? _appendFunction;

    /// <summary>
    /// One event: runs the append statement; when it wrote nothing (expected version or stream type not matched, or a
    /// stream created concurrently), the <c>append_linked</c> function decides: it raises the precise error or, after a
    /// race, appends. A statement that returned no row changed nothing, so the event is written at most once.
    /// Several events: the function (a claim-then-insert pair with the chain hashed here was measured and cost more,
    /// docs/figures/event-store.md).
    /// </summary>
    private async Task<WrittenEvents> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PendingAppend append,
        CancellationToken cancellationToken)
    {
        if (append.Ids.Length == 1)
        {
            await using var statement = new NpgsqlCommand(_appendStatement ??= AppendStatement.For(schema.Name), connection, transaction);
            AppendStatement.Bind(statement.Parameters, append);
            await using var reader = await statement.ExecuteReaderAsync(cancellationToken);
            if (await AppendStatement.ReadAsync(reader, cancellationToken) is { } written) return written;
        }
        return await CallAppendFunctionAsync(connection, transaction, append, cancellationToken);
    }

    private async Task<WrittenEvents> CallAppendFunctionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        PendingAppend append, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_appendFunction ??= AppendFunction.For(schema.Name), connection, transaction);
        AppendFunction.Bind(command.Parameters, append);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return AppendFunction.Read(reader);
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
