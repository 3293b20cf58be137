using System.Collections.Concurrent;

namespace Platform.EventStore.Tests;

/// <summary>A subscriber that remembers what it was given; it can be told to fail a number of batches after recording them.</summary>
public sealed class RecordingSubscriber : ISubscriber
{
    private readonly ConcurrentQueue<RecordedEvent> _received = new();

    public IReadOnlyList<RecordedEvent> Received => _received.ToArray();

    public int FailuresLeft { get; set; }

    public Task HandleAsync(SubscriptionBatch batch, CancellationToken cancellationToken)
    {
        foreach (var e in batch.Events) _received.Enqueue(e);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new InvalidOperationException("Simulated crash after handling, before the checkpoint.");
        }
        return Task.CompletedTask;
    }
}
