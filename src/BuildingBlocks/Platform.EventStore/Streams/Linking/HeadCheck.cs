using Microsoft.Extensions.Logging;
using Platform.Domain;

namespace Platform.EventStore;

/// <summary>Whether an append may follow a stream's head (null: the stream does not exist), and if not, why.</summary>
internal static class HeadCheck
{
    /// <summary>Null when the append fits the head; otherwise the error its caller gets.</summary>
    public static Exception? Refusal(PendingAppend append, ChainHead? head)
    {
        var expected = append.Expected.Value;
        if (head is null)
            return expected > 0 ? Conflict(append, 0) : null;
        if (expected == 0 || (expected > 0 && head.Version != expected))
            return Conflict(append, head.Version);
        if (!string.Equals(head.StreamType, append.StreamType, StringComparison.Ordinal))
            return new ValidationException("streamType", $"Stream '{append.StreamId}' has the stream type '{head.StreamType}', not '{append.StreamType}'.");
        if (head.Hash is null)
            return new InvalidOperationException(
                $"Stream '{append.StreamId}' has lost its last event (version {head.Version}) since before schema version 3: verify it before appending.");
        return null;
    }

    /// <summary>Counts and logs a refusal about to reach its caller, and returns it.</summary>
    public static Exception Report(ILogger logger, PendingAppend append, Exception refusal)
    {
        if (refusal is ConflictException)
        {
            EventStoreTelemetry.Conflicts.Add(1);
            Log.AppendConflict(logger, append.StreamId, append.Expected.ToString(), refusal.Message);
        }
        return refusal;
    }

    private static ConflictException Conflict(PendingAppend append, long actual) =>
        new($"Stream '{append.StreamId}' is at version {actual}; the append expected {append.Expected}.");
}
