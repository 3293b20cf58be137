using System.Diagnostics;
using System.Threading.Channels;

namespace Platform.Grpc.Tests.Support;

/// <summary>A running node script whose stdout lines can be awaited one by one.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly System.Text.StringBuilder _stderr = new();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _lines.Writer.TryComplete();
            else _lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public static NodeProcess Start(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException("node did not start."));
    }

    /// <summary>The next stdout line matching <paramref name="predicate"/>; fails with stderr when the script ends first.</summary>
    public async Task<string> ReadLineAsync(Func<string, bool>? predicate = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (await _lines.Reader.WaitToReadAsync(cancel.Token))
                while (_lines.Reader.TryRead(out var line))
                    if (predicate?.Invoke(line) ?? true) return line;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"node printed no expected line in time. stderr:{Environment.NewLine}{Stderr}");
        }
        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"node exited ({_process.ExitCode}) without the expected line. stderr:{Environment.NewLine}{Stderr}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
