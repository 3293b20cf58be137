using Microsoft.Extensions.Configuration;
using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.Hosting.Local;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary><c>/health</c> covers the database and the broker; <c>/alive</c> only the process; both only on the http endpoint.</summary>
public sealed class HealthTests(PostgresDatabase database, RabbitMqVirtualHost broker)
    : IClassFixture<PostgresDatabase>, IClassFixture<RabbitMqVirtualHost>
{
    [Fact]
    public async Task Health_is_healthy_when_database_and_broker_answer_and_names_each_check_without_secrets()
    {
        await using var service = await StartAsync(database.ConnectionString, broker.ConnectionString);

        var (status, body) = await GetAsync(service.HttpPort, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["messaging", "self", "testdb"], Checks(body).Keys.Order());
        Assert.All(Checks(body).Values, s => Assert.Equal("Healthy", s));
        var text = body.GetRawText();
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!, text);
        Assert.DoesNotContain(new Uri(broker.ConnectionString).UserInfo.Split(':')[1], text);
    }

    [Fact]
    public async Task Health_is_unhealthy_when_a_dependency_is_unreachable_while_alive_stays_healthy()
    {
        var closedPort = FreePort.Next();
        var unreachableDb = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = closedPort }.ConnectionString;
        var unreachableBroker = new UriBuilder(broker.ConnectionString) { Port = FreePort.Next() }.Uri.ToString();
        await using var service = await StartAsync(unreachableDb, unreachableBroker);

        var (healthStatus, health) = await GetAsync(service.HttpPort, "/health");
        var (aliveStatus, alive) = await GetAsync(service.HttpPort, "/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Checks(health)["testdb"]);
        Assert.Equal("Unhealthy", Checks(health)["messaging"]);
        Assert.Equal(HttpStatusCode.OK, aliveStatus);
        Assert.Equal(["self"], Checks(alive).Keys);
    }

    [Fact]
    public async Task Health_endpoints_answer_only_on_the_http_endpoint_and_the_grpc_endpoint_speaks_http2()
    {
        await using var service = await StartAsync(database.ConnectionString, broker.ConnectionString);
        using var http2 = TestService.Http2();

        using var onGrpc = await http2.GetAsync($"http://127.0.0.1:{service.GrpcPort}/health", TestContext.Current.CancellationToken);
        using var aliveOnGrpc = await http2.GetAsync($"http://127.0.0.1:{service.GrpcPort}/alive", TestContext.Current.CancellationToken);

        Assert.Equal(HttpVersion.Version20, onGrpc.Version);
        Assert.Equal(HttpStatusCode.NotFound, onGrpc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, aliveOnGrpc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(service.HttpPort, "/alive")).Status);
    }

    [Fact]
    public async Task Other_services_endpoints_are_read_from_aspire_names()
    {
        await using var service = await StartAsync(database.ConnectionString, broker.ConnectionString, new()
        {
            ["services:keys:grpc:0"] = "http://127.0.0.1:7112",
        });

        Assert.Equal(new Uri("http://127.0.0.1:7112"), service.Configuration.GetServiceUri("keys", "grpc"));
        Assert.Null(service.Configuration.GetServiceUri("billing", "grpc"));
    }

    private static Task<TestService> StartAsync(string db, string messaging, Dictionary<string, string?>? more = null) =>
        TestService.StartAsync("probe-health", new Dictionary<string, string?>(more ?? [])
        {
            ["ConnectionStrings:testdb"] = db,
            ["ConnectionStrings:messaging"] = messaging,
        });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(int port, string path)
    {
        using var client = TestService.Http1();
        using var response = await client.GetAsync($"http://127.0.0.1:{port}{path}", TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
}
