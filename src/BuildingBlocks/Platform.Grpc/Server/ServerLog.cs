using Microsoft.Extensions.Logging;

namespace Platform.Grpc;

// Messages never include credentials or request bodies: only method names, status codes and our own texts.
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Unhandled exception in gRPC method {Method}; the caller got UNKNOWN.")]
    public static partial void UnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Information, "Rejected a request to {Path}: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string path, string reason);
}
