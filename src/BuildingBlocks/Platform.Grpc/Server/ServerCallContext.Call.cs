using Google.Protobuf;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// The request side of a call: deadline, encodings, reading messages.
public sealed partial class ServerCallContext
{
    private CallDeadline? _deadline;
    private string? _requestEncoding;

    internal bool DeadlineExceeded => _deadline is { IsCancellationRequested: true } && !_requestAborted.IsCancellationRequested;

    internal bool ClientCancelled => _requestAborted.IsCancellationRequested;

    internal void Initialize()
    {
        // The typed grpc-* properties: Kestrel keeps them as known headers, read by a bit test rather than a name lookup.
        var headers = _http.Request.Headers;
        var encoding = headers.GrpcEncoding;
        _requestEncoding = encoding.Count == 0 ? null : encoding.ToString();
        var wantsGzip = _runtime.Options.ResponseCompression == MessageCompression.Gzip || _requestEncoding == MessageCompression.Gzip;
        if (wantsGzip && MessageCompression.Accepts(headers.GrpcAcceptEncoding.ToString())) ResponseCompression = MessageCompression.Gzip;

        var timeout = headers.GrpcTimeout;
        if (timeout.Count == 0) return;
        if (!GrpcTimeout.TryParse(timeout.ToString(), out var span))
            throw new RpcException(StatusCode.Internal, "The grpc-timeout header is malformed.");
        var now = _runtime.TimeProvider.GetUtcNow().UtcDateTime;
        // Beyond ~49 days a timer cannot be set; such a deadline is as good as none.
        if (span.TotalMilliseconds >= uint.MaxValue - 1) return;
        _deadline = new CallDeadline(now + span, span, _runtime.TimeProvider, _requestAborted);
        CancellationToken = _deadline.Token;
    }

    internal ValueTask<T> ReadSingleMessageAsync<T>(MessageParser<T> parser) where T : class, IMessage<T> =>
        MessageReader.TryReadSingle(_http.Request.BodyReader, parser, _runtime.Options.MaxReceiveMessageSize, out var message)
            ? new ValueTask<T>(message!)
            : ReadSingleMessageSlowAsync(parser);

    private async ValueTask<T> ReadSingleMessageSlowAsync<T>(MessageParser<T> parser) where T : class, IMessage<T>
    {
        var message = await ReadMessageAsync(parser, CancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request has no message.");
        if (await ReadMessageAsync(parser, CancellationToken).ConfigureAwait(false) is not null)
            throw new RpcException(StatusCode.Internal, "The request has more than one message for a method that takes one.");
        return message;
    }

    internal ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken) where T : class, IMessage<T> =>
        MessageReader.ReadAsync(_http.Request.BodyReader, parser, _runtime.Options.MaxReceiveMessageSize, _requestEncoding, server: true, cancellationToken);

    /// <summary>Stops the deadline's timer; the call is over.</summary>
    internal void Release() => _deadline?.Dispose();
}
