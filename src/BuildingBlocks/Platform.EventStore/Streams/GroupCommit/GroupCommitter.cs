using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Commits one group: every append's statement in one batch, which PostgreSQL runs as one implicit transaction
/// (committed at the batch's end, rolled back whole by any error). Each append keeps its own result.
/// </summary>
internal sealed class GroupCommitter(NpgsqlDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, ILogger<GroupCommitter> logger)
{
    private readonly string _appendStatement = AppendStatement.For(schema.Name);
    private readonly string _appendFunction = AppendFunction.For(schema.Name);

    // For each group's transaction only: a stream row held longer fails the group (55P03), whose appends are then made alone.
    private readonly string _lockTimeout = options.GroupCommit.LockTimeout == Timeout.InfiniteTimeSpan
        ? "0" : $"{(long)options.GroupCommit.LockTimeout.TotalMilliseconds}ms";

    public async Task CommitAsync(IReadOnlyList<GroupEntry> group)
    {
        // Every group takes stream rows in the same order (stable: one stream's appends keep theirs), so two groups
        // never wait for each other crosswise.
        var ordered = group.OrderBy(e => e.Append.StreamId, StringComparer.Ordinal).ToArray();
        EventStoreTelemetry.AppendsPerCommit.Record(ordered.Length);
        try
        {
            var written = await WriteAsync(ordered);
            for (var i = 0; i < ordered.Length; i++) ordered[i].Written.TrySetResult(written[i]);
        }
        catch (PostgresException e)
        {
            // The transaction rolled back, so nothing of the group was written: each append is made again alone, where
            // an error (a conflict, a stream type) is its own and the others succeed.
            Log.GroupRolledBack(logger, ordered.Length, e.SqlState);
            foreach (var entry in ordered) entry.Written.TrySetResult(null);
        }
        catch (Exception e)
        {
            // The connection failed: whether the group committed is unknown, as for an append alone.
            foreach (var entry in ordered) entry.Written.TrySetException(e);
        }
    }

    private async Task<WrittenEvents?[]> WriteAsync(GroupEntry[] group)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select set_config('lock_timeout', $1, true)")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = _lockTimeout } },
        });
        foreach (var entry in group)
        {
            var one = entry.Append.Ids.Length == 1;
            var command = new NpgsqlBatchCommand(one ? _appendStatement : _appendFunction);
            if (one) AppendStatement.Bind(command.Parameters, entry.Append);
            else AppendFunction.Bind(command.Parameters, entry.Append);
            batch.BatchCommands.Add(command);
        }
        var written = new WrittenEvents?[group.Length];
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync(); // past the lock timeout
        for (var i = 0; i < group.Length; i++)
        {
            // A one-event statement that matched nothing returns no row (written alone later, which says why).
            written[i] = group[i].Append.Ids.Length == 1
                ? await AppendStatement.ReadAsync(reader, CancellationToken.None)
                : await reader.ReadAsync() ? AppendFunction.Read(reader) : null;
            await reader.NextResultAsync();
        }
        return written;
    }
}
