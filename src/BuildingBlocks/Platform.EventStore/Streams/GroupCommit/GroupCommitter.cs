using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Commits one group: every append's statement in one batch, which PostgreSQL runs as one implicit transaction
/// (committed at the batch's end, rolled back whole by any error). Each append keeps its own result.
/// </summary>
internal sealed partial class GroupCommitter(NpgsqlDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, HeadCache heads,
    ILogger<GroupCommitter> logger)
{
    private readonly string _appendStatement = AppendStatement.For(schema.Name);

    // For each group's transaction only: a stream row held longer fails the group (55P03), whose appends are then made alone.
    private readonly string _lockTimeout = options.GroupCommit.LockTimeout == Timeout.InfiniteTimeSpan
        ? "0" : $"{(long)options.GroupCommit.LockTimeout.TotalMilliseconds}ms";

    public async Task CommitAsync(IReadOnlyList<GroupEntry> group)
    {
        // Every group takes stream rows in the same order (stable: one stream's appends keep theirs), so two groups
        // never wait for each other crosswise.
        var pending = group.OrderBy(e => e.Append.StreamId, StringComparer.Ordinal).ToArray();
        EventStoreTelemetry.AppendsPerCommit.Record(pending.Length);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            // Appends whose head moved (or was not known to fit) go round again on this connection, linked to heads read
            // then; so they are written even while the store is being disposed, which waits for this committer.
            for (var round = 1; pending.Length > 0 && round <= LinkedAppend.MaxAttempts; round++)
            {
                var linked = await LinkAsync(connection, pending, useCache: round == 1);
                var written = await WriteAsync(connection, linked);
                for (var i = 0; i < pending.Length; i++)
                    if (written[i] is { } events) pending[i].Written.TrySetResult(events);
                pending = pending.Where(e => !e.Written.Task.IsCompleted).ToArray();
            }
            foreach (var entry in pending) entry.Written.TrySetResult(null); // kept moving: made alone
        }
        catch (PostgresException e)
        {
            // The transaction rolled back, so nothing of the round was written: each append is made again alone, where
            // an error (a deadlock, a lock timeout) is its own and the others succeed.
            Log.GroupRolledBack(logger, pending.Length, e.SqlState);
            foreach (var entry in pending) heads.Remove(entry.Append.StreamId);
            foreach (var entry in pending) entry.Written.TrySetResult(null);
        }
        catch (Exception e)
        {
            // The connection failed: whether the round committed is unknown, as for an append alone.
            foreach (var entry in pending) heads.Remove(entry.Append.StreamId);
            foreach (var entry in pending) entry.Written.TrySetException(e);
        }
    }

    /// <summary>Runs the linked appends' statements in one batch; null for an append not linked or whose claim failed.</summary>
    private async Task<WrittenEvents?[]> WriteAsync(NpgsqlConnection connection, LinkedAppend?[] group)
    {
        var written = new WrittenEvents?[group.Length];
        if (group.All(l => l is null)) return written;
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select set_config('lock_timeout', $1, true)")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = _lockTimeout } },
        });
        foreach (var linked in group.OfType<LinkedAppend>())
        {
            var command = new NpgsqlBatchCommand(_appendStatement);
            AppendStatement.Bind(command.Parameters, linked);
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < group.Length; i++)
        {
            if (group[i] is not { } linked) continue;
            await reader.NextResultAsync(); // past the lock timeout, then past the append before
            written[i] = await AppendStatement.ReadAsync(reader, linked, CancellationToken.None);
            heads.Update(linked, written[i]);
        }
        return written;
    }
}
