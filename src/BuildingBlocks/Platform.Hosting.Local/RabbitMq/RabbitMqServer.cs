using Platform.Hosting.Local.Prerequisites;
using Platform.Hosting.Local.Processes;

namespace Platform.Hosting.Local.RabbitMq;

/// <summary>
/// A private RabbitMQ node: its own node name, AMQP, distribution and epmd ports and folders (owned by the
/// rabbitmq user when we are root), one login user with a random password, and a clean stop that also
/// stops the port mapper it started.
/// </summary>
public sealed class RabbitMqServer(RabbitMqServerOptions options) : IAsyncDisposable
{
    public const string UserName = "platform";
    private readonly ServiceAccount _account = ServiceAccount.For("rabbitmq");
    private ServerProcess? _process;
    private RabbitMqNodeLayout? _layout;
    private string _password = "";

    public int AmqpPort { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public string NodeName => _layout?.NodeName ?? "";

    /// <summary>An AMQP URI for the default virtual host, in the form Aspire gives RabbitMQ resources.</summary>
    public string ConnectionString => VirtualHostConnectionString("/");

    public string VirtualHostConnectionString(string virtualHost) =>
        $"amqp://{UserName}:{_password}@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(virtualHost)}";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) return;
        var server = await ServerInstaller.EnsureRabbitMqAsync(cancellationToken);
        var epmd = ServerBinaries.FindEpmd() ?? throw new LocalServerException("Erlang's epmd was not found; reinstall the Debian package 'erlang-base'.");
        var instance = LocalInstance.Current;
        AmqpPort = options.AmqpPort == 0 ? FreePort.Next() : options.AmqpPort;
        var distributionPort = options.DistributionPort == 0 ? FreePort.Next() : options.DistributionPort;
        var epmdPort = options.EpmdPort == 0 ? FreePort.Next() : options.EpmdPort;
        foreach (var (port, what) in new[] { (AmqpPort, "AMQP"), (distributionPort, "distribution"), (epmdPort, "epmd") })
            if (!FreePort.IsFree(port))
                throw new LocalServerException($"RabbitMQ cannot use 127.0.0.1:{port} ({what} port): it is in use. Choose another port.");

        var directory = options.DataDirectory ?? Path.Combine(instance.Directory, $"rabbitmq-{AmqpPort}");
        _layout = new RabbitMqNodeLayout(Path.GetFullPath(directory), options.NodeName ?? $"platform-{AmqpPort}@localhost", distributionPort, epmdPort, epmd);
        _password = _layout.Prepare(AmqpPort);
        await _account.OwnAsync(_layout.Directory, cancellationToken);

        var cleanupName = $"rabbitmq-{AmqpPort}";
        _process = ServerProcess.Start(Shell.Quote(server), _account, _layout.Environment(), _layout.LogPath, _layout.Directory);
        instance.RegisterCleanup(cleanupName, StaleInstances.StopGroupCommand(_process.ProcessId, Signals.Term, 20) + _layout.StopEpmdCommand +
            (options.DataDirectory is null ? $"rm -rf {Shell.Quote(_layout.Directory)}\n" : ""));
        await WaitUntilReadyAsync(cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.StartTimeout;
        while (!await AmqpProbe.AnswersAsync(AmqpPort, cancellationToken))
        {
            if (_process!.HasExited)
                throw new LocalServerException($"RabbitMQ exited while starting on port {AmqpPort}. Its log ({_process.LogPath}) ends:\n{_process.Tail()}");
            if (DateTime.UtcNow > deadline)
                throw new LocalServerException($"RabbitMQ did not accept AMQP connections on port {AmqpPort} within {options.StartTimeout.TotalSeconds:0} s. Log ({_process.LogPath}):\n{_process.Tail()}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Creates a virtual host the platform user may use fully (tests: one per class, so topologies never mix).</summary>
    public async Task<string> CreateVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        var ctl = ServerBinaries.FindRabbitMqCtl(ServerBinaries.FindRabbitMqServer()!) ?? throw new LocalServerException("rabbitmqctl was not found.");
        var environment = _layout!.Environment();
        var node = Shell.Quote(_layout.NodeName);
        await Shell.RunAsync($"{Shell.Quote(ctl)} -q -n {node} add_vhost {Shell.Quote(name)} && " +
                             $"{Shell.Quote(ctl)} -q -n {node} set_permissions -p {Shell.Quote(name)} {UserName} '.*' '.*' '.*'",
            cancellationToken, environment);
        return VirtualHostConnectionString(name);
    }

    /// <summary>Stops the node (SIGTERM: RabbitMQ's graceful shutdown), killed after 20 s, and its port mapper.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _layout is null) return;
        await _process.StopAsync(Signals.Term, TimeSpan.FromSeconds(20));
        _process = null;
        await Shell.RunAsync(_layout.StopEpmdCommand, CancellationToken.None, throwOnError: false);
        LocalInstance.Current.UnregisterCleanup($"rabbitmq-{AmqpPort}");
        if (options.DataDirectory is null && Directory.Exists(_layout.Directory)) Directory.Delete(_layout.Directory, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
