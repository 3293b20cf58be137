using Platform.Testing.Telemetry;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A service's spans really reach an OTLP endpoint, over either protocol, with its name and resource.</summary>
public sealed class TelemetryTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task Spans_of_the_service_and_of_aspnetcore_reach_the_otlp_endpoint(string protocol)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var serviceName = $"probe-{protocol.Replace('/', '-')}";
        await using var service = await TestService.StartAsync(serviceName, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = protocol == "grpc" ? receiver.GrpcEndpoint : receiver.HttpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol,
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test,team=platform",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });

        using var client = TestService.Http1();
        (await client.GetAsync($"http://127.0.0.1:{service.HttpPort}/work", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var own = await receiver.WaitForSpanAsync(s => s.Name == TestService.WorkSpanName, HangGuard, TestContext.Current.CancellationToken);
        Assert.Equal(serviceName, own.ServiceName);
        Assert.Equal(serviceName, own.Scope);
        Assert.Equal(protocol, own.Protocol);
        Assert.Equal("test", own.Resource["deployment.environment"]);
        Assert.Equal("platform", own.Resource["team"]);
        var server = await receiver.WaitForSpanAsync(s => s.Scope == "Microsoft.AspNetCore", HangGuard, TestContext.Current.CancellationToken);
        Assert.Equal(serviceName, server.ServiceName);
    }

    [Fact]
    public async Task Health_probes_are_not_exported_as_traces()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestService.StartAsync("probe-quiet", new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.HttpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        using var client = TestService.Http1();

        for (var i = 0; i < 3; i++) await client.GetAsync($"http://127.0.0.1:{service.HttpPort}/alive", TestContext.Current.CancellationToken);
        (await client.GetAsync($"http://127.0.0.1:{service.HttpPort}/work", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        // The /work request was exported after the probes (one batch or a later one), so the probes had their chance.
        await receiver.WaitForSpanAsync(s => s.Name == TestService.WorkSpanName, HangGuard, TestContext.Current.CancellationToken);
        await receiver.WaitForSpanAsync(s => s.Scope == "Microsoft.AspNetCore" && s.ServiceName == "probe-quiet", HangGuard, TestContext.Current.CancellationToken);
        Assert.Single(receiver.Spans, s => s.Scope == "Microsoft.AspNetCore" && s.ServiceName == "probe-quiet");
    }
}
