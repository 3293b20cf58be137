using Platform.Hosting.Local.Processes;

namespace Platform.Hosting.Local.RabbitMq;

/// <summary>A node's folders, configuration file, Erlang cookie and environment, all inside one directory.</summary>
internal sealed record RabbitMqNodeLayout(string Directory, string NodeName, int DistributionPort, int EpmdPort, string EpmdPath)
{
    public string LogPath => Path.Combine(Directory, "server.log");

    private string Home => Path.Combine(Directory, "home");

    public string StopEpmdCommand => $"ERL_EPMD_PORT={EpmdPort} {Shell.Quote(EpmdPath)} -kill >/dev/null 2>&1\n";

    /// <summary>Writes the folders and files the node needs; returns the platform user's password.</summary>
    public string Prepare(int amqpPort)
    {
        foreach (var folder in new[] { "mnesia", "log", "home" }) System.IO.Directory.CreateDirectory(Path.Combine(Directory, folder));
        var password = Secrets.Persistent(Path.Combine(Directory, "platform.password"));
        // default_user only takes effect when the node's database is first created, which is why the password persists.
        File.WriteAllText(Path.Combine(Directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{amqpPort}
            default_user = {RabbitMqServer.UserName}
            default_pass = {password}
            default_vhost = /
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            loopback_users = none
            disk_free_limit.absolute = 50MB
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        File.WriteAllText(Path.Combine(Directory, "enabled_plugins"), "[].");
        var cookie = Path.Combine(Home, ".erlang.cookie");
        if (!File.Exists(cookie))
        {
            File.WriteAllText(cookie, Secrets.NewPassword().ToUpperInvariant());
            UnixFiles.SetMode(cookie, UnixFileMode.UserRead);
        }
        return password;
    }

    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["HOME"] = Home,
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
        ["ERL_EPMD_PORT"] = EpmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(Directory, "log"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Directory, "advanced.config"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Directory, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = "/dev/null",
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
    };
}
