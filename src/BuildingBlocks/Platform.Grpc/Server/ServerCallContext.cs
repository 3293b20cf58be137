using System.Security.Claims;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;
using Platform.Grpc.Telemetry;

namespace Platform.Grpc;

/// <summary>What a handler knows about its call, and how it adds response headers and trailers.</summary>
public sealed partial class ServerCallContext
{
    private readonly HttpContext _http;
    private readonly MethodNames _names;
    private readonly GrpcServerRuntime _runtime;
    // Read once: every HttpContext.RequestAborted read takes Kestrel's abort lock.
    private readonly CancellationToken _requestAborted;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private string? _peer;
    private ClaimsPrincipal? _user;

    internal ServerCallContext(HttpContext http, MethodNames names, GrpcServerRuntime runtime)
    {
        _http = http;
        _names = names;
        _runtime = runtime;
        _requestAborted = http.RequestAborted;
        CancellationToken = _requestAborted;
    }

    /// <summary>The full method name, <c>/package.Service/Method</c>.</summary>
    public string Method => _names.Path;

    /// <summary>Request metadata, without protocol headers and without <c>authorization</c> (see <see cref="User"/>).</summary>
    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders();

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    /// <summary>When the caller stops waiting (UTC); <see cref="DateTime.MaxValue"/> without a deadline.</summary>
    public DateTime Deadline => _deadline?.At ?? DateTime.MaxValue;

    /// <summary>Fires when the deadline passes or the client cancels (RST_STREAM).</summary>
    public CancellationToken CancellationToken { get; private set; }

    /// <summary>The client's address, as <c>ipv4:127.0.0.1:5000</c> or <c>ipv6:[::1]:5000</c>.</summary>
    public string Peer => _peer ??= FormatPeer();

    /// <summary>The authenticated caller, or an anonymous principal when the call had no credential.</summary>
    public ClaimsPrincipal User
    {
        // Lazy: ASP.NET Core allocates the anonymous principal on first access.
        get => _user ??= _http.User;
        internal set => _user = value;
    }

    /// <summary>
    /// <c>"gzip"</c> when responses will be compressed, else null. A handler may change it before its first response
    /// message; gzip is only used when the client accepts it.
    /// </summary>
    public string? ResponseCompression { get; set; }

    /// <summary>The underlying ASP.NET Core request, for what this context does not cover.</summary>
    public HttpContext GetHttpContext() => _http;

    /// <summary>Sends response headers now; only before the first response message.</summary>
    public async Task WriteResponseHeadersAsync(Metadata headers)
    {
        if (_http.Response.HasStarted) throw new InvalidOperationException("Response headers were already sent.");
        foreach (var entry in headers) _http.Response.Headers.Append(entry.Key, MetadataEncoding.ToHeaderValue(entry));
        PrepareResponseHeaders();
        await _http.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var (name, values) in _http.Request.Headers)
        {
            if (GrpcHeaders.IsReserved(name)) continue;
            if (!MetadataEncoding.TryAdd(metadata, name, values))
                throw new RpcException(StatusCode.Internal, $"Metadata '{name}' is not valid base64.");
        }
        return metadata;
    }

    private string FormatPeer()
    {
        var connection = _http.Connection;
        return connection.RemoteIpAddress switch
        {
            null => "unknown",
            { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
            var ip => $"ipv4:{ip}:{connection.RemotePort}",
        };
    }
}
