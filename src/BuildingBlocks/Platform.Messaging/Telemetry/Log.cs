using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

// Ids and types only: message bodies may hold personal data.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Relay published event {EventId} ({EventType}) at position {Position}")]
    public static partial void Published(ILogger logger, Guid eventId, string eventType, long position);

    [LoggerMessage(2, LogLevel.Information, "Message {MessageId} was already processed by {Consumer}; acknowledged without effect")]
    public static partial void Duplicate(ILogger logger, Guid messageId, string consumer);

    [LoggerMessage(3, LogLevel.Information, "Deleted {Count} processed message ids recorded before {Before}")]
    public static partial void ProcessedIdsDeleted(ILogger logger, long count, DateTimeOffset before);

    [LoggerMessage(4, LogLevel.Warning, "Deleting expired processed message ids failed; the next sweep retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
