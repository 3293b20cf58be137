using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

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

/// <summary>Keeps every log entry (event id and message) so a test can wait for something the code says it did.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> _entries = new();

    public IReadOnlyList<(EventId Id, string Message)> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue((eventId, formatter(state, exception)));
    }
}
