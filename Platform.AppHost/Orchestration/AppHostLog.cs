namespace Platform.AppHost.Orchestration;

/// <summary>
/// Every line the AppHost shows, prefixed with its resource's name: the AppHost's own and its services' output.
/// Recent lines are kept for the live view and for tests; <see cref="LineWritten"/> feeds the console.
/// </summary>
public sealed class AppHostLog
{
    public const string AppHostName = "apphost";
    private const int Kept = 5000;
    private readonly Queue<LogLine> _recent = new();

    public event Action<LogLine>? LineWritten;

    public IReadOnlyList<LogLine> Recent(int count)
    {
        lock (_recent) return _recent.TakeLast(count).ToList();
    }

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_recent) return _recent.ToList();
        }
    }

    public void AppHost(string text) => Write(AppHostName, text);

    public void Write(string resource, string text)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, resource, text);
        lock (_recent)
        {
            _recent.Enqueue(line);
            if (_recent.Count > Kept) _recent.Dequeue();
        }
        LineWritten?.Invoke(line);
    }
}

public sealed record LogLine(DateTimeOffset Time, string Resource, string Text);
