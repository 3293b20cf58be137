using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Commits one group: every append's statement in one batch, which PostgreSQL runs as one implicit transaction
/// (committed at the batch's end, rolled back whole by any error). Each append keeps its own result.
/// </summary>
internal sealed class GroupCommitter(NpgsqlDataSource dataSource, EventStoreSchema schema, EventStoreOptions options, HeadCache heads,
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
        var ordered = group.OrderBy(e => e.Append.StreamId, StringComparer.Ordinal).ToArray();
        EventStoreTelemetry.AppendsPerCommit.Record(ordered.Length);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var written = await WriteAsync(connection, await LinkAsync(connection, ordered));
            for (var i = 0; i < ordered.Length; i++) ordered[i].Written.TrySetResult(written[i]);
        }
        catch (PostgresException e)
        {
            // The transaction rolled back, so nothing of the group was written: each append is made again alone, where
            // an error (a conflict, a stream type) is its own and the others succeed.
            Log.GroupRolledBack(logger, ordered.Length, e.SqlState);
            foreach (var entry in ordered) heads.Remove(entry.Append.StreamId);
            foreach (var entry in ordered) entry.Written.TrySetResult(null);
        }
        catch (Exception e)
        {
            // The connection failed: whether the group committed is unknown, as for an append alone.
            foreach (var entry in ordered) heads.Remove(entry.Append.StreamId);
            foreach (var entry in ordered) entry.Written.TrySetException(e);
        }
    }

    /// <summary>
    /// Links each append after the one before it on its stream, from the cached heads and, for the streams not cached,
    /// heads read in one query. An append that does not fit its head is left out (null), to be made alone, which says why.
    /// </summary>
    private async Task<LinkedAppend?[]> LinkAsync(NpgsqlConnection connection, GroupEntry[] group)
    {
        var uncached = group.Select(e => e.Append.StreamId).Where(id => !heads.TryGet(id, out _)).Distinct().ToArray();
        var read = uncached.Length == 0 ? [] : await HeadQuery.ReadAsync(connection, null, schema.Name, uncached, CancellationToken.None);
        var current = new Dictionary<string, ChainHead?>(StringComparer.Ordinal);
        return group.Select(entry =>
        {
            var streamId = entry.Append.StreamId;
            if (!current.TryGetValue(streamId, out var head))
                head = heads.TryGet(streamId, out var cached) ? cached : read.GetValueOrDefault(streamId);
            if (HeadCheck.Refusal(entry.Append, head) is not null) return null;
            var linked = LinkedAppend.Link(entry.Append, head);
            current[streamId] = linked.Head;
            return linked;
        }).ToArray();
    }

    private async Task<WrittenEvents?[]> WriteAsync(NpgsqlConnection connection, LinkedAppend?[] group)
    {
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
        var written = new WrittenEvents?[group.Length];
        await using var reader = await batch.ExecuteReaderAsync();
        for (var i = 0; i < group.Length; i++)
        {
            if (group[i] is not { } linked) continue;
            await reader.NextResultAsync(); // past the lock timeout, then past the append before
            // A statement that wrote nothing (its head moved) is made alone later, which links it again.
            written[i] = await AppendStatement.ReadAsync(reader, linked, CancellationToken.None);
            if (written[i] is null) heads.Remove(linked.Append.StreamId);
            else heads.Set(linked.Append.StreamId, linked.Head);
        }
        return written;
    }
}
