using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Grpc;

/// <summary>What every server method shares, resolved once when services are mapped.</summary>
internal sealed class GrpcServerRuntime(IOptions<GrpcServerOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
{
    public GrpcServerOptions Options { get; } = options.Value;

    public ExceptionMapper Exceptions { get; } = new(options.Value.ExceptionMappings);

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Platform.Grpc.Server");

    public TimeProvider TimeProvider { get; } = timeProvider;
}
