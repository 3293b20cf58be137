using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Platform.Grpc.Bench;

/// <summary>The same work over plain HTTP/2: the body is the protobuf message, no gRPC framing, headers or trailers.</summary>
public static class PlainEndpoint
{
    public const string Path = "/plain/echo";

    public static async Task HandleAsync(HttpContext http)
    {
        var reader = http.Request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await reader.ReadAsync();
            if (result.IsCompleted) break;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
        var request = BenchRequest.Parser.ParseFrom(result.Buffer);
        reader.AdvanceTo(result.Buffer.End);
        var reply = Reply.For(request);
        http.Response.ContentType = "application/x-protobuf";
        var size = reply.CalculateSize();
        http.Response.ContentLength = size;
        var span = http.Response.BodyWriter.GetSpan(size);
        reply.WriteTo(span[..size]);
        http.Response.BodyWriter.Advance(size);
    }
}
