using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>Keeps every log entry so a test can wait for something the code says it did (add it to a host's logging).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>How many entries with <paramref name="eventId"/> came from a category ending in <paramref name="category"/>.</summary>
    public int Count(string category, int eventId) =>
        _entries.Count(e => e.Id.Id == eventId && e.Category.EndsWith(category, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new LogEntry(eventId, category, formatter(state, exception)));
    }
}

public sealed record LogEntry(EventId Id, string Category, string Message);
