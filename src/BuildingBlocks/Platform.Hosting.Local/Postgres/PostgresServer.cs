using Npgsql;
using Platform.Hosting.Local.Prerequisites;
using Platform.Hosting.Local.Processes;

namespace Platform.Hosting.Local.Postgres;

/// <summary>
/// A private PostgreSQL cluster: initdb on first use, the postmaster in a session of its own on 127.0.0.1,
/// password authentication over TCP, and a clean stop (or the reaper's, if this process is killed).
/// </summary>
public sealed class PostgresServer(PostgresServerOptions options) : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly ServiceAccount _account = ServiceAccount.For("postgres");
    private ServerProcess? _process;
    private string _cleanupName = "";
    private string _dataDirectory = "";
    private string _password = "";

    public int Port { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A superuser connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres", Superuser, _password);

    public string ConnectionString(string database, string user, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Database = database, Username = user, Password = password,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) return;
        var bin = await ServerInstaller.EnsurePostgresAsync(cancellationToken);
        var instance = LocalInstance.Current;
        Port = options.Port == 0 ? FreePort.Next() : options.Port;
        if (!FreePort.IsFree(Port))
            throw new LocalServerException($"PostgreSQL cannot listen on 127.0.0.1:{Port}: the port is in use. Choose another port.");

        _dataDirectory = options.DataDirectory ?? Path.Combine(instance.Directory, $"postgres-{Port}");
        var home = Path.GetDirectoryName(Path.GetFullPath(_dataDirectory))!;
        Directory.CreateDirectory(home);
        _password = Secrets.Persistent(Path.Combine(home, $".{Path.GetFileName(_dataDirectory)}.superuser"));
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION"))) await InitDbAsync(bin, cancellationToken);

        // The socket folder sits under /tmp: a data folder's path may be longer than a socket path may be.
        var sockets = Directory.CreateDirectory(Path.Combine(instance.Directory, $"pg-{Port}-sockets")).FullName;
        await _account.OwnAsync(sockets, cancellationToken);
        var settings = $"-c listen_addresses=127.0.0.1 -c max_connections={options.MaxConnections}" +
                       (options.Durable ? "" : " -c fsync=off -c full_page_writes=off");
        var command = $"{Shell.Quote(Path.Combine(bin, "postgres"))} -D {Shell.Quote(_dataDirectory)} -p {Port} -k {Shell.Quote(sockets)} {settings}";

        _cleanupName = $"postgres-{Port}";
        _process = ServerProcess.Start(command, _account, new Dictionary<string, string>(), Path.Combine(_dataDirectory, "server.log"), home);
        instance.RegisterCleanup(_cleanupName, StaleInstances.StopGroupCommand(_process.ProcessId, Signals.Int, 15) +
            (options.DataDirectory is null ? $"rm -rf {Shell.Quote(_dataDirectory)}\n" : ""));
        await WaitUntilReadyAsync(cancellationToken);
    }

    private async Task InitDbAsync(string bin, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dataDirectory);
        var passwordFile = Path.Combine(_dataDirectory, "..", $".{Path.GetFileName(_dataDirectory)}.pwfile");
        await File.WriteAllTextAsync(passwordFile, _password, cancellationToken);
        await _account.OwnAsync(_dataDirectory, cancellationToken);
        await _account.OwnAsync(passwordFile, cancellationToken);
        try
        {
            var initdb = $"{Shell.Quote(Path.Combine(bin, "initdb"))} -D {Shell.Quote(_dataDirectory)} -U {Superuser} " +
                         $"--pwfile={Shell.Quote(passwordFile)} --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale" +
                         (options.Durable ? "" : " --no-sync");
            var wrapped = _account.UserName is null ? initdb : $"setpriv --reuid={_account.UserName} --regid={_account.UserName} --init-groups {initdb}";
            await Shell.RunAsync(wrapped, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        while (true)
        {
            if (_process!.HasExited)
                throw new LocalServerException($"PostgreSQL exited while starting on port {Port}. Its log ({_process.LogPath}) ends:\n{_process.Tail()}");
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false;Timeout=2");
                await connection.OpenAsync(timeout.Token);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LocalServerException($"PostgreSQL did not accept connections on port {Port} within {options.StartTimeout.TotalSeconds:0} s. Log ({_process.LogPath}):\n{_process.Tail()}");
            }
        }
    }

    /// <summary>Fast shutdown (SIGINT: roll back open transactions, then stop), killed after 15 s.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        NpgsqlConnection.ClearAllPools();
        await _process.StopAsync(Signals.Int, TimeSpan.FromSeconds(15));
        _process = null;
        LocalInstance.Current.UnregisterCleanup(_cleanupName);
        if (options.DataDirectory is null && Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
