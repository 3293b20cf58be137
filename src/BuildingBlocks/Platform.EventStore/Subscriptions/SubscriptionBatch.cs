using Npgsql;

namespace Platform.EventStore;

/// <summary>
/// Events of one read, and the checkpoint move they stand for (<see cref="FromPosition"/> to <see cref="ToPosition"/>;
/// events the filter left out move it too).
/// </summary>
public sealed class SubscriptionBatch(string subscription, IReadOnlyList<RecordedEvent> events, long fromPosition, long toPosition, Checkpoints checkpoints)
{
    public string Subscription { get; } = subscription;
    public IReadOnlyList<RecordedEvent> Events { get; } = events;
    public long FromPosition { get; } = fromPosition;
    public long ToPosition { get; } = toPosition;

    internal bool CheckpointSaved { get; private set; }

    /// <summary>
    /// Saves the checkpoint inside the handler's own transaction, so its changes and the checkpoint commit together
    /// (each event then takes effect once). Fails with a conflict when another runner moved the checkpoint.
    /// </summary>
    public async Task SaveCheckpointAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await checkpoints.MoveAsync(transaction.Connection!, transaction, Subscription, FromPosition, ToPosition, cancellationToken);
        CheckpointSaved = true;
    }
}
