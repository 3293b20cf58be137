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

    /// <summary>Bearer credential for every call (see <see cref="CallOptions.Credentials"/>).</summary>
    public BearerTokenProvider? Credentials { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Replaces the channel's own <see cref="SocketsHttpHandler"/> (tests, custom TLS); the channel then does not dispose it.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }
}
