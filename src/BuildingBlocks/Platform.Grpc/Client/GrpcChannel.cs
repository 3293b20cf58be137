using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Grpc;

/// <summary>
/// The connections to one service: one HTTP/2 connection pool (cleartext with prior knowledge on http://, several
/// connections when streams run out) over one or more addresses used round-robin. Create one per service and share it.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly Uri[] _addresses;
    private int _next = -1;

    private GrpcChannel(Uri[] addresses, GrpcChannelOptions options)
    {
        if (addresses.Length == 0) throw new ArgumentException("A channel needs at least one address.", nameof(addresses));
        foreach (var address in addresses)
            if (!address.IsAbsoluteUri || address.Scheme is not ("http" or "https"))
                throw new ArgumentException($"'{address}' is not an absolute http:// or https:// address.", nameof(addresses));
        _addresses = addresses;
        Options = options;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? CreateHandler(options), disposeHandler: options.HttpHandler is null);
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Platform.Grpc.Client");
    }

    public IReadOnlyList<Uri> Addresses => _addresses;

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    internal ILogger Logger { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddresses([new Uri(address)], options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) => ForAddresses([address], options);

    public static GrpcChannel ForAddresses(IEnumerable<Uri> addresses, GrpcChannelOptions? options = null) =>
        new(addresses.ToArray(), options ?? new GrpcChannelOptions());

    /// <summary>
    /// A channel to <paramref name="serviceName"/> from <c>services:{name}:grpc:0</c>, <c>:1</c>, … (environment:
    /// <c>services__keys__grpc__0=http://127.0.0.1:7112</c>).
    /// </summary>
    public static GrpcChannel FromConfiguration(IConfiguration configuration, string serviceName, GrpcChannelOptions? options = null)
    {
        var section = configuration.GetSection($"services:{serviceName}:grpc");
        var addresses = section.GetChildren()
            .Select(c => (Index: int.TryParse(c.Key, out var i) ? i : int.MaxValue, c.Value))
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .OrderBy(c => c.Index)
            .Select(c => Uri.TryCreate(c.Value, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"services:{serviceName}:grpc:{c.Index} is not an absolute URL."))
            .ToArray();
        if (addresses.Length == 0)
            throw new InvalidOperationException(
                $"No gRPC address for service '{serviceName}': set services__{serviceName}__grpc__0 (and __1, … for more).");
        return new GrpcChannel(addresses, options ?? new GrpcChannelOptions());
    }

    internal int NextAddress() => (int)((uint)Interlocked.Increment(ref _next) % (uint)_addresses.Length);

    public void Dispose() => Invoker.Dispose();

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options) => new()
    {
        // More than one connection when a connection's concurrent-stream limit is reached.
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = options.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        // Internal h2c traffic must never go through an HTTP proxy from the environment.
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // We put traceparent in the metadata ourselves, from the RPC activity.
        ActivityHeadersPropagator = null,
    };
}
