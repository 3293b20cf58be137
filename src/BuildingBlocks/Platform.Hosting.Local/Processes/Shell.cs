using System.Diagnostics;

namespace Platform.Hosting.Local.Processes;

/// <summary>Runs short shell commands (chown, rabbitmqctl, apt-get) and returns their output.</summary>
internal static class Shell
{
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    public static async Task<string> RunAsync(string command, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, bool throwOnError = true)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start /bin/sh for: {command}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        if (throwOnError && process.ExitCode != 0)
            throw new LocalServerException($"'{command}' exited with {process.ExitCode}: {output.Trim()}");
        return output;
    }
}
