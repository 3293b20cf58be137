using Platform.AppHost;
using Platform.AppHost.Orchestration;
using Platform.Testing.Telemetry;

namespace Platform.AppHost.Tests;

/// <summary>
/// One AppHost for a test class, driven through its engine: the sample service with a database and the broker, on free
/// ports, with a throw-away state folder and telemetry sent to a test OTLP receiver (gRPC, the exporter's default).
/// </summary>
public sealed class RunningAppHost : IAsyncLifetime
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("apphost-tests-").FullName;
    public OtlpReceiver Receiver { get; private set; } = null!;
    public DistributedApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The servers run as postgres/rabbitmq and must reach their folders below this one.
        File.SetUnixFileMode(StateDirectory, (UnixFileMode)0x1ED); // rwxr-xr-x
        Receiver = await OtlpReceiver.StartAsync();
        var builder = DistributedApplication.CreateBuilder(new AppHostOptions
        {
            StateDirectory = StateDirectory,
            FreePorts = true,
            Output = OutputMode.None,
            OtlpEndpoint = Receiver.GrpcEndpoint,
            OtlpProtocol = null,
        });
        var postgres = builder.AddPostgres("postgres");
        var sampledb = postgres.AddDatabase("sampledb", databaseName: "sample");
        var messaging = builder.AddRabbitMQ("messaging");
        builder.AddProject("sample", "tests/Platform.SampleService/Platform.SampleService.csproj")
            .WithReference(sampledb)
            .WithReference(messaging);
        App = builder.Build();
        await App.StartAsync(TestContext.Current.CancellationToken);
    }

    public Uri Endpoint(string resource, string endpoint) => new(App.Resources[resource].Endpoints[endpoint]);

    /// <summary>Polls until every resource is healthy again (tests that break something leave it repaired).</summary>
    public Task WaitUntilAllHealthyAsync() => Poll.UntilAsync(() => App.Resources.All.All(r => r.IsHealthy), "all resources healthy");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
