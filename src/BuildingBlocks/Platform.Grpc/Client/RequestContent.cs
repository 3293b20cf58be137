using System.Net;
using Google.Protobuf;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>A request body of exactly one message, serialized once with its length prefix.</summary>
/// <remarks>
/// A <see cref="ByteArrayContent"/> so that the HTTP/2 stack treats it as not duplex (its own buffered contents are
/// not; any other content is): the whole body is there before the request starts, so SocketsHttpHandler awaits the
/// body send alone instead of a <c>Task.WhenAny</c> of the body send and the response headers on every call.
/// </remarks>
internal sealed class UnaryContent : ByteArrayContent
{
    private readonly byte[] _frame;

    // Not pooled: the HTTP stack may still read the body after the response arrived.
    public UnaryContent(IMessage message, bool compress) : this(MessageWriter.ToArray(message, compress)) { }

    private UnaryContent(byte[] frame) : base(frame)
    {
        _frame = frame;
        Headers.TryAddWithoutValidation(GrpcHeaders.ContentType, GrpcHeaders.GrpcContentType);
    }

    // The caller's token, as before (ByteArrayContent passes none to a derived type's write).
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_frame, cancellationToken).AsTask();
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
