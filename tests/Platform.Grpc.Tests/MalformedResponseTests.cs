using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Tests.Echo;
using Platform.Grpc.Tests.Support;

namespace Platform.Grpc.Tests;

/// <summary>Our client against a server that breaks the protocol: each case is a clear RpcException, never a hang.</summary>
public sealed class MalformedResponseTests
{
    private const string Path = "/platform.test.v1.Echo/Unary";

    public static TheoryData<string, StatusCode, string> Cases() => new()
    {
        { "two-messages", StatusCode.Internal, "more than one message" },
        { "truncated", StatusCode.Internal, "Incomplete message" },
        { "unknown-compression", StatusCode.Internal, "Unsupported grpc-encoding 'snappy'" },
        { "no-status", StatusCode.Internal, "no grpc-status" },
        { "http-503", StatusCode.Unavailable, "HTTP status code: 503" },
        { "http-404", StatusCode.Unimplemented, "HTTP status code: 404" },
        { "not-grpc", StatusCode.Internal, "Content-Type 'text/html" },
        { "garbage", StatusCode.Internal, "not a valid EchoReply" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_response_fails_with_its_status(string behavior, StatusCode expected, string detail)
    {
        await using var server = await TestServer.StartAsync("rogue", mapEcho: false, map: app => app.MapPost(Path, http => RespondAsync(http, behavior)));
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() => new EchoClient(channel).UnaryAsync(new EchoRequest()).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(detail, error.Status.Detail);
    }

    private static async Task RespondAsync(HttpContext http, string behavior)
    {
        var reply = Frame(new EchoReply { Text = "x" }.ToByteArray());
        var response = http.Response;
        switch (behavior)
        {
            case "http-503": response.StatusCode = 503; return;
            case "http-404": response.StatusCode = 404; return;
            case "not-grpc": response.ContentType = "text/html"; await response.WriteAsync("<html/>"); return;
        }
        response.ContentType = "application/grpc";
        switch (behavior)
        {
            case "two-messages": await response.Body.WriteAsync(reply.Concat(reply).ToArray()); break;
            case "truncated": await response.Body.WriteAsync(reply.AsMemory(0, reply.Length - 2)); break;
            case "garbage": await response.Body.WriteAsync(Frame([0xFF, 0xFF, 0xFF])); break;
            case "unknown-compression":
                response.Headers["grpc-encoding"] = "snappy";
                reply[0] = 1;
                await response.Body.WriteAsync(reply);
                break;
            case "no-status": await response.Body.WriteAsync(reply); return;
        }
        response.AppendTrailer("grpc-status", "0");
    }

    private static byte[] Frame(byte[] body)
    {
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }
}
