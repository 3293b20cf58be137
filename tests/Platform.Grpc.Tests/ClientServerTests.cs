using Google.Protobuf;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Our client against our server: every call kind, metadata, deadlines, cancellation, limits, compression.</summary>
public sealed class ClientServerTests(ServerFixture fixture)
{
    private readonly EchoClient _client = fixture.Client;

    [Fact]
    public async Task Unary_call_echoes_the_message_and_round_trips_metadata()
    {
        var headers = new Metadata().Add("x-text", "hello").Add("x-data-bin", new byte[] { 0, 1, 2, 250, 255 });

        var response = await _client.UnaryMethod.InvokeWithMetadataAsync(
            new EchoRequest { Text = "ping", Payload = ByteString.CopyFromUtf8("abc") }, new CallOptions { Headers = headers });

        Assert.Equal("ping", response.Message.Text);
        Assert.Equal("abc", response.Message.Payload.ToStringUtf8());
        Assert.Equal("hello", response.Message.Metadata["x-text"]);
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, response.Message.BinaryMetadata["x-data-bin"].ToByteArray());
        Assert.Equal("shared", response.Headers.GetValue("x-server"));
        Assert.Equal("hello", response.Trailers.GetValue("x-text"));
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, response.Trailers.GetBinaryValue("x-data-bin"));
    }

    [Fact]
    public async Task Server_streaming_yields_every_message_then_ends_OK()
    {
        using var call = _client.ServerStream(new EchoRequest { Text = "tick", Count = 3 });

        var texts = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync()) texts.Add(reply.Text);

        Assert.Equal(["tick-0", "tick-1", "tick-2"], texts);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Client_streaming_receives_every_request_before_answering()
    {
        using var call = _client.ClientStream();
        foreach (var text in new[] { "a", "b", "c" }) await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
        await call.RequestStream.CompleteAsync();

        var reply = await call.ResponseAsync;

        Assert.Equal("a,b,c", reply.Text);
        Assert.Equal(3, reply.Index);
    }

    [Fact]
    public async Task Bidirectional_streaming_answers_each_request_before_the_next_is_sent()
    {
        using var call = _client.Bidi();
        foreach (var text in new[] { "one", "two", "three" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Text = text });
            Assert.True(await call.ResponseStream.MoveNextAsync());
            Assert.Equal(text, call.ResponseStream.Current.Text);
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await call.ResponseStream.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_bidirectional_call_gets_response_headers_before_it_writes_anything()
    {
        await using var server = await TestServer.StartAsync("greeter");
        server.Identity.GreetFirst = true;
        using var channel = server.CreateChannel();
        using var call = new EchoClient(channel).Bidi();

        var headers = await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("hello", headers.GetValue("x-greeting"));
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNextAsync());
    }

    [Fact]
    public async Task Deadline_cancels_the_handler_and_fails_with_DEADLINE_EXCEEDED()
    {
        var callId = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.UnaryAsync(new EchoRequest { Behavior = "wait", CallId = callId }, new CallOptions { Timeout = TimeSpan.FromMilliseconds(200) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        // Client and server deadlines race (the client resets the stream at its own deadline); either way the handler stops.
        // The server's own enforcement is proven without a client deadline in ProtocolTests.
        Assert.Contains(await fixture.Server.Observer.WaitCancelledAsync(callId), new[] { "deadline", "cancelled" });
    }

    [Fact]
    public async Task Cancelling_the_token_resets_the_stream_and_cancels_the_handler()
    {
        var callId = Guid.NewGuid().ToString();
        using var cancellation = new CancellationTokenSource();
        using var call = _client.ServerStream(new EchoRequest { Behavior = "stream-then-wait", CallId = callId },
            new CallOptions { CancellationToken = cancellation.Token });
        Assert.True(await call.ResponseStream.MoveNextAsync());

        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNextAsync());

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", await fixture.Server.Observer.WaitCancelledAsync(callId));
    }

    [Fact]
    public async Task Disposing_an_unfinished_call_cancels_the_handler()
    {
        var callId = Guid.NewGuid().ToString();
        var call = _client.ServerStream(new EchoRequest { Behavior = "stream-then-wait", CallId = callId });
        Assert.True(await call.ResponseStream.MoveNextAsync());

        call.Dispose();

        Assert.Equal("cancelled", await fixture.Server.Observer.WaitCancelledAsync(callId));
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_large_message_crosses_many_DATA_frames_both_ways()
    {
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 3 * 1024 * 1024).Select(i => (byte)(i * 7)).ToArray());

        var reply = await _client.UnaryAsync(new EchoRequest { Payload = payload });

        Assert.Equal(payload, reply.Payload);
    }

    [Fact]
    public async Task A_request_over_the_server_limit_fails_with_RESOURCE_EXHAUSTED()
    {
        var payload = ByteString.CopyFrom(new byte[4 * 1024 * 1024 + 1]);

        var error = await Assert.ThrowsAsync<RpcException>(() => _client.UnaryAsync(new EchoRequest { Payload = payload }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("after", (await _client.UnaryAsync(new EchoRequest { Text = "after" })).Text);
    }

    [Fact]
    public async Task A_response_over_the_client_limit_fails_with_RESOURCE_EXHAUSTED()
    {
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new EchoClient(channel).UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[4096]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Gzip_requests_are_decompressed_and_answered_with_gzip()
    {
        using var recorder = new RecordingHandler();
        using var channel = fixture.Server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder });
        var payload = ByteString.CopyFrom(new byte[200_000]);

        var reply = await new EchoClient(channel).UnaryAsync(new EchoRequest { Payload = payload }, new CallOptions { Compression = "gzip" });

        Assert.Equal("gzip", reply.Encoding);
        Assert.Equal(payload, reply.Payload);
        var response = recorder.Responses.Single();
        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
    }

    [Fact]
    public async Task A_deadline_already_past_fails_without_calling_the_server()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _client.UnaryAsync(new EchoRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
