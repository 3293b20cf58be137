using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Platform.Grpc.Tests.Support;

/// <summary>
/// HTTP/2 requests with bodies we craft byte by byte (each chunk flushed as its own DATA frame), to feed a server
/// input no well-behaved client would send.
/// </summary>
public sealed class RawGrpc(Uri address) : IDisposable
{
    private readonly HttpMessageInvoker _http = new(new SocketsHttpHandler());

    public async Task<RawResponse> SendAsync(string path, IEnumerable<byte[]> chunks, IDictionary<string, string>? headers = null,
        string contentType = "application/grpc")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ChunkedContent(chunks, contentType),
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await _http.SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, response.TrailingHeaders, body);
    }

    /// <summary>A well-formed frame: flag, big-endian length, body.</summary>
    public static byte[] Frame(byte[] body, byte flag = 0, uint? length = null)
    {
        var frame = new byte[5 + body.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), length ?? (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public void Dispose() => _http.Dispose();

    private sealed class ChunkedContent : HttpContent
    {
        private readonly IEnumerable<byte[]> _chunks;

        public ChunkedContent(IEnumerable<byte[]> chunks, string contentType)
        {
            _chunks = chunks;
            Headers.TryAddWithoutValidation("content-type", contentType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var chunk in _chunks)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

public sealed record RawResponse(HttpStatusCode HttpStatus, string? ContentType, HttpResponseHeaders Headers, HttpResponseHeaders Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers for a Trailers-Only response.</summary>
    public StatusCode? GrpcStatus => Value("grpc-status") is { } code ? (StatusCode)int.Parse(code) : null;

    public string? GrpcMessage => Value("grpc-message");

    public bool TrailersOnly => Headers.Contains("grpc-status");

    public string? Value(string name) =>
        Trailers.TryGetValues(name, out var t) ? t.First() : Headers.TryGetValues(name, out var h) ? h.First() : null;
}
