using System.Data;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.EventStore;

/// <summary>Recomputes hash chains from the stored rows (docs/audit-hash.md) and reports broken links.</summary>
public sealed class ChainVerifier(NpgsqlDataSource dataSource, EventStoreSchema schema, ILogger<ChainVerifier> logger)
{
    public const int MaxReportedBreaks = 100;

    /// <summary>Verifies one stream; null when it does not exist.</summary>
    public async Task<StreamVerification?> VerifyStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await HeadsAsync(connection, transaction, streamId, cancellationToken);
        if (!head.TryGetValue(streamId, out var row)) return null;

        var link = new ChainLink(streamId);
        await using (var command = new NpgsqlCommand($"select {EventRows.Columns} from {schema.Name}.events where stream_id = $1 order by version", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken) && link.Next(EventRows.Read(reader, NoData))) { }
        }
        link.MatchesHead(row);
        if (link.Break is { } broken) Log.ChainBroken(logger, streamId, broken.Version, broken.Reason);
        return new StreamVerification(streamId, link.EventsChecked, row, link.Hash, link.Break);
    }

    /// <summary>Verifies every stream in one snapshot, in position order; yields progress every <paramref name="progressEvery"/> events.</summary>
    public async IAsyncEnumerable<VerificationProgress> VerifyAllAsync(long progressEvery = 100_000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var links = new Dictionary<string, ChainLink>(StringComparer.Ordinal);
        var breaks = new List<ChainBreak>();
        long events = 0, position = 0;
        // Reading rows and recomputing hashes overlap: one task reads batches, this loop checks them.
        var batches = Channel.CreateBounded<List<RecordedEvent>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = ReadInBatchesAsync(connection, transaction, batches.Writer, stop.Token);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            foreach (var recorded in batch)
            {
                if (!links.TryGetValue(recorded.StreamId, out var link)) links[recorded.StreamId] = link = new ChainLink(recorded.StreamId);
                if (link.Break is null && !link.Next(recorded)) breaks.Add(link.Break!);
                events++;
                position = recorded.Position;
                if (events % progressEvery == 0) yield return new VerificationProgress(events, links.Count, position, false, []);
            }
        }
        finally
        {
            // Also when the caller stops early: the reading task must end before the connection is disposed.
            await stop.CancelAsync();
            await reading;
        }
        var streams = links.Count;
        foreach (var (streamId, head) in await HeadsAsync(connection, transaction, null, cancellationToken))
        {
            var link = links.GetValueOrDefault(streamId) ?? new ChainLink(streamId);
            if (link.Break is null && !link.MatchesHead(head)) breaks.Add(link.Break!);
            if (links.Remove(streamId) is false) streams++;
        }
        foreach (var orphan in links.Values.Where(l => l.Break is null))
            breaks.Add(new ChainBreak(orphan.StreamId, 1, "events exist for a stream that has no stream row", [], orphan.Hash));
        foreach (var broken in breaks.Take(MaxReportedBreaks)) Log.ChainBroken(logger, broken.StreamId, broken.Version, broken.Reason);
        yield return new VerificationProgress(events, streams, position, true, breaks.Take(MaxReportedBreaks).ToList());
    }

    private async Task ReadInBatchesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ChannelWriter<List<RecordedEvent>> output,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var command = new NpgsqlCommand($"select {EventRows.Columns} from {schema.Name}.events order by position", connection, transaction);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var batch = new List<RecordedEvent>(1000);
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(EventRows.Read(reader, NoData));
                if (batch.Count < 1000) continue;
                await output.WriteAsync(batch, cancellationToken);
                batch = new List<RecordedEvent>(1000);
            }
            if (batch.Count > 0) await output.WriteAsync(batch, cancellationToken);
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
        }
    }

    private async Task<Dictionary<string, long>> HeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string? streamId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select id, version from {schema.Name}.streams where $1::text is null or id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) heads[reader.GetString(0)] = reader.GetInt64(1);
        return heads;
    }

    private static object NoData(string type, string json) => new UnregisteredEvent(type, json);
}
