using System.IO.Compression;
using Google.Protobuf;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Bad bytes on the wire: each case gets its status, and the same server keeps serving.</summary>
public sealed class MalformedInputTests(ServerFixture fixture) : IDisposable
{
    private const string Unary = "/platform.test.v1.Echo/Unary";
    private readonly RawGrpc _raw = new(fixture.Server.Address);

    public static TheoryData<string, byte[][], string?, StatusCode> Cases() => new()
    {
        { "truncated header", [[0, 0, 0]], null, StatusCode.Internal },
        { "length prefix larger than the body", [RawGrpc.Frame(new byte[10], length: 100)], null, StatusCode.Internal },
        { "garbage protobuf", [RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])], null, StatusCode.Internal },
        { "compressed flag without grpc-encoding", [RawGrpc.Frame(Gzip(Request()), flag: 1)], null, StatusCode.Internal },
        { "unknown compression", [RawGrpc.Frame(Request(), flag: 1)], "snappy", StatusCode.Unimplemented },
        { "gzip flag with bytes that are not gzip", [RawGrpc.Frame(Request(), flag: 1)], "gzip", StatusCode.Internal },
        { "invalid compressed flag", [RawGrpc.Frame(Request(), flag: 2)], null, StatusCode.Internal },
        { "oversized message", [RawGrpc.Frame(new byte[5 * 1024 * 1024])], null, StatusCode.ResourceExhausted },
        { "gzip bomb", [RawGrpc.Frame(Gzip(new byte[8 * 1024 * 1024]), flag: 1)], "gzip", StatusCode.ResourceExhausted },
        { "two messages for a unary method", [RawGrpc.Frame(Request()), RawGrpc.Frame(Request())], null, StatusCode.Internal },
        { "no message for a unary method", [], null, StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_request_gets_its_status_and_the_server_keeps_serving(string name, byte[][] chunks, string? encoding, StatusCode expected)
    {
        var headers = encoding is null ? null : new Dictionary<string, string> { ["grpc-encoding"] = encoding };

        var response = await _raw.SendAsync(Unary, chunks, headers);

        Assert.True(expected == response.GrpcStatus, $"{name}: expected {expected}, got {response.GrpcStatus} ({response.GrpcMessage})");
        if (expected == StatusCode.Unimplemented) Assert.Contains("gzip", response.Value("grpc-accept-encoding"));
        Assert.Equal("still alive", (await fixture.Client.UnaryAsync(new EchoRequest { Text = "still alive" })).Text);
    }

    [Fact]
    public async Task A_message_split_into_one_byte_DATA_frames_is_reassembled()
    {
        var frame = RawGrpc.Frame(new EchoRequest { Text = "split", Payload = ByteString.CopyFrom(new byte[300]) });

        var response = await _raw.SendAsync(Unary, frame.Select(b => new[] { b }));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("split", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Fact]
    public async Task Several_messages_in_one_DATA_frame_are_all_read()
    {
        var frames = new[] { "a", "b", "c" }.SelectMany(t => RawGrpc.Frame(new EchoRequest { Text = t })).ToArray();

        var response = await _raw.SendAsync("/platform.test.v1.Echo/ClientStream", [frames]);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("a,b,c", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Fact]
    public async Task A_malformed_grpc_timeout_is_rejected()
    {
        var response = await _raw.SendAsync(Unary, [RawGrpc.Frame(Request())], new Dictionary<string, string> { ["grpc-timeout"] = "soon" });

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
    }

    private static byte[] Request() => new EchoRequest { Text = "x" }.ToByteArray();

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }

    public void Dispose() => _raw.Dispose();
}
