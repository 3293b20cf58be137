using System.Globalization;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

// The response side of a call: messages, headers, and exactly one status at the end.
public sealed partial class ServerCallContext
{
    private static readonly string[] StatusCodeText = Enumerable.Range(0, 17).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private bool _headersPrepared;
    private bool _compressing;
    private bool _messageWritten;
    private int _writing;

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
        // Appended as HttpResponse.AppendTrailer does, but with one feature lookup (by Type, not the generic Get<T>) for
        // all trailers, and through the typed grpc-status/grpc-message properties, which Kestrel keeps as known trailers.
        var trailers = Trailers();
        trailers.GrpcStatus = StringValues.Concat(trailers.GrpcStatus, StatusCodeText[(int)status.StatusCode]);
        if (!string.IsNullOrEmpty(status.Detail)) trailers.GrpcMessage = StringValues.Concat(trailers.GrpcMessage, PercentEncoding.Encode(status.Detail));
        AppendHeaders(trailers, _responseTrailers);
        AppendHeaders(trailers, errorTrailers);
    }

    private IHeaderDictionary Trailers() =>
        (_http.Features[typeof(IHttpResponseTrailersFeature)] as IHttpResponseTrailersFeature)?.Trailers is { IsReadOnly: false } trailers
            ? trailers
            : throw new InvalidOperationException("Trailers are not supported for this response, or it is too late to add them.");

    private static void AppendHeaders(IHeaderDictionary headers, Metadata? metadata)
    {
        if (metadata is null) return;
        foreach (var entry in metadata) headers.Append(entry.Key, MetadataEncoding.ToHeaderValue(entry));
    }
}
