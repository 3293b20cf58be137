using System.Text;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Orchestration;

/// <summary>
/// Follows a log file that a process (a server, a service) appends to, and passes each new line to the AppHost's log
/// under the resource's name. Processes write to files, not pipes, so they never block on, or die with, the AppHost.
/// </summary>
internal sealed partial class LogTail(string path, string resource, AppHostLog log) : IAsyncDisposable
{
    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex TerminalEscapes();

    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _offset;

    /// <summary>Starts following from the file's current end (earlier runs' lines are not shown again).</summary>
    public void Start()
    {
        _offset = File.Exists(path) ? new FileInfo(path).Length : 0;
        _loop = Task.Run(FollowAsync);
    }

    private async Task FollowAsync()
    {
        var pending = new StringBuilder();
        while (true)
        {
            ReadNew(pending);
            if (_stop.IsCancellationRequested) break;
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // One last read below, so a process's final lines are shown.
            }
        }
        if (pending.Length > 0) log.Write(resource, TerminalEscapes().Replace(pending.ToString(), ""));
    }

    private void ReadNew(StringBuilder pending)
    {
        if (!File.Exists(path)) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < _offset) _offset = 0; // truncated: start over
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        _offset = stream.Position;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                log.Write(resource, TerminalEscapes().Replace(pending.ToString().TrimEnd('\r'), ""));
                pending.Clear();
            }
            else pending.Append(c);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
