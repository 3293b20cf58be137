using Microsoft.Extensions.Logging;

namespace Platform.Grpc;

internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "gRPC call {Method} attempt {Attempt} failed with {StatusCode}; retrying on the next address.")]
    public static partial void Retrying(ILogger logger, string method, int attempt, StatusCode statusCode);
}
