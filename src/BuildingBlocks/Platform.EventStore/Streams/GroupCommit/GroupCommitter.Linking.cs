using Npgsql;

namespace Platform.EventStore;

internal sealed partial class GroupCommitter
{
    /// <summary>
    /// Links each append after the one before it on its stream. A head read here from the database decides: an append
    /// that does not fit it fails with its own error. A head from the cache, or predicted from an earlier append of the
    /// round, may be wrong: an append that does not fit it (and every later one on its stream, to keep their order)
    /// waits for the next round, which reads its head.
    /// </summary>
    private async Task<LinkedAppend?[]> LinkAsync(NpgsqlConnection connection, GroupEntry[] entries, bool useCache)
    {
        var toRead = entries.Select(e => e.Append.StreamId).Where(id => !useCache || !heads.TryGet(id, out _)).ToHashSet(StringComparer.Ordinal);
        var read = toRead.Count == 0 ? [] : await HeadQuery.ReadAsync(connection, null, schema.Name, [.. toRead], CancellationToken.None);
        var predicted = new Dictionary<string, ChainHead?>(StringComparer.Ordinal);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var linked = new LinkedAppend?[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (append, streamId) = (entries[i].Append, entries[i].Append.StreamId);
            if (waiting.Contains(streamId)) continue;
            var isPredicted = predicted.TryGetValue(streamId, out var head);
            var fromDatabase = !isPredicted && toRead.Contains(streamId);
            if (!isPredicted) head = fromDatabase ? read.GetValueOrDefault(streamId) : heads.TryGet(streamId, out var cached) ? cached : null;

            if (HeadCheck.Refusal(append, head) is { } refusal)
            {
                if (!fromDatabase)
                {
                    waiting.Add(streamId);
                    continue;
                }
                entries[i].Written.TrySetException(HeadCheck.Report(logger, append, refusal));
                predicted[streamId] = head; // the stream's next appends follow the head as read
                continue;
            }
            linked[i] = LinkedAppend.Link(append, head);
            predicted[streamId] = linked[i]!.Head;
        }
        return linked;
    }
}
