using System.Globalization;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// The protocol side of a call: deadline, encodings, reading and writing messages, sending the status.
public sealed partial class ServerCallContext
{
    private static readonly string[] StatusCodeText = Enumerable.Range(0, 17).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private CancellationTokenSource? _deadline;
    private CancellationTokenRegistration _abortRegistration;
    private string? _requestEncoding;
    private bool _headersPrepared;
    private bool _compressing;
    private bool _messageWritten;
    private int _writing;

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
        Deadline = now + span;
        _deadline = new CancellationTokenSource(span, _runtime.TimeProvider);
        _abortRegistration = _requestAborted.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _deadline);
        CancellationToken = _deadline.Token;
        if (span <= TimeSpan.Zero) _deadline.Cancel();
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

    /// <summary>A streamed message, flushed so that the client gets it now.</summary>
    internal async ValueTask WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        BeginWrite();
        try
        {
            var writer = WriteFramed(message);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    /// <summary>
    /// The one response message of a unary or client-streaming call, unflushed: Kestrel sends it with the trailers
    /// when the request ends. Synchronous, as nothing is awaited.
    /// </summary>
    internal void WriteLastMessage(IMessage message)
    {
        BeginWrite();
        try
        {
            WriteFramed(message);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    private void BeginWrite()
    {
        if (ClientCancelled) throw new OperationCanceledException("The client cancelled the call.", _requestAborted);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
            throw new InvalidOperationException("A write is already in progress; await each WriteAsync before the next.");
    }

    private PipeWriter WriteFramed(IMessage message)
    {
        PrepareResponseHeaders();
        var writer = _http.Response.BodyWriter;
        MessageWriter.Write(writer, message, _compressing, _runtime.Options.ResponseCompressionLevel);
        _messageWritten = true;
        return writer;
    }

    private void PrepareResponseHeaders()
    {
        if (_headersPrepared) return;
        _headersPrepared = true;
        var headers = _http.Response.Headers;
        headers.ContentType = GrpcHeaders.GrpcContentType;
        // grpc-accept-encoding is optional on success; it costs a header per call on the hot path, so only errors carry it.
        _compressing = ResponseCompression == MessageCompression.Gzip
            && MessageCompression.Accepts(_http.Request.Headers.GrpcAcceptEncoding.ToString());
        if (_compressing) headers[GrpcHeaders.Encoding] = MessageCompression.Gzip;
    }

    /// <summary>Sends the status: as trailers after messages, or as Trailers-Only when nothing was sent yet.</summary>
    internal void Complete(Status status, Metadata? errorTrailers)
    {
        if (ClientCancelled) return;
        var response = _http.Response;
        var trailersOnly = !response.HasStarted && !_messageWritten;
        if (trailersOnly)
        {
            var headers = response.Headers;
            headers.ContentType = GrpcHeaders.GrpcContentType;
            // Also tells a client whose compression we refused (UNIMPLEMENTED) what we accept.
            headers[GrpcHeaders.AcceptEncoding] = MessageCompression.AcceptEncoding;
            headers[GrpcHeaders.Status] = StatusCodeText[(int)status.StatusCode];
            if (!string.IsNullOrEmpty(status.Detail)) headers[GrpcHeaders.Message] = PercentEncoding.Encode(status.Detail);
            AppendHeaders(headers, _responseTrailers);
            AppendHeaders(headers, errorTrailers);
            return;
        }
        // Appended as HttpResponse.AppendTrailer does, but with one feature lookup for all trailers, and through the
        // typed grpc-status/grpc-message properties, which Kestrel keeps as known trailers (no name lookup).
        var trailers = Trailers();
        trailers.GrpcStatus = StringValues.Concat(trailers.GrpcStatus, StatusCodeText[(int)status.StatusCode]);
        if (!string.IsNullOrEmpty(status.Detail)) trailers.GrpcMessage = StringValues.Concat(trailers.GrpcMessage, PercentEncoding.Encode(status.Detail));
        AppendHeaders(trailers, _responseTrailers);
        AppendHeaders(trailers, errorTrailers);
    }

    private IHeaderDictionary Trailers() =>
        _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers
            ? trailers
            : throw new InvalidOperationException("Trailers are not supported for this response, or it is too late to add them.");

    internal void Release()
    {
        _abortRegistration.Dispose();
        _deadline?.Dispose();
    }

    private static void AppendHeaders(IHeaderDictionary headers, Metadata? metadata)
    {
        if (metadata is null) return;
        foreach (var entry in metadata) headers.Append(entry.Key, MetadataEncoding.ToHeaderValue(entry));
    }
}
