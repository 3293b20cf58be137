using System.Diagnostics;

namespace Platform.Hosting.Local.Tests;

/// <summary>Runs the stand-in owner program, which starts a PostgreSQL and a RabbitMQ and waits.</summary>
internal sealed class OwnerProcess : IDisposable
{
    private readonly Process _process;

    private OwnerProcess(Process process, int postgresPort, int amqpPort, string instanceDirectory)
    {
        _process = process;
        PostgresPort = postgresPort;
        AmqpPort = amqpPort;
        InstanceDirectory = instanceDirectory;
    }

    public int PostgresPort { get; }
    public int AmqpPort { get; }
    public string InstanceDirectory { get; }
    public int ProcessId => _process.Id;

    public static async Task<OwnerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Platform.Hosting.Local.Owner.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", [program]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            var parts = line.Split(' ');
            if (parts[0] == "ready") return new OwnerProcess(process, int.Parse(parts[1]), int.Parse(parts[2]), parts[3]);
        }
        throw new InvalidOperationException("The owner exited before its servers were ready: " + await process.StandardError.ReadToEndAsync(cancellationToken));
    }

    public void KillHard() => Process.Start("kill", ["-9", ProcessId.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
