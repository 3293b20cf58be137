using Platform.AppHost.Model;
using Platform.AppHost.Orchestration;
using Platform.AppHost.Output;

namespace Platform.AppHost;

/// <summary>
/// The running application, in the shape of Aspire's: <c>DistributedApplication.CreateBuilder(args)</c>, declare the
/// resources, <c>builder.Build().Run()</c>. Tests drive the same engine through <see cref="StartAsync"/> and <see cref="StopAsync"/>.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Orchestrator _orchestrator;

    internal DistributedApplication(AppHostOptions options, IReadOnlyList<Resource> resources) =>
        _orchestrator = new Orchestrator(options, resources, new AppHostLog());

    /// <summary>Options from the command line; <c>--help</c> prints the flags and exits.</summary>
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = CommandLine.Parse(args, out var exitCode);
        if (options is null) Environment.Exit(exitCode);
        return new DistributedApplicationBuilder(options);
    }

    public static DistributedApplicationBuilder CreateBuilder(AppHostOptions options) => new(options);

    public AppHostLog Log => _orchestrator.Log;

    public ResourceBoard Resources => _orchestrator.Board;

    public ConnectionStrings ConnectionStrings => _orchestrator.Connections;

    public string EndpointsFile => _orchestrator.Folders?.EndpointsFile ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts everything and returns once every resource is healthy and endpoints.json is written.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _orchestrator.StartAsync(cancellationToken);

    /// <summary>Services first, then the broker, then the database; removes endpoints.json.</summary>
    public Task StopAsync() => _orchestrator.StopAsync();

    /// <summary>Stops one resource by hand (the servers: to see how services take an outage); the AppHost does not restart it.</summary>
    public Task StopResourceAsync(string name) => _orchestrator.StopResourceAsync(name);

    public Task StartResourceAsync(string name, CancellationToken cancellationToken = default) => _orchestrator.StartResourceAsync(name, cancellationToken);

    /// <summary>Runs until Ctrl+C (SIGINT), SIGTERM or SIGHUP, showing the live table or plain lines; exits the process with its code.</summary>
    public void Run() => Environment.Exit(new ConsoleRun(_orchestrator).RunAsync().GetAwaiter().GetResult());

    public async ValueTask DisposeAsync() => await StopAsync();
}
