using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Grpc.Tests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc.Tests;

/// <summary>grpc.health.v1 answers from the ASP.NET Core health checks, per service, and pushes changes to watchers.</summary>
public sealed class HealthTests
{
    private const string Echo = "platform.test.v1.Echo";

    [Fact]
    public async Task Check_reports_mapped_services_and_NOT_FOUND_for_others()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var check = Check(channel);

        Assert.Equal(ServingStatus.Serving, (await check.InvokeAsync(new HealthCheckRequest())).Status);
        Assert.Equal(ServingStatus.Serving, (await check.InvokeAsync(new HealthCheckRequest { Service = Echo })).Status);
        var error = await Assert.ThrowsAsync<RpcException>(() => check.InvokeAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_failing_health_check_tagged_with_a_service_makes_that_service_and_the_whole_server_NOT_SERVING()
    {
        await using var server = await TestServer.StartAsync(services: s => s.AddHealthChecks()
            .AddCheck("echo-store", () => HealthCheckResult.Unhealthy("store down"), tags: [Echo]));
        using var channel = server.CreateChannel();
        var check = Check(channel);

        Assert.Equal(ServingStatus.NotServing, (await check.InvokeAsync(new HealthCheckRequest { Service = Echo })).Status);
        Assert.Equal(ServingStatus.NotServing, (await check.InvokeAsync(new HealthCheckRequest())).Status);
        Assert.Equal(ServingStatus.Serving, (await check.InvokeAsync(new HealthCheckRequest { Service = "grpc.health.v1.Health" })).Status);
    }

    [Fact]
    public async Task Watch_sends_the_status_then_each_change()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        var health = server.Services.GetRequiredService<GrpcHealth>();
        using var watch = new GrpcClient(channel, HealthReflection.Descriptor, "grpc.health.v1.Health")
            .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch").Start(new HealthCheckRequest { Service = Echo });

        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        health.SetServingStatus(Echo, serving: false);
        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);

        health.ClearServingStatus(Echo);
        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Watch_of_an_unknown_service_says_SERVICE_UNKNOWN_and_stays_open()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateChannel();
        using var watch = new GrpcClient(channel, HealthReflection.Descriptor, "grpc.health.v1.Health")
            .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch").Start(new HealthCheckRequest { Service = "later.Service" });

        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, watch.ResponseStream.Current.Status);

        server.Services.GetRequiredService<GrpcHealth>().SetServingStatus("later.Service", serving: true);
        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
    }

    private static UnaryMethod<HealthCheckRequest, HealthCheckResponse> Check(GrpcChannel channel) =>
        new GrpcClient(channel, HealthReflection.Descriptor, "grpc.health.v1.Health").Unary<HealthCheckRequest, HealthCheckResponse>("Check");
}
