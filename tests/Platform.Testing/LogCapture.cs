using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// Keeps every log entry of a host (add it to the host's logging), so a test can wait for something the code says
/// it did, or check what is never logged (secrets).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Each entry rendered as "Level Category: message exception", for text searches.</summary>
    public IReadOnlyList<string> Lines => _entries.Select(e => e.ToString()).ToArray();

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
            capture._entries.Enqueue(new LogEntry(logLevel, eventId, category, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(LogLevel Level, EventId Id, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}
