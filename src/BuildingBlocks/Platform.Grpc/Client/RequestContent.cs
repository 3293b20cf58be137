using System.Net;
using Google.Protobuf;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>A request body of exactly one message, serialized once with its length prefix.</summary>
internal sealed class UnaryContent : HttpContent
{
    private readonly byte[] _frame;

    public UnaryContent(IMessage message, bool compress)
    {
        // Not pooled: the HTTP stack may still read the body after the response arrived.
        _frame = MessageWriter.ToArray(message, compress);
        Headers.TryAddWithoutValidation(GrpcHeaders.ContentType, GrpcHeaders.GrpcContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_frame).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _frame.Length;
        return true;
    }
}

/// <summary>
/// A request body written message by message while the call runs (HTTP/2 is full duplex): the HTTP stack hands us
/// its stream, and ending the body is the client's half-close.
/// </summary>
internal sealed class StreamingContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingContent() => Headers.TryAddWithoutValidation(GrpcHeaders.ContentType, GrpcHeaders.GrpcContentType);

    public Task<Stream> GetStreamAsync(CancellationToken cancellationToken) => _stream.Task.WaitAsync(cancellationToken);

    public void Complete() => _completed.TrySetResult();

    /// <summary>The call ended: pending and later writes fail, and the body is cut off.</summary>
    public void Abort(Exception reason)
    {
        // Marked observed: a call that never wrote must not raise UnobservedTaskException later.
        if (_stream.TrySetException(reason)) _ = _stream.Task.Exception;
        _completed.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // The HTTP/2 stack holds the request HEADERS until the body is flushed: flush now, so a server that answers
        // before reading (response headers first, then requests) sees the call start.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
