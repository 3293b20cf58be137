using Microsoft.Extensions.Logging;

namespace Platform.Grpc;

public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted, after decompression; larger ones fail with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Attempts of an idempotent unary call, the first included, when calls fail with UNAVAILABLE. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry; doubled for each further one. Default 25 ms.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary><c>"gzip"</c> to compress request messages of every call (see <see cref="CallOptions.Compression"/>).</summary>
    public string? Compression { get; set; }

    /// <summary>
    /// Advertise gzip in <c>grpc-accept-encoding</c> on every call, so that servers configured to compress responses
    /// (<see cref="GrpcServerOptions.ResponseCompression"/>) do. Default false: the header goes only with calls that
    /// send gzip themselves (<see cref="Compression"/>, <see cref="CallOptions.Compression"/>), as servers must not
    /// compress for a client that did not list the encoding. A gzip response is decoded either way.
    /// </summary>
    public bool AcceptCompression { get; set; }

    /// <summary>
    /// The <c>user-agent</c> request header (the gRPC spec recommends one, it is optional); null omits it.
    /// Default <c>grpc-dotnet-platform/1.0</c>.
    /// </summary>
    public string? UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>The default <see cref="UserAgent"/>, in the structure the gRPC spec recommends.</summary>
    public const string DefaultUserAgent = "grpc-dotnet-platform/1.0";

    /// <summary>Bearer credential for every call (see <see cref="CallOptions.Credentials"/>).</summary>
    public BearerTokenProvider? Credentials { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Replaces the channel's own <see cref="SocketsHttpHandler"/> (tests, custom TLS); the channel then does not dispose it.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
