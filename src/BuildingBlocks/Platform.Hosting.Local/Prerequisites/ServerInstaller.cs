using Platform.Hosting.Local.Processes;

namespace Platform.Hosting.Local.Prerequisites;

/// <summary>
/// Installs a missing server from Debian's packages when we may (root on Debian), without letting the
/// package start the machine-wide service; otherwise says exactly what to install.
/// </summary>
public static class ServerInstaller
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static async Task<string> EnsurePostgresAsync(CancellationToken cancellationToken) =>
        ServerBinaries.FindPostgres()
        ?? await InstallAsync("postgresql", "PostgreSQL", ServerBinaries.FindPostgres, cancellationToken);

    public static async Task<string> EnsureRabbitMqAsync(CancellationToken cancellationToken) =>
        ServerBinaries.FindRabbitMqServer()
        ?? await InstallAsync("rabbitmq-server", "RabbitMQ", ServerBinaries.FindRabbitMqServer, cancellationToken);

    private static async Task<string> InstallAsync(string package, string product, Func<string?> find, CancellationToken cancellationToken)
    {
        if (!ServiceAccount.IsRoot || !File.Exists("/etc/debian_version") || !File.Exists("/usr/bin/apt-get"))
            throw new LocalServerException(
                $"{product} is not installed. Install the Debian package '{package}' (sudo apt-get install -y {package}) " +
                $"or set {(package == "postgresql" ? "PLATFORM_POSTGRES_BIN to the folder holding initdb and postgres" : "PLATFORM_RABBITMQ_SERVER to the rabbitmq-server script")}.");

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            if (find() is { } already) return already;
            // flock serialises with other processes (parallel test assemblies); policy-rc.d stops the
            // package from starting a machine-wide server that nobody would stop.
            var script = $$"""
                set -e
                exec 9>/tmp/platform-local-apt.lock; flock 9
                created=""
                if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; created=1; fi
                trap '[ -n "$created" ] && rm -f /usr/sbin/policy-rc.d' EXIT
                export DEBIAN_FRONTEND=noninteractive
                apt-get install -y --no-install-recommends {{package}} || { apt-get update && apt-get install -y --no-install-recommends {{package}}; }
                """;
            await Shell.RunAsync(script, cancellationToken);
        }
        catch (LocalServerException ex)
        {
            throw new LocalServerException($"Installing {product} with apt-get failed; install the Debian package '{package}' yourself. {ex.Message}", ex);
        }
        finally
        {
            InProcess.Release();
        }
        return find() ?? throw new LocalServerException($"apt-get installed '{package}' but {product}'s programs were not found.");
    }
}
