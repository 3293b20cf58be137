using System.Diagnostics;

namespace Platform.Grpc.Bench;

/// <summary>
/// The split layout: the server in a child process pinned to core 0 (<c>taskset -c 0</c>), the load generator and
/// the clients pinned to core 1, so the two sides stop competing for the same cores and each side's CPU per call can
/// be read on its own.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string ClientMarker = "--pinned-client";

    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Two cores or more and <c>taskset</c> present; otherwise the bench runs in one process as before.</summary>
    public static bool CanSplit() => Environment.ProcessorCount >= 2 && OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset");

    /// <summary>Runs this same program again pinned to core 1 as the client side, and returns its exit code.</summary>
    public static async Task<int> RunPinnedClientAsync(string[] args)
    {
        using var client = Process.Start(Pinned(1, [.. args, ClientMarker], redirect: false))!;
        await client.WaitForExitAsync();
        return client.ExitCode;
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var process = Process.Start(Pinned(0, ["--serve"], redirect: true))!;
        var line = await process.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException("The server process exited before printing its address.");
        return new ServerProcess(process, new Uri(line["address ".Length..]));
    }

    /// <summary>Bytes the server process allocated so far.</summary>
    public async Task<long> AllocatedBytesAsync()
    {
        await _process.StandardInput.WriteLineAsync("alloc");
        return long.Parse(await _process.StandardOutput.ReadLineAsync() ?? "0");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // Both sides get the launcher's tiering choice (see Tiering).
    private static ProcessStartInfo Pinned(int core, string[] args, bool redirect) =>
        Tiering.Self(core, args, redirect, applyTiering: !Environment.GetCommandLineArgs().Contains(Tiering.KeepDefault));
}
