using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>The optional request headers (user-agent, grpc-accept-encoding) go only where they are wanted.</summary>
public sealed class RequestHeaderTests
{
    private static readonly ByteString Payload = ByteString.CopyFrom(new byte[50_000]);

    [Fact]
    public async Task A_plain_call_sends_te_and_the_user_agent_but_no_accept_encoding()
    {
        await using var server = await TestServer.StartAsync();
        using var recorder = new RecordingHandler();
        using var channel = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder });

        await new EchoClient(channel).UnaryAsync(new EchoRequest { Text = "x" });

        var request = recorder.Requests.Single();
        Assert.Equal("trailers", request.Headers.GetValues("te").Single());
        Assert.Equal(GrpcChannelOptions.DefaultUserAgent, request.Headers.GetValues("user-agent").Single());
        Assert.False(request.Headers.Contains("grpc-accept-encoding"));
    }

    [Fact]
    public async Task The_user_agent_can_be_replaced_or_left_out()
    {
        await using var server = await TestServer.StartAsync();
        using var recorder = new RecordingHandler();
        using var custom = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder, UserAgent = "grpc-keys/2.1" });
        using var none = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder, UserAgent = null });

        await new EchoClient(custom).UnaryAsync(new EchoRequest());
        await new EchoClient(none).UnaryAsync(new EchoRequest());

        var requests = recorder.Requests.ToArray();
        Assert.Equal("grpc-keys/2.1", requests[0].Headers.GetValues("user-agent").Single());
        Assert.False(requests[1].Headers.Contains("user-agent"));
    }

    [Fact]
    public async Task A_compressing_server_compresses_only_for_a_channel_that_accepts_gzip()
    {
        await using var server = await TestServer.StartAsync(options: o => o.ResponseCompression = "gzip");
        using var recorder = new RecordingHandler();
        using var silent = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder });
        using var accepting = server.CreateChannel(new GrpcChannelOptions { HttpHandler = recorder, AcceptCompression = true });

        var plain = await new EchoClient(silent).UnaryAsync(new EchoRequest { Payload = Payload });
        var compressed = await new EchoClient(accepting).UnaryAsync(new EchoRequest { Payload = Payload });

        Assert.Equal(Payload, plain.Payload);
        Assert.Equal(Payload, compressed.Payload);
        var responses = recorder.Responses.ToArray();
        Assert.False(responses[0].Headers.Contains("grpc-encoding"));
        Assert.Equal("gzip", responses[1].Headers.GetValues("grpc-encoding").Single());
        Assert.Contains("gzip", recorder.Requests.ToArray()[1].Headers.GetValues("grpc-accept-encoding").Single());
    }

    [Fact]
    public async Task A_gzip_response_that_was_not_asked_for_is_still_decoded()
    {
        // A server may compress with an encoding the client did not list; the client must not fail when it supports it.
        await using var server = await TestServer.StartAsync("rogue", mapEcho: false,
            map: app => app.MapPost("/platform.test.v1.Echo/Unary", RespondGzipAsync));
        using var channel = server.CreateChannel();

        var reply = await new EchoClient(channel).UnaryAsync(new EchoRequest());

        Assert.Equal("zipped", reply.Text);
    }

    private static async Task RespondGzipAsync(HttpContext http)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(new EchoReply { Text = "zipped" }.ToByteArray());
        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-encoding"] = "gzip";
        await http.Response.Body.WriteAsync(RawGrpc.Frame(compressed.ToArray(), flag: 1));
        http.Response.AppendTrailer("grpc-status", "0");
    }
}
