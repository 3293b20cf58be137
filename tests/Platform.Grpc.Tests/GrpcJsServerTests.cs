using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;
using V1 = Grpc.Reflection.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Platform.Grpc.Tests;

/// <summary>Our client calls a grpc-js server (node, @grpc/grpc-js).</summary>
public sealed class GrpcJsServerTests(NodeInterop node) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(node.ServerAddress);

    private EchoClient Client => new(_channel);

    [Fact]
    public async Task Unary_call_with_metadata_round_trip()
    {
        var headers = new Metadata().Add("x-text", "hello").Add("x-data-bin", new byte[] { 0, 1, 2, 250, 255 });

        var response = await Client.UnaryMethod.InvokeWithMetadataAsync(new EchoRequest { Text = "ping" }, new CallOptions { Headers = headers });

        Assert.Equal("ping", response.Message.Text);
        Assert.Equal("grpc-js", response.Message.Server);
        Assert.Equal("hello", response.Message.Metadata["x-text"]);
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, response.Message.BinaryMetadata["x-data-bin"].ToByteArray());
        Assert.Equal("grpc-js", response.Headers.GetValue("x-server"));
        Assert.Equal("hello", response.Trailers.GetValue("x-text"));
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, response.Trailers.GetBinaryValue("x-data-bin"));
    }

    [Fact]
    public async Task Server_streaming()
    {
        using var call = Client.ServerStream(new EchoRequest { Text = "tick", Count = 3 });

        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync()) texts.Add(reply.Text);

        Assert.Equal(["tick-0", "tick-1", "tick-2"], texts);
    }

    [Fact]
    public async Task Client_streaming()
    {
        using var call = Client.ClientStream();
        foreach (var text in new[] { "a", "b", "c" }) await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        await call.RequestStream.CompleteAsync();

        Assert.Equal("a,b,c", (await call.ResponseAsync).Text);
    }

    [Fact]
    public async Task Bidirectional_streaming()
    {
        using var call = Client.Bidi();
        foreach (var text in new[] { "one", "two", "three" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
            Assert.True(await call.ResponseStream.MoveNextAsync());
            Assert.Equal(text, call.ResponseStream.Current.Text);
        }
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNextAsync());
    }

    [Fact]
    public async Task Deadline_exceeded_reaches_the_grpc_js_handler()
    {
        var callId = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.UnaryAsync(new EchoRequest { Behavior = "wait", CallId = callId }, new CallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await node.WaitForServerCancellationAsync(callId);
    }

    [Fact]
    public async Task Cancellation_reaches_the_grpc_js_handler()
    {
        var callId = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();
        using var call = Client.ServerStream(new EchoRequest { Behavior = "stream-then-wait", CallId = callId },
            new CallOptions { CancellationToken = cancellation.Token });
        Assert.True(await call.ResponseStream.MoveNextAsync());

        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNextAsync());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await node.WaitForServerCancellationAsync(callId);
    }

    [Fact]
    public async Task Error_with_BadRequest_details()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UnaryAsync(new EchoRequest { Behavior = "validation" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("email: must contain @", error.Status.Detail);
        Assert.Equal([new("email", "must contain @"), new("name", "is required")], error.GetFieldViolations());
    }

    [Fact]
    public async Task Gzip_request_is_understood_by_grpc_js()
    {
        using var recorder = new RecordingHandler();
        using var channel = GrpcChannel.ForAddress(node.ServerAddress, new GrpcChannelOptions { HttpHandler = recorder });
        var payload = ByteString.CopyFrom(new byte[100_000]);

        var reply = await new EchoClient(channel).UnaryAsync(new EchoRequest { Payload = payload }, new CallOptions { Compression = "gzip" });

        // grpc-js hides grpc-encoding from handlers; the echoed payload shows it inflated our compressed message.
        Assert.Equal(payload, reply.Payload);
        Assert.Equal("gzip", recorder.Requests.Single().Headers.GetValues("grpc-encoding").Single());
        // grpc-js 1.14 servers never compress responses; our client's gzip decoding is proven against our server.
        Assert.Equal("identity", recorder.Responses.Single().Headers.GetValues("grpc-encoding").Single());
    }

    [Fact]
    public async Task Health_check_and_watch()
    {
        var health = new GrpcClient(_channel, HealthReflection.Descriptor, "grpc.health.v1.Health");
        var check = health.Unary<HealthCheckRequest, HealthCheckResponse>("Check");
        Assert.Equal(ServingStatus.Serving, (await check.InvokeAsync(new HealthCheckRequest())).Status);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => check.InvokeAsync(new HealthCheckRequest { Service = "no.such.Service" }));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        // A dedicated grpc-js server: the status change below must not leak into other tests.
        await using var server = NodeProcess.Start(NodeInterop.Directory, "server.js");
        var port = (await server.ReadLineAsync(l => l.StartsWith("READY ", StringComparison.Ordinal))).Split(' ')[1];
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        using var watch = new GrpcClient(channel, HealthReflection.Descriptor, "grpc.health.v1.Health")
            .ServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch").Start(new HealthCheckRequest { Service = "platform.test.v1.Echo" });
        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        await new EchoClient(channel).UnaryAsync(new EchoRequest { Behavior = "set-not-serving" });

        Assert.True(await watch.ResponseStream.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Reflection_listing_and_file_lookup()
    {
        var reflection = new GrpcClient(_channel, V1.ReflectionReflection.Descriptor, "grpc.reflection.v1.ServerReflection")
            .DuplexStreaming<V1.ServerReflectionRequest, V1.ServerReflectionResponse>("ServerReflectionInfo");
        using var call = reflection.Start();

        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNextAsync());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { FileContainingSymbol = "platform.test.v1.Echo" });
        Assert.True(await call.ResponseStream.MoveNextAsync());
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        await call.RequestStream.CompleteAsync();

        Assert.Contains("platform.test.v1.Echo", services);
        Assert.Contains(files, f => f.Package == "platform.test.v1" && f.Service.Any(s => s.Name == "Echo"));
    }

    public void Dispose() => _channel.Dispose();
}
