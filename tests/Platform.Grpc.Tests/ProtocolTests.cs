using System.IO.Compression;
using System.Net;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>What the server puts on the wire, checked at the HTTP/2 level.</summary>
public sealed class ProtocolTests(ServerFixture fixture) : IDisposable
{
    private readonly RawGrpc _raw = new(fixture.Server.Address);

    [Fact]
    public async Task A_successful_call_sends_headers_one_message_and_grpc_status_in_trailers()
    {
        var response = await _raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest { Text = "hi" })]);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.False(response.TrailersOnly);
        Assert.Equal("0", response.Trailers.GetValues("grpc-status").Single());
        Assert.Equal(0, response.Body[0]);
        Assert.Equal("hi", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Fact]
    public async Task An_immediate_error_is_Trailers_Only()
    {
        var response = await _raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest { Behavior = "notfound" })]);

        Assert.True(response.TrailersOnly);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Empty(response.Body);
        Assert.Equal(StatusCode.NotFound, response.GrpcStatus);
        Assert.Equal("Key 42 was not found.", response.GrpcMessage);
    }

    [Theory]
    [InlineData("/platform.test.v1.Echo/Nope")]
    [InlineData("/no.such.Service/Method")]
    public async Task An_unknown_method_is_UNIMPLEMENTED(string path)
    {
        var response = await _raw.SendAsync(path, [RawGrpc.Frame(new EchoRequest())]);

        Assert.True(response.TrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
    }

    [Fact]
    public async Task A_content_type_that_is_not_gRPC_gets_415()
    {
        var response = await _raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest())], contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task The_server_enforces_grpc_timeout_by_itself()
    {
        var callId = Guid.NewGuid().ToString();

        var response = await _raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(new EchoRequest { Behavior = "wait", CallId = callId })],
            new Dictionary<string, string> { ["grpc-timeout"] = "100m" });

        Assert.Equal(StatusCode.DeadlineExceeded, response.GrpcStatus);
        Assert.Equal("deadline", await fixture.Server.Observer.WaitCancelledAsync(callId));
    }

    [Fact]
    public async Task A_gzip_request_gets_a_gzip_response_when_the_client_accepts_it()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(Google.Protobuf.MessageExtensions.ToByteArray(new EchoRequest { Text = "zipped" }));

        var response = await _raw.SendAsync("/platform.test.v1.Echo/Unary", [RawGrpc.Frame(compressed.ToArray(), flag: 1)],
            new Dictionary<string, string> { ["grpc-encoding"] = "gzip", ["grpc-accept-encoding"] = "gzip" });

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(1, response.Body[0]);
        using var inflated = new GZipStream(new MemoryStream(response.Body, 5, response.Body.Length - 5), CompressionMode.Decompress);
        Assert.Equal("zipped", EchoReply.Parser.ParseFrom(inflated).Text);
    }

    public void Dispose() => _raw.Dispose();
}
