using System.IO.Pipelines;
using System.Net;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>
/// One HTTP/2 request carrying one call of any kind. The response side runs on its own: headers (or Trailers-Only),
/// then messages, then trailers with the status; the request side either is one prebuilt message or is written
/// message by message.
/// </summary>
internal sealed partial class ClientCall<TRequest, TResponse> : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>, IClientCallView
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private static readonly Version Http2 = HttpVersion.Version20;
    private static readonly Task<bool> Ready = Task.FromResult(true);
    private static readonly Task<bool> NotReady = Task.FromResult(false);

    private readonly ClientMethod<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CallScope _scope;
    private readonly bool _ownsScope;
    private readonly bool _compress;
    private StreamingContent? _requestStream;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private Task<bool> _ready = null!;
    private readonly bool _singleResponse;
    private PipeReader? _reader;
    private Stream? _body;
    private string? _responseEncoding;
    private Metadata? _headers;
    private Metadata? _trailers;
    private System.Net.Http.Headers.HttpHeaders? _trailerHeaders;
    private Status? _status;
    private TResponse? _current;
    private int _completed;

    public ClientCall(ClientMethod<TRequest, TResponse> method, in CallOptions options, CallScope scope, bool ownsScope, bool singleResponse)
    {
        _singleResponse = singleResponse;
        _method = method;
        _options = options;
        _scope = scope;
        _ownsScope = ownsScope;
        var compression = options.Compression ?? method.Channel.Options.Compression;
        if (compression is not (null or GrpcHeaders.Identity or MessageCompression.Gzip))
            throw new ArgumentException($"Unsupported compression '{compression}'; use '{MessageCompression.Gzip}'.", nameof(options));
        _compress = compression == MessageCompression.Gzip;
    }

    /// <summary>Sends the request headers (and <paramref name="request"/> as the whole body when given).</summary>
    public void Start(TRequest? request) => _ready = ReceiveHeadersTaskAsync(Prepare(request));

    private HttpRequestMessage Prepare(TRequest? request)
    {
        var channel = _method.Channel;
        var index = channel.NextAddress();
        _scope.SetAddress(channel.Addresses[index]);
        HttpContent content = request is null ? _requestStream = new StreamingContent() : new UnaryContent(request, _compress);
        _request = new HttpRequestMessage(HttpMethod.Post, _method.UriFor(index))
        {
            Version = Http2,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        return _request;
    }

    public Status? Status => _status;

    // Metadata objects are built only when asked for: the hot path never looks at them.
    public Metadata Trailers => _trailers ??= _trailerHeaders is null ? new Metadata() : ResponseStatus.ToMetadata(_trailerHeaders);

    public async Task<Metadata> GetResponseHeadersAsync()
    {
        await _ready.ConfigureAwait(false);
        if (_response is null) throw new RpcException(_status!.Value, Trailers);
        return _headers ??= ResponseStatus.ToMetadata(_response.Headers);
    }

    private async Task<bool> ReceiveHeadersTaskAsync(HttpRequestMessage request) => await ReceiveHeadersAsync(request).ConfigureAwait(false);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReceiveHeadersAsync(HttpRequestMessage request)
    {
        try
        {
            AddHeaders(request);
            if (Credentials is { } credentials) await AddCredentialsAsync(request, credentials).ConfigureAwait(false);
            var response = _response = await _method.Channel.Invoker.SendAsync(request, _scope.Token).ConfigureAwait(false);
            if (ResponseStatus.FromHeaders(response, out _responseEncoding) is { } status)
            {
                // Trailers-Only: the headers are the trailers.
                _trailerHeaders = response.Headers;
                Complete(status, status.StatusCode == StatusCode.OK ? null : ResponseStatus.ToMetadata(response.Headers));
                return false;
            }
            var stream = await response.Content.ReadAsStreamAsync(_scope.Token).ConfigureAwait(false);
            // One response message: read the body whole (ReadSingleResponseAsync); a stream of them: through a pipe.
            if (_singleResponse) _body = stream;
            else _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 1024));
            return true;
        }
        catch (Exception exception)
        {
            var rpc = _scope.Translate(exception);
            Complete(rpc.Status, rpc.Trailers);
            return false;
        }
    }

    private BearerTokenProvider? Credentials => _options.Credentials ?? _method.Channel.Options.Credentials;

    // Synchronous: with no credentials provider (the common case inside the platform) no async step is needed here.
    private void AddHeaders(HttpRequestMessage request)
    {
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcHeaders.Te, GrpcHeaders.Trailers);
        var options = _method.Channel.Options;
        if (options.UserAgent is { } userAgent) headers.TryAddWithoutValidation(GrpcHeaders.UserAgent, userAgent);
        // grpc-accept-encoding only when the server should know: servers compress only for clients that list gzip,
        // and a call that sends gzip wants gzip back. A gzip response that comes unasked is still decoded.
        if (_compress || options.AcceptCompression)
            headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, MessageCompression.AcceptEncoding);
        if (_compress) headers.TryAddWithoutValidation(GrpcHeaders.Encoding, MessageCompression.Gzip);
        if (_scope.TimeoutHeader() is { } timeout) headers.TryAddWithoutValidation(GrpcHeaders.Timeout, timeout);
        if (_options.Headers is { } metadata)
            foreach (var entry in metadata) headers.TryAddWithoutValidation(entry.Key, MetadataEncoding.ToHeaderValue(entry));
        Telemetry.TraceContext.Inject(request, _scope.Activity);
    }

    private async ValueTask AddCredentialsAsync(HttpRequestMessage request, BearerTokenProvider credentials)
    {
        var token = await credentials(_scope.Token).ConfigureAwait(false);
        request.Headers.TryAddWithoutValidation(GrpcHeaders.Authorization, "Bearer " + token);
    }
}
