using System.IO.Compression;
using Platform.Grpc.Compression;
using Platform.Grpc.Framing;

namespace Platform.Grpc;

/// <summary>Options of <c>services.AddGrpcServer(options => …)</c>.</summary>
public sealed class GrpcServerOptions
{
    private readonly Dictionary<Type, ExceptionMapping> _exceptionMappings = [];
    private string? _responseCompression;

    /// <summary>Largest request message accepted, after decompression; larger ones fail with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// <c>"gzip"</c> to compress every response to clients that accept gzip. Null (the default) compresses only
    /// responses to calls whose request was itself gzip-compressed.
    /// </summary>
    public string? ResponseCompression
    {
        get => _responseCompression;
        set => _responseCompression = value is null or GrpcHeaders.Identity or MessageCompression.Gzip
            ? value
            : throw new ArgumentException($"Unsupported compression '{value}'; use '{MessageCompression.Gzip}' or null.", nameof(value));
    }

    public CompressionLevel ResponseCompressionLevel { get; set; } = CompressionLevel.Fastest;

    /// <summary>How often a health Watch re-evaluates the ASP.NET health checks (status overrides are pushed at once). Default 5 s.</summary>
    public TimeSpan HealthWatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Maps a service's own exception type (and its subtypes) to a status; the exception's message is sent to the caller,
    /// unless <paramref name="message"/> chooses another. Takes precedence over the built-in domain mappings.
    /// </summary>
    public GrpcServerOptions MapException<TException>(StatusCode statusCode, Func<TException, string>? message = null)
        where TException : Exception
    {
        if (statusCode == StatusCode.OK) throw new ArgumentException("An exception cannot map to OK.", nameof(statusCode));
        _exceptionMappings[typeof(TException)] = new ExceptionMapping(statusCode,
            message is null ? static e => e.Message : e => message((TException)e));
        return this;
    }

    internal IReadOnlyDictionary<Type, ExceptionMapping> ExceptionMappings => _exceptionMappings;
}

internal sealed record ExceptionMapping(StatusCode StatusCode, Func<Exception, string> Message);
