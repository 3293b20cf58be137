using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Channels: several addresses, round-robin, retries of idempotent calls, configuration and DI.</summary>
public sealed class ChannelTests
{
    [Fact]
    public async Task Calls_alternate_between_addresses()
    {
        await using var a = await TestServer.StartAsync("a");
        await using var b = await TestServer.StartAsync("b");
        using var channel = GrpcChannel.ForAddresses([a.Address, b.Address]);
        var client = new EchoClient(channel);

        var servers = new List<string>();
        for (var i = 0; i < 4; i++) servers.Add((await client.UnaryAsync(new EchoRequest())).Server);

        Assert.Equal(["a", "b", "a", "b"], servers);
    }

    [Fact]
    public async Task An_idempotent_call_that_gets_UNAVAILABLE_is_retried_on_the_next_address()
    {
        await using var a = await TestServer.StartAsync("a");
        await using var b = await TestServer.StartAsync("b");
        a.Identity.Unavailable = true;
        using var channel = GrpcChannel.ForAddresses([a.Address, b.Address]);

        var reply = await new EchoClient(channel).UnaryAsync(new EchoRequest(), new CallOptions { IsIdempotent = true });

        Assert.Equal("b", reply.Server);
        Assert.Equal(1, a.Identity.Calls);
    }

    [Fact]
    public async Task A_call_not_marked_idempotent_is_not_retried()
    {
        await using var a = await TestServer.StartAsync("a");
        await using var b = await TestServer.StartAsync("b");
        a.Identity.Unavailable = true;
        using var channel = GrpcChannel.ForAddresses([a.Address, b.Address]);

        var error = await Assert.ThrowsAsync<RpcException>(() => new EchoClient(channel).UnaryAsync(new EchoRequest()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(0, b.Identity.Calls);
    }

    [Fact]
    public async Task A_connection_failure_is_UNAVAILABLE_and_retried_for_idempotent_calls()
    {
        await using var live = await TestServer.StartAsync("live");
        using var channel = GrpcChannel.ForAddresses([ClosedPort(), live.Address]);
        var client = new EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest(), new CallOptions { IsIdempotent = true });
        Assert.Equal("live", reply.Server);

        // Each attempt takes the next address: the retry used the live one, so the next call starts on the closed one
        // and, not idempotent, fails there.
        var error = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest()));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_channel_comes_from_services_name_grpc_index_configuration()
    {
        await using var a = await TestServer.StartAsync("a");
        await using var b = await TestServer.StartAsync("b");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:keys:grpc:1"] = b.Address.ToString(),
            ["services:keys:grpc:0"] = a.Address.ToString(),
        }).Build();

        using var channel = GrpcChannel.FromConfiguration(configuration, "keys");

        Assert.Equal([a.Address, b.Address], channel.Addresses);
        var missing = Assert.Throws<InvalidOperationException>(() => GrpcChannel.FromConfiguration(configuration, "billing"));
        Assert.Contains("services__billing__grpc__0", missing.Message);
    }

    [Fact]
    public void The_environment_variable_form_services__name__grpc__0_is_read()
    {
        // A name no other test uses: the variable is process-wide.
        Environment.SetEnvironmentVariable("services__envprobe__grpc__0", "http://127.0.0.1:7112");
        try
        {
            using var channel = GrpcChannel.FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build(), "envprobe");

            Assert.Equal([new Uri("http://127.0.0.1:7112")], channel.Addresses);
        }
        finally
        {
            Environment.SetEnvironmentVariable("services__envprobe__grpc__0", null);
        }
    }

    [Fact]
    public async Task AddGrpcClient_registers_a_typed_client_on_a_keyed_channel()
    {
        await using var server = await TestServer.StartAsync("di");
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:echo:grpc:0"] = server.Address.ToString() }).Build());
        services.AddGrpcClient<EchoClient>("echo");
        await using var provider = services.BuildServiceProvider();

        var reply = await provider.GetRequiredService<EchoClient>().UnaryAsync(new EchoRequest { Text = "di" });

        Assert.Equal("di", reply.Text);
        Assert.Same(provider.GetRequiredKeyedService<GrpcChannel>("echo"), provider.GetRequiredKeyedService<GrpcChannel>("echo"));
    }

    [Fact]
    public void Method_handles_are_checked_against_the_proto()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var service = new GrpcClient(channel, EchoReflection.Descriptor, "platform.test.v1.Echo");

        Assert.Contains("has no method 'Nope'", Assert.Throws<InvalidOperationException>(() => service.Unary<EchoRequest, EchoReply>("Nope")).Message);
        Assert.Contains("platform.test.v1.Echo/ServerStream is server streaming, not unary",
            Assert.Throws<InvalidOperationException>(() => service.Unary<EchoRequest, EchoReply>("ServerStream")).Message);
        Assert.Contains("platform.test.v1.Echo/Unary takes platform.test.v1.EchoRequest, not EchoReply",
            Assert.Throws<InvalidOperationException>(() => service.Unary<EchoReply, EchoReply>("Unary")).Message);
        Assert.Contains("declares no service",
            Assert.Throws<ArgumentException>(() => new GrpcClient(channel, EchoReflection.Descriptor, "platform.test.v1.Nope")).Message);
    }

    [Fact]
    public void Addresses_must_be_absolute_http_urls()
    {
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddresses([]));
        Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress("ftp://127.0.0.1:1"));
    }

    private static Uri ClosedPort()
    {
        // A port that was just free: nothing listens there, so connecting is refused at once.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new Uri($"http://127.0.0.1:{((IPEndPoint)socket.LocalEndPoint!).Port}");
    }
}
