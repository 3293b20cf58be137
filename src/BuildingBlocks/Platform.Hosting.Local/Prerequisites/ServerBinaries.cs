namespace Platform.Hosting.Local.Prerequisites;

/// <summary>Where the machine's PostgreSQL and RabbitMQ programs are.</summary>
public static class ServerBinaries
{
    /// <summary>The folder with initdb and postgres, newest major version first; null when not installed.</summary>
    public static string? FindPostgres()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PLATFORM_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "postgres"))) return fromEnvironment;

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Directory: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Directory, "bin", "postgres")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Directory is not null) return Path.Combine(newest.Directory, "bin");
        }
        return FindOnPath("postgres") is { } postgres && FindOnPath("initdb") is not null ? Path.GetDirectoryName(postgres) : null;
    }

    /// <summary>RabbitMQ's own start script (not Debian's /usr/sbin wrapper, which insists on su); null when not installed.</summary>
    public static string? FindRabbitMqServer()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PLATFORM_RABBITMQ_SERVER");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment)) return fromEnvironment;
        const string debian = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(debian) ? debian : FindOnPath("rabbitmq-server");
    }

    public static string? FindRabbitMqCtl(string server) =>
        Path.Combine(Path.GetDirectoryName(server)!, "rabbitmqctl") is var ctl && File.Exists(ctl) ? ctl : FindOnPath("rabbitmqctl");

    /// <summary>Erlang's port mapper, which each broker starts on a port of its own and which we stop with it.</summary>
    public static string? FindEpmd()
    {
        const string erlang = "/usr/lib/erlang";
        if (Directory.Exists(erlang))
        {
            var found = Directory.GetDirectories(erlang, "erts-*")
                .Select(d => Path.Combine(d, "bin", "epmd"))
                .Where(File.Exists)
                .OrderDescending(StringComparer.Ordinal)
                .FirstOrDefault();
            if (found is not null) return found;
        }
        return FindOnPath("epmd");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
}
