using Npgsql;
using Platform.Domain;

namespace Platform.EventStore;

internal sealed partial class PostgresEventStore
{
    private string? _appendStatement;

    /// <summary>
    /// Links the append to the head this process knows, or that it reads, and runs the append statement. When the
    /// statement wrote nothing, the head moved: it is read again, which either refuses the append (conflict, stream
    /// type) or links it anew. Only a head read from the database refuses; a cached one only saves the read.
    /// </summary>
    internal async Task<WrittenEvents> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, PendingAppend append,
        CancellationToken cancellationToken)
    {
        var streamId = append.StreamId;
        for (var attempt = 1; ; attempt++)
        {
            var (head, known) = attempt == 1 ? CachedHead(append) : (null, false);
            if (!known)
            {
                head = (await HeadQuery.ReadAsync(connection, transaction, schema.Name, [streamId], cancellationToken)).GetValueOrDefault(streamId);
                if (HeadCheck.Refusal(append, head) is { } refusal) throw HeadCheck.Report(logger, append, refusal);
            }

            var linked = LinkedAppend.Link(append, head);
            await using (var statement = new NpgsqlCommand(_appendStatement ??= AppendStatement.For(schema.Name), connection, transaction))
            {
                AppendStatement.Bind(statement.Parameters, linked);
                await using var rows = await statement.ExecuteReaderAsync(cancellationToken);
                var written = await AppendStatement.ReadAsync(rows, linked, cancellationToken);
                heads.Update(linked, written);
                if (written is not null) return written;
            }
            Log.HeadMoved(logger, streamId, linked.PreviousVersion, attempt);
            if (attempt == LinkedAppend.MaxAttempts)
                throw HeadCheck.Report(logger, append, new ConflictException($"Stream '{streamId}' moved under each of {LinkedAppend.MaxAttempts} attempts to append to it."));
        }
    }

    /// <summary>
    /// The cached head when the append fits it; none for a new stream nobody here has seen. A cached head that does
    /// not fit may be stale, so it is not trusted to refuse: the caller reads the head instead.
    /// </summary>
    private (ChainHead? Head, bool Known) CachedHead(PendingAppend append) =>
        heads.TryGet(append.StreamId, out var cached)
            ? HeadCheck.Refusal(append, cached) is null ? (cached, true) : (null, false)
            : (null, append.Expected == ExpectedVersion.NoStream);
}
