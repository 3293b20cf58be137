using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Orchestration;
using RabbitMQ.Client;

namespace Platform.AppHost.Tests;

/// <summary>A service under the AppHost: its configuration, health, telemetry and restarts. One AppHost for the class.</summary>
public sealed class AppHostTests(RunningAppHost host) : IClassFixture<RunningAppHost>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Endpoints_file_lists_every_resource_with_working_connection_strings_readable_by_its_owner_only()
    {
        await host.WaitUntilAllHealthyAsync();
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(host.App.EndpointsFile, Cancel));
        var root = json.RootElement;

        Assert.Equal(["messaging", "postgres", "sample", "sampledb"], root.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(host.Endpoint("sample", "http").ToString().TrimEnd('/'), root.GetProperty("sample").GetProperty("http").GetString());
        Assert.Equal(host.Endpoint("sample", "grpc").ToString().TrimEnd('/'), root.GetProperty("sample").GetProperty("grpc").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.App.EndpointsFile));

        await using var db = new NpgsqlConnection(root.GetProperty("sampledb").GetProperty("connectionString").GetString());
        await db.OpenAsync(Cancel);
        await using var who = new NpgsqlCommand("select current_user || '@' || current_database()", db);
        Assert.Equal("sample@sample", await who.ExecuteScalarAsync(Cancel));

        var broker = new ConnectionFactory { Uri = new Uri(root.GetProperty("messaging").GetProperty("connectionString").GetString()!) };
        await using var connection = await broker.CreateConnectionAsync(Cancel);
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task A_service_gets_its_configuration_under_aspire_names()
    {
        await host.WaitUntilAllHealthyAsync();
        var environment = ProcessEnvironment(host.App.Resources["sample"].ProcessId!.Value);

        Assert.Equal(host.App.ConnectionStrings["sampledb"], environment["ConnectionStrings__sampledb"]);
        Assert.Equal(host.App.ConnectionStrings["messaging"], environment["ConnectionStrings__messaging"]);
        Assert.Equal(host.Endpoint("sample", "http").ToString().TrimEnd('/'), environment["Kestrel__Endpoints__http__Url"]);
        Assert.Equal(host.Endpoint("sample", "grpc").ToString().TrimEnd('/'), environment["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", environment["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.Equal("sample", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(host.Receiver.GrpcEndpoint, environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }

    [Fact]
    public async Task A_service_is_healthy_with_its_database_and_broker_and_unhealthy_while_the_broker_is_stopped()
    {
        await host.WaitUntilAllHealthyAsync();
        var (status, checks) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", checks["sampledb"]);
        Assert.Equal("Healthy", checks["messaging"]);

        await host.App.StopResourceAsync("messaging");
        try
        {
            await Poll.UntilAsync(async () => (await HealthAsync()).Status == HttpStatusCode.ServiceUnavailable, "/health to turn unhealthy");
            (_, checks) = await HealthAsync();
            Assert.Equal("Unhealthy", checks["messaging"]);
            Assert.Equal("Healthy", checks["sampledb"]);
            using var alive = await Http.GetAsync(new Uri(host.Endpoint("sample", "http"), "/alive"), Cancel);
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await host.App.StartResourceAsync("messaging", Cancel);
        }

        await Poll.UntilAsync(async () => (await HealthAsync()).Status == HttpStatusCode.OK, "/health to be healthy again once the broker is back");
        await host.WaitUntilAllHealthyAsync();
    }

    [Fact]
    public async Task Spans_of_a_service_reach_the_otlp_endpoint_given_to_the_apphost()
    {
        await host.WaitUntilAllHealthyAsync();
        using var response = await Http.GetAsync(new Uri(host.Endpoint("sample", "http"), "/greetings/ada"), Cancel);
        response.EnsureSuccessStatusCode();

        var span = await host.Receiver.WaitForSpanAsync(s => s.Name == "sample.greet", RunningAppHost.HangGuard, Cancel);
        Assert.Equal("sample", span.ServiceName);
        Assert.StartsWith("sample-", span.Resource["service.instance.id"]);
    }

    [Fact]
    public async Task Killing_a_service_makes_the_apphost_restart_it_and_say_so()
    {
        await host.WaitUntilAllHealthyAsync();
        var before = host.App.Resources["sample"];

        Process.Start("kill", ["-9", before.ProcessId!.ToString()!])!.WaitForExit();

        await Poll.UntilAsync(() => host.App.Resources["sample"] is { IsHealthy: true } now && now.ProcessId != before.ProcessId, "the service to be restarted");
        Assert.Equal(before.Restarts + 1, host.App.Resources["sample"].Restarts);
        Assert.Contains(host.App.Log.Lines, l => l.Resource == AppHostLog.AppHostName && l.Text.StartsWith("sample exited unexpectedly with code 137") && l.Text.Contains("restarting in"));
        using var health = await Http.GetAsync(new Uri(host.Endpoint("sample", "http"), "/health"), Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> HealthAsync()
    {
        using var response = await Http.GetAsync(new Uri(host.Endpoint("sample", "http"), "/health"), Cancel);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return (response.StatusCode, body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!));
    }

    private static Dictionary<string, string> ProcessEnvironment(int processId) =>
        File.ReadAllText($"/proc/{processId}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2)).Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0]).ToDictionary(g => g.Key, g => g.Last()[1]);
}
