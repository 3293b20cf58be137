using System.Text.Json;
using Platform.Grpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Grpc.Tests;

/// <summary>A grpc-js client (node, @grpc/grpc-js) calls our server.</summary>
public sealed class GrpcJsClientTests(ServerFixture fixture, NodeInterop node)
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task Unary_call_with_metadata_round_trip()
    {
        var result = await node.RunClientAsync("unary", _server);

        Assert.Equal("ping", result.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal("hello from js", result.GetProperty("reply").GetProperty("metadata").GetProperty("x-text").GetString());
        Assert.Equal("AAEC+v8=", result.GetProperty("reply").GetProperty("binaryMetadata").GetProperty("x-data-bin").GetString());
        Assert.Equal("shared", result.GetProperty("headers").GetProperty("x-server").GetString());
        Assert.Equal("hello from js", result.GetProperty("trailers").GetProperty("x-text").GetString());
        Assert.Equal("base64:AAEC+v8=", result.GetProperty("trailers").GetProperty("x-data-bin").GetString());
    }

    [Fact]
    public async Task Server_streaming()
    {
        var result = await node.RunClientAsync("server-stream", _server);

        Assert.Equal(JsonValueKind.Null, result.GetProperty("error").ValueKind);
        Assert.Equal(["tick-0", "tick-1", "tick-2"], result.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Client_streaming()
    {
        var result = await node.RunClientAsync("client-stream", _server);

        Assert.Equal("a,b,c", result.GetProperty("reply").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Bidirectional_streaming()
    {
        var result = await node.RunClientAsync("bidi", _server);

        Assert.Equal(["one", "two", "three"], result.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Deadline_exceeded_cancels_our_handler()
    {
        var callId = Guid.NewGuid().ToString();

        var result = await node.RunClientAsync("deadline", _server, callId);

        Assert.Equal(4, result.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(await _server.Observer.WaitCancelledAsync(callId), new[] { "deadline", "cancelled" });
    }

    [Fact]
    public async Task Client_cancellation_cancels_our_handler()
    {
        var callId = Guid.NewGuid().ToString();

        var result = await node.RunClientAsync("cancel", _server, callId);

        Assert.Equal(1, result.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("cancelled", await _server.Observer.WaitCancelledAsync(callId));
    }

    [Fact]
    public async Task Validation_error_carries_BadRequest_details()
    {
        var result = await node.RunClientAsync("error-details", _server);

        Assert.Equal(3, result.GetProperty("code").GetInt32());
        Assert.Equal("email: must contain @; name: is required", result.GetProperty("details").GetString());
        var violations = result.GetProperty("status").GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("field").GetString()}={v.GetProperty("description").GetString()}");
        Assert.Equal(["email=must contain @", "name=is required"], violations);
    }

    [Fact]
    public async Task Unhandled_exception_is_UNKNOWN_without_internals()
    {
        var result = await node.RunClientAsync("unhandled", _server);

        Assert.Equal(2, result.GetProperty("code").GetInt32());
        Assert.DoesNotContain("hunter2", result.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Gzip_request_is_read_and_the_response_is_gzip()
    {
        var result = await node.RunClientAsync("gzip", _server);

        Assert.Equal("gzip", result.GetProperty("encoding").GetString());
        Assert.Equal(64 * 1024, result.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Bearer_credential_reaches_the_handler_and_a_bad_one_is_UNAUTHENTICATED()
    {
        var result = await node.RunClientAsync("auth", _server);

        Assert.Equal("alice", result.GetProperty("good").GetString());
        Assert.Equal(16, result.GetProperty("bad").GetInt32());
        Assert.Equal("", result.GetProperty("none").GetString());
    }

    [Fact]
    public async Task Health_check()
    {
        var result = await node.RunClientAsync("health-check", _server);

        Assert.Equal("SERVING", result.GetProperty("all").GetProperty("status").GetString());
        Assert.Equal("SERVING", result.GetProperty("echo").GetProperty("status").GetString());
        Assert.Equal(5, result.GetProperty("unknown").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Health_watch_sees_a_status_change()
    {
        await using var server = await TestServer.StartAsync("watch");
        await using var client = node.StartClient("health-watch", server);
        Assert.Equal("STATUS SERVING", await client.ReadLineAsync(l => l.StartsWith("STATUS", StringComparison.Ordinal)));

        server.Services.GetRequiredService<GrpcHealth>().SetServingStatus("platform.test.v1.Echo", serving: false);

        Assert.Equal("STATUS NOT_SERVING", await client.ReadLineAsync(l => l.StartsWith("STATUS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reflection_lists_services_and_serves_descriptors_good_enough_to_call_without_our_protos()
    {
        var result = await node.RunClientAsync("reflection", _server);

        string[] expected = ["platform.test.v1.Echo", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];
        Assert.Equal(expected.Order(), result.GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal(expected.Order(), result.GetProperty("alphaServices").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.Equal(2, result.GetProperty("fileCount").GetInt32()); // echo.proto and google/protobuf/timestamp.proto
        Assert.Equal(5, result.GetProperty("missing").GetProperty("errorCode").GetInt32());
        Assert.Equal("via reflection", result.GetProperty("reply").GetString());
    }
}
